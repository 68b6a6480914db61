package dev.newsfeed.post;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Read queries in plain SQL on the reactive client: keyset pages, full-text search, single posts. Plain SQL
 * says keyset conditions and ranking better than HQL, and runs about twice as fast here.
 */
@ApplicationScoped
public class PostQueries {

    static final String SELECT = """
            select p.id, p.headline, p.timestamp_text, p.published_at, p.published_at_precision, p.authors,
                   p.location, p.body, p.caption_texts, p.caption_credits, s.slug as source, p.liveblog_id, l.url as page_url, p.anchor,
                   p.first_seen_at, p.updated_at,
                   coalesce((select jsonb_agg(jsonb_build_object('slug', t.slug, 'name', t.name,
                                 'score', pt.score, 'evidence', pt.evidence) order by pt.score desc, t.slug)
                             from post_topic pt join topic t on t.slug = pt.topic_slug
                             where pt.post_id = p.id), '[]'::jsonb) as topics
            """;
    static final String JOINS = " join source s on s.id = p.source_id join liveblog l on l.id = p.liveblog_id";
    private static final String FROM = " from post p" + JOINS;

    private final Pool pool;

    public PostQueries(@ReactiveDataSource("read") Pool pool) {
        this.pool = pool;
    }

    public Uni<PostPage> page(PostFilter f) {
        List<Object> args = new ArrayList<>();
        // A topic's page walks the topic's own index on post_topic; every other page walks post's.
        boolean byTopic = f.topic() != null && f.q() == null;
        String key = byTopic ? "pt.sort_at" : "p.sort_at";
        String id = byTopic ? "pt.post_id" : "p.id";
        String from = byTopic ? " from post_topic pt join post p on p.id = pt.post_id" + JOINS : FROM;
        StringBuilder where = new StringBuilder(" where true");
        if (byTopic) {
            args.add(f.topic());
            where.append(" and pt.topic_slug = $").append(args.size());
        } else if (f.topic() != null) {
            args.add(f.topic());
            where.append(" and exists (select 1 from post_topic pt where pt.post_id = p.id and pt.topic_slug = $")
                    .append(args.size()).append(')');
        }
        if (f.source() != null) {
            args.add(f.source());
            where.append(" and p.source_id = (select id from source where slug = $").append(args.size()).append(')');
        }
        if (f.liveblog() != null) {
            args.add(f.liveblog());
            where.append(" and p.liveblog_id = $").append(args.size());
        }
        if (f.since() != null) {
            args.add(utc(f.since()));
            where.append(" and ").append(key).append(" >= $").append(args.size());
        }
        if (f.until() != null) {
            args.add(utc(f.until()));
            where.append(" and p.published_at < $").append(args.size());
        }
        String sql;
        if (f.q() != null) {
            sql = search(f, where, args);
        } else {
            if (f.cursor() != null) {
                // Undated posts carry sort key '-infinity', so one row comparison pages through both kinds.
                args.add(f.cursor().publishedAt() == null ? null : utc(f.cursor().publishedAt()));
                args.add(f.cursor().id());
                where.append(" and (").append(key).append(", ").append(id).append(") < (coalesce($")
                        .append(args.size() - 1).append("::timestamptz, '-infinity'::timestamptz), $")
                        .append(args.size()).append(')');
            }
            // The limit is written into the statement, not bound: with a bound limit PostgreSQL's generic plan
            // for a cached statement cannot know the page is small, and sorts the whole topic (1/3 of the rate).
            sql = SELECT + from + where + " order by " + key + " desc, " + id + " desc limit " + (f.limit() + 1);
        }
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<PostView> items = new ArrayList<>();
            Float lastRank = null;
            for (Row row : rows) {
                if (items.size() == f.limit()) {
                    PostView last = items.get(items.size() - 1);
                    Cursor next = f.q() != null ? new Cursor(null, lastRank, last.id())
                            : new Cursor(last.publishedAt(), null, last.id());
                    return new PostPage(items, next.encode());
                }
                items.add(view(row));
                lastRank = f.q() != null ? row.getFloat("rank") : null;
            }
            return new PostPage(items, null);
        });
    }

    /**
     * Ranks every match but reads only the page's rows: ranking on the post alone, then joining the page's
     * posts to their source, live blog and topics. Carrying every column of 3,500 matches through the sort
     * cost as much as the ranking itself.
     */
    static String search(PostFilter f, StringBuilder where, List<Object> args) {
        args.add(f.q());
        String rank = "ts_rank(p.search, websearch_to_tsquery('english', $" + args.size() + "))";
        where.append(" and p.search @@ websearch_to_tsquery('english', $").append(args.size()).append(')');
        if (f.cursor() != null) {
            args.add(f.cursor().rank() == null ? Float.MAX_VALUE : f.cursor().rank());
            args.add(f.cursor().id());
            where.append(" and (").append(rank).append(", p.id) < ($").append(args.size() - 1)
                    .append("::real, $").append(args.size()).append(')');
        }
        return "with hit as (select p.id, " + rank + " as rank from post p" + where
                + " order by rank desc, p.id desc limit " + (f.limit() + 1) + ")\n"
                + SELECT + ", hit.rank from hit join post p on p.id = hit.id" + JOINS
                + " order by hit.rank desc, p.id desc";
    }

    public Uni<Optional<PostView>> byId(UUID id) {
        return pool.preparedQuery(SELECT + FROM + " where p.id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(view(rows.iterator().next()))
                        : Optional.empty());
    }

    /** Every post of a live blog, newest first. */
    public Uni<List<PostView>> ofLiveBlog(long liveblog) {
        return pool.preparedQuery(SELECT + FROM + " where p.liveblog_id = $1"
                        + " order by p.sort_at desc, p.id desc")
                .execute(Tuple.of(liveblog))
                .map(rows -> {
                    List<PostView> out = new ArrayList<>();
                    rows.forEach(r -> out.add(view(r)));
                    return out;
                });
    }

    static PostView view(Row r) {
        String pageUrl = r.getString("page_url");
        String anchor = r.getString("anchor");
        String url = pageUrl == null ? null : anchor == null ? pageUrl : pageUrl + "#" + anchor;
        return new PostView(
                r.getUUID("id"),
                r.getString("headline"),
                r.getString("timestamp_text"),
                instant(r.getOffsetDateTime("published_at")),
                r.getString("published_at_precision"),
                List.of(r.getArrayOfStrings("authors")),
                r.getString("location"),
                List.of(r.getArrayOfStrings("body")),
                captions(r.getArrayOfStrings("caption_texts"), r.getArrayOfStrings("caption_credits")),
                topics((JsonArray) r.getJson("topics")),
                r.getString("source"),
                r.getLong("liveblog_id"),
                url,
                instant(r.getOffsetDateTime("first_seen_at")),
                instant(r.getOffsetDateTime("updated_at")));
    }

    private static List<PostView.CaptionView> captions(String[] texts, String[] credits) {
        List<PostView.CaptionView> out = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            out.add(new PostView.CaptionView(texts[i], i < credits.length ? credits[i] : null));
        }
        return out;
    }

    private static List<PostView.TopicRef> topics(JsonArray a) {
        List<PostView.TopicRef> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonObject t = a.getJsonObject(i);
            Map<String, Object> evidence = t.getJsonObject("evidence").getMap();
            out.add(new PostView.TopicRef(t.getString("slug"), t.getString("name"),
                    t.getNumber("score").doubleValue(), evidence));
        }
        return out;
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
