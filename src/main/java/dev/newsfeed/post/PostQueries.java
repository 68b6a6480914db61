package dev.newsfeed.post;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
                   p.location, p.body, p.caption_texts, p.caption_credits, s.slug as source, p.liveblog_id,
                   l.url as page_url, p.anchor, p.first_seen_at, p.updated_at, p.timestamp_relative, p.labels,
                   p.dateline, p.headline_printed, p.complete, p.revision
            """;
    /**
     * The topics of a page's posts, read in one statement after the page: a topics subquery per post (a jsonb
     * aggregate for each) cost PostgreSQL as much as the rest of the page.
     */
    static final String TOPIC_LINKS = """
            select pt.post_id, t.slug, t.name, pt.score, pt.evidence::text as evidence
            from post_topic pt join topic t on t.slug = pt.topic_slug
            where pt.post_id = any($1) order by pt.post_id, pt.score desc, t.slug
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
            // for a cached statement cannot know the page is small, and sorts the whole topic.
            sql = SELECT + from + where + " order by " + key + " desc, " + id + " desc limit " + (f.limit() + 1);
        }
        return pool.preparedQuery(sql).execute(Tuple.from(args)).flatMap(rows -> {
            PostRow mapping = new PostRow(rows.columnsNames());
            List<Row> page = new ArrayList<>(f.limit());
            boolean more = false;
            for (Row row : rows) {
                if (page.size() == f.limit()) {
                    more = true;
                    break;
                }
                page.add(row);
            }
            String next = more ? mapping.cursor(page.get(page.size() - 1)).encode() : null;
            return withTopics(mapping, page).map(items -> new PostPage(items, next));
        });
    }

    /**
     * Ranks every match but reads only the page's rows: ranking on the post alone, then joining the page's
     * posts to their source and live blog. Carrying every column of thousands of matches through the sort cost
     * as much as the ranking itself.
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
                .flatMap(rows -> withTopics(new PostRow(rows.columnsNames()), rows(rows)))
                .map(found -> found.isEmpty() ? Optional.empty() : Optional.of(found.get(0)));
    }

    private static List<Row> rows(RowSet<Row> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        rows.forEach(out::add);
        return out;
    }

    /** The posts of {@code rows}, in their order, each with its topics. */
    private Uni<List<PostView>> withTopics(PostRow mapping, List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = rows.stream().map(mapping::id).toArray(UUID[]::new);
        return pool.preparedQuery(TOPIC_LINKS).execute(Tuple.of(ids)).map(links -> {
            Map<UUID, List<PostView.TopicRef>> topics = new HashMap<>();
            for (Row l : links) {
                topics.computeIfAbsent(l.getUUID("post_id"), k -> new ArrayList<>()).add(topic(l));
            }
            List<PostView> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                out.add(mapping.view(r, topics.getOrDefault(mapping.id(r), List.of())));
            }
            return out;
        });
    }

    private static PostView.TopicRef topic(Row l) {
        // The score is a real: read through its shortest decimal, as PostgreSQL prints it (0.8, not 0.800000011920929).
        double score = Double.parseDouble(Float.toString(l.getFloat("score")));
        return new PostView.TopicRef(l.getString("slug"), l.getString("name"), score, l.getString("evidence"));
    }

    public static Instant instant(OffsetDateTime t) {
        return PostRow.instant(t);
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
