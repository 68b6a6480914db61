package dev.newsfeed.ingest;

import dev.newsfeed.extract.ExtractedDocument;
import dev.newsfeed.extract.Precision;
import dev.newsfeed.topic.TopicLinks;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The statements of one ingest, each run inside the caller's transaction. A document's posts are stored with a
 * fixed number of statements whatever their count: posts read once, then written as arrays unnested by
 * PostgreSQL (one round trip per kind of write, not one per post).
 */
@ApplicationScoped
class IngestStore {

    private final TopicLinks topics;

    IngestStore(TopicLinks topics) {
        this.topics = topics;
    }

    /** Serialises transactions on the same page until they commit: parallel ingests of it meet here. */
    Uni<Void> lock(SqlClient tx, String key) {
        return tx.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))").execute(Tuple.of(key))
                .replaceWithVoid();
    }

    /** The answer for a document ingested before, or null: the same shape, nothing written, one statement. */
    Uni<IngestResult> repeat(SqlClient client, String sha) {
        return client.preparedQuery("select d.id, d.layout, d.extraction_error, d.warnings, d.confidence, d.post_ids, "
                        + "s.slug as source from document d join source s on s.id = d.source_id where d.sha256 = $1")
                .execute(Tuple.of(sha))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    List<UUID> ids = List.of(r.getArrayOfUUIDs("post_ids"));
                    return new IngestResult(r.getLong("id"), sha, r.getString("layout"), r.getString("source"), 0, 0,
                            ids.size(), ids, true, r.getString("extraction_error"),
                            List.of(r.getArrayOfStrings("warnings")), r.getString("confidence"));
                });
    }

    /**
     * The source's id, the source made on first sight. When another transaction is making it at the same moment,
     * the insert waits for it and inserts nothing, and its own statement cannot see the row the other one
     * committed: a third statement, with a fresh snapshot, does.
     */
    Uni<Long> source(SqlClient tx, String slug, String name) {
        return sourceId(tx, slug).flatMap(found -> found != null ? Uni.createFrom().item(found)
                : tx.preparedQuery("insert into source (slug, name) values ($1, $2) on conflict (slug) do nothing "
                                + "returning id")
                        .execute(Tuple.of(slug, name))
                        .flatMap(rows -> rows.size() > 0 ? Uni.createFrom().item(rows.iterator().next().getLong("id"))
                                : sourceId(tx, slug)));
    }

    private static Uni<Long> sourceId(SqlClient tx, String slug) {
        return tx.preparedQuery("select id from source where slug = $1").execute(Tuple.of(slug))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
    }

    /** Keeps the page as it was received, whatever came of reading it. */
    Uni<Long> document(SqlClient tx, long sourceId, String sha, IncomingDocument in, byte[] raw, Reading reading) {
        return tx.preparedQuery("""
                        insert into document (source_id, sha256, url, content_type, raw, retrieved_at, ingested_at,
                                              layout, extractor_version, extraction_error, warnings, confidence)
                        values ($1, $2, $3, $4, $5, $6, now(), $7, $8, $9, $10, $11) returning id""")
                .execute(Tuple.tuple().addLong(sourceId).addString(sha).addString(in.url())
                        .addString(in.contentType()).addBuffer(io.vertx.mutiny.core.buffer.Buffer.buffer(raw))
                        .addOffsetDateTime(utc(in.retrievedAt())).addString(reading.layout())
                        .addInteger(reading.extractorVersion()).addString(reading.error())
                        .addArrayOfString(reading.warnings()).addString(reading.confidence()))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** Records a new reading of a stored document (a reprocess). */
    Uni<Void> reread(SqlClient tx, long documentId, Reading reading) {
        return tx.preparedQuery("update document set layout = $2, extractor_version = $3, extraction_error = $4, "
                        + "warnings = $5, confidence = $6 where id = $1")
                .execute(Tuple.tuple().addLong(documentId).addString(reading.layout())
                        .addInteger(reading.extractorVersion()).addString(reading.error())
                        .addArrayOfString(reading.warnings()).addString(reading.confidence()))
                .replaceWithVoid();
    }

    /** What the extractor made of a page, as the document row keeps it. */
    record Reading(String layout, int extractorVersion, String error, String[] warnings, String confidence) {
    }

    /**
     * The live blog a page belongs to, created on first sight. Its row is written only when something about it
     * changed, so a page read again as it was costs no write here.
     */
    Uni<Long> liveBlog(SqlClient tx, long sourceId, String pageKey, String url, ExtractedDocument doc) {
        String fallbackTitle = doc.posts().isEmpty() ? null : doc.posts().get(0).headline();
        String[] summary = doc.summary().stream().map(dev.newsfeed.web.SafeText::legal).toArray(String[]::new);
        return tx.preparedQuery("""
                        with up as (
                            insert into liveblog (source_id, page_key, url, title, kind, summary, updated_at)
                            values ($1, $2, $3, coalesce($4, $8), $5, $6, $7)
                            on conflict (page_key) do update set
                                url = coalesce(excluded.url, liveblog.url),
                                title = coalesce($4, liveblog.title, $8),
                                kind = excluded.kind,
                                summary = case when cardinality(excluded.summary) = 0 then liveblog.summary
                                               else excluded.summary end,
                                updated_at = greatest(liveblog.updated_at, excluded.updated_at)
                            where (liveblog.url, liveblog.title, liveblog.kind, liveblog.summary, liveblog.updated_at)
                                is distinct from (coalesce(excluded.url, liveblog.url), coalesce($4, liveblog.title, $8),
                                    excluded.kind, case when cardinality(excluded.summary) = 0 then liveblog.summary
                                    else excluded.summary end, greatest(liveblog.updated_at, excluded.updated_at))
                            returning id)
                        select id from up union all select id from liveblog where page_key = $2 limit 1""")
                .execute(Tuple.from(java.util.Arrays.asList(sourceId, pageKey, url,
                        dev.newsfeed.web.SafeText.legal(doc.title()), doc.layout().wire(), summary,
                        doc.updatedAt() == null ? null : utc(doc.updatedAt()), dev.newsfeed.web.SafeText.legal(fallbackTitle))))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    /** What matching needs of every post the live blog known by {@code pageKey} has (none yet: empty). */
    Uni<List<StoredPost>> storedPosts(SqlClient tx, String pageKey) {
        return tx.preparedQuery("select id, anchor, headline, opening_key, "
                        + "case when opening_key is null then body[1] end as opening, timestamp_text, published_at, "
                        + "published_at_precision, content_hash from post "
                        + "where liveblog_id = (select id from liveblog where page_key = $1)")
                .execute(Tuple.of(pageKey))
                .map(rows -> {
                    List<StoredPost> out = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        String key = r.getString("opening_key");
                        out.add(new StoredPost(r.getUUID("id"), r.getString("anchor"), r.getString("headline"),
                                key == null ? PostMatcher.openingKey(r.getString("opening")) : key.isEmpty() ? null : key,
                                r.getString("timestamp_text"),
                                Precision.valueOf(r.getString("published_at_precision").toUpperCase(java.util.Locale.ROOT)),
                                instant(r.getOffsetDateTime("published_at")), r.getString("content_hash")));
                    }
                    return out;
                });
    }

    /** Writes the plan's posts (new ones, revisions and new content of changed ones); answers how many changed. */
    Uni<Integer> writePosts(SqlClient tx, long documentId, long liveBlogId, long sourceId, IngestPlan plan) {
        return insert(tx, documentId, liveBlogId, sourceId, plan.createdColumns())
                .flatMap(x -> revise(tx, documentId, plan.changedColumns()))
                .replaceWith(plan.created().size() + plan.changed().size());
    }

    /**
     * Records which live blog the document is of, its posts in page order and how many of them it changed. A copy
     * that changed none makes the live blog's earlier such copies redundant: they are removed, so a page fetched
     * every few minutes keeps one unchanged copy, not one per fetch.
     */
    Uni<Void> settle(SqlClient tx, long documentId, long liveBlogId, List<UUID> postIds, int postsChanged) {
        return tx.preparedQuery("update document set liveblog_id = $2, post_ids = $3, posts_changed = $4 where id = $1")
                .execute(Tuple.of(documentId, liveBlogId, postIds.toArray(UUID[]::new), postsChanged))
                .flatMap(x -> postsChanged > 0 ? Uni.createFrom().nullItem() : tx.preparedQuery(
                                "delete from document where liveblog_id = $2 and posts_changed = 0 and id <> $1")
                        .execute(Tuple.of(documentId, liveBlogId)))
                .replaceWithVoid();
    }

    /** Replaces the topic links of the posts written; only the changed ones had links before. */
    Uni<Void> writeTopics(SqlClient tx, IngestPlan plan, List<TopicLinks.Classified> classified) {
        return topics.replace(tx, classified, plan.changed().stream().map(IngestPlan.PostWrite::id).toList());
    }

    private static final String[] COLUMN_TYPES = {"uuid", "text", "text", "timestamptz", "text", "text", "text",
        "text", "text", "text", "text", "text", "text", "text", "text", "text", "bool", "bool", "text"};

    /** The posts' columns as a table {@code u}, from arrays bound at parameters {@code $first} onwards. */
    private static String unnest(int first) {
        StringBuilder b = new StringBuilder(" unnest(");
        for (int i = 0; i < COLUMN_TYPES.length; i++) {
            b.append(i == 0 ? "" : ", ").append('$').append(first + i).append("::").append(COLUMN_TYPES[i]).append("[]");
        }
        return b.append(") as u(id, headline, timestamp_text, published_at, stamp_precision, authors, location, body, ")
                .append("body_text, caption_texts, caption_credits, anchor, content_hash, timestamp_relative, labels, ")
                .append("dateline, headline_printed, complete, opening_key)").toString();
    }

    private Uni<Void> insert(SqlClient tx, long documentId, long liveBlogId, long sourceId, Columns posts) {
        if (posts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        insert into post (id, liveblog_id, source_id, document_id, headline, timestamp_text,
                                          published_at, published_at_precision, authors, location, body, body_text,
                                          caption_texts, caption_credits, anchor, content_hash, revision,
                                          first_seen_at, updated_at, timestamp_relative, labels, dateline,
                                          headline_printed, complete, opening_key)
                        select u.id, $2, $3, $1, u.headline, u.timestamp_text, u.published_at, u.stamp_precision,
                               u.authors::text[], u.location, u.body::text[],
                               u.body_text, u.caption_texts::text[],
                               u.caption_credits::text[], u.anchor, u.content_hash, 1, now(), now(),
                               u.timestamp_relative, u.labels::text[], u.dateline,
                               u.headline_printed, u.complete, u.opening_key
                        from """ + unnest(4))
                .execute(posts.after(Tuple.of(documentId, liveBlogId, sourceId)))
                .replaceWithVoid();
    }

    /** Keeps each changed post's current content as a revision, then writes the new content over it. */
    private Uni<Void> revise(SqlClient tx, long documentId, Columns posts) {
        if (posts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = posts.id();
        return tx.preparedQuery("""
                        insert into post_revision (post_id, revision, headline, body, caption_texts, caption_credits,
                                                   authors, content_hash, document_id, recorded_at)
                        select id, revision, headline, body, caption_texts, caption_credits, authors, content_hash,
                               document_id, now()
                        from post where id = any($1)""")
                .execute(Tuple.of(ids))
                .flatMap(x -> tx.preparedQuery("""
                                update post p set document_id = $1, headline = u.headline,
                                    timestamp_text = u.timestamp_text, published_at = u.published_at,
                                    published_at_precision = u.stamp_precision,
                                    authors = u.authors::text[], location = u.location,
                                    body = u.body::text[], body_text = u.body_text,
                                    caption_texts = u.caption_texts::text[],
                                    caption_credits = u.caption_credits::text[],
                                    anchor = u.anchor, content_hash = u.content_hash, revision = p.revision + 1,
                                    updated_at = now(), timestamp_relative = u.timestamp_relative,
                                    labels = u.labels::text[], dateline = u.dateline,
                                    headline_printed = u.headline_printed, complete = u.complete,
                                    opening_key = u.opening_key
                                from """ + unnest(2) + " where p.id = u.id")
                        .execute(posts.after(Tuple.of(documentId))))
                .replaceWithVoid();
    }

    /**
     * Posts to write as one array per column, one element per post: made where the plan is made, on a worker (for
     * a page of thousands of posts, escaping their text arrays takes longer than the event loop may).
     */
    record Columns(UUID[] id, String[] headline, String[] stamp, OffsetDateTime[] published, String[] precision,
                   String[] authors, String[] location, String[] body, String[] bodyText, String[] captions,
                   String[] credits, String[] anchor, String[] hash, String[] relative, String[] labels,
                   String[] dateline, Boolean[] printed, Boolean[] complete, String[] openingKey) {

        static Columns of(List<IngestPlan.PostWrite> posts) {
            int n = posts.size();
            Columns c = new Columns(new UUID[n], new String[n], new String[n], new OffsetDateTime[n], new String[n],
                    new String[n], new String[n], new String[n], new String[n], new String[n], new String[n],
                    new String[n], new String[n], new String[n], new String[n], new String[n], new Boolean[n],
                    new Boolean[n], new String[n]);
            for (int i = 0; i < n; i++) {
                PostContent p = posts.get(i).content();
                c.id[i] = posts.get(i).id();
                c.headline[i] = p.headline();
                c.stamp[i] = p.timestampText();
                c.published[i] = p.publishedAt() == null ? null : utc(p.publishedAt());
                c.precision[i] = p.precision().wire();
                c.authors[i] = arrayLiteral(p.authors());
                c.location[i] = p.location();
                c.body[i] = arrayLiteral(p.body());
                c.bodyText[i] = p.bodyText();
                c.captions[i] = arrayLiteral(p.captionTexts());
                c.credits[i] = arrayLiteral(p.captionCredits());
                c.anchor[i] = p.anchor();
                c.hash[i] = p.hash();
                c.relative[i] = p.timestampRelative();
                c.labels[i] = arrayLiteral(p.labels());
                c.dateline[i] = p.dateline();
                c.printed[i] = p.headlinePrinted();
                c.complete[i] = p.complete();
                String key = p.body().length == 0 ? null : PostMatcher.openingKey(p.body()[0]);
                c.openingKey[i] = key == null ? "" : key;
            }
            return c;
        }

        boolean isEmpty() {
            return id.length == 0;
        }

        /** {@code head}, then the columns. */
        Tuple after(Tuple head) {
            return head.addArrayOfUUID(id).addArrayOfString(headline).addArrayOfString(stamp)
                    .addArrayOfOffsetDateTime(published).addArrayOfString(precision).addArrayOfString(authors)
                    .addArrayOfString(location).addArrayOfString(body).addArrayOfString(bodyText)
                    .addArrayOfString(captions).addArrayOfString(credits).addArrayOfString(anchor)
                    .addArrayOfString(hash).addArrayOfString(relative).addArrayOfString(labels)
                    .addArrayOfString(dateline).addArrayOfBoolean(printed).addArrayOfBoolean(complete)
                    .addArrayOfString(openingKey);
        }
    }

    /**
     * A text array as PostgreSQL's array literal, cast by the statement: parsed by the server's own array input,
     * which costs a fraction of building the array from JSON per row. A missing value (a caption's credit the
     * page does not print) is the literal's unquoted NULL.
     */
    static String arrayLiteral(String[] values) {
        StringBuilder b = new StringBuilder(2 + values.length * 16).append('{');
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                b.append(i == 0 ? "NULL" : ",NULL");
                continue;
            }
            b.append(i == 0 ? "\"" : ",\"");
            for (int c = 0; c < v.length(); c++) {
                char ch = v.charAt(c);
                if (ch == '"' || ch == '\\') {
                    b.append('\\');
                }
                b.append(ch);
            }
            b.append('"');
        }
        return b.append('}').toString();
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
