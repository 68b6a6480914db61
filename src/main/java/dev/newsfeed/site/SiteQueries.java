package dev.newsfeed.site;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.post.PostQueries;
import dev.newsfeed.web.ProblemException;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What pages show besides posts (PostQueries reads those): lists for the home page, names, revisions. */
@ApplicationScoped
class SiteQueries {

    /** Followed pages listed on the home page. */
    private static final int HOME_FOLLOWS = 50;
    private static final String TOPICS = """
            select t.slug, t.name, t.description,
                   (select count(*) from post_topic pt where pt.topic_slug = t.slug) as post_count,
                   (select max(pt.sort_at) from post_topic pt where pt.topic_slug = t.slug
                     and pt.sort_at > '-infinity') as latest
            from topic t order by t.builtin desc, t.name
            """;
    private static final String SOURCES = """
            select s.slug, s.name,
                   (select count(*) from post p where p.source_id = s.id) as post_count,
                   (select max(p.sort_at) from post p where p.source_id = s.id and p.sort_at > '-infinity') as latest
            from source s order by s.name
            """;
    /** The newest live blogs; the count is of all, so the page can say how many more there are. */
    private static final String LIVEBLOGS = """
            select l.id, coalesce(l.title, 'Live blog ' || l.id) as title, l.url, s.name as source,
                   (select count(*) from post p where p.liveblog_id = l.id) as post_count,
                   (select max(p.sort_at) from post p where p.liveblog_id = l.id and p.sort_at > '-infinity') as latest,
                   count(*) over () as total
            from liveblog l join source s on s.id = l.source_id order by l.id desc limit $1
            """;
    private static final String REVISIONS = """
            select revision, headline, authors, body, caption_texts, caption_credits, recorded_at
            from post_revision where post_id = $1 order by revision desc
            """;

    /** A topic, source or live blog a page is about. */
    record Subject(String name, String description, String url) {
    }

    private final Pool pool;
    private final NewsfeedConfig config;

    SiteQueries(@ReactiveDataSource("read") Pool pool, NewsfeedConfig config) {
        this.pool = pool;
        this.config = config;
    }

    Uni<HomeView> home() {
        Uni<List<HomeView.TopicLine>> topics = pool.query(TOPICS).execute().map(rows -> {
            List<HomeView.TopicLine> out = new ArrayList<>();
            for (Row r : rows) {
                String slug = r.getString("slug");
                out.add(new HomeView.TopicLine(r.getString("name"), Links.topic(slug), r.getString("description"),
                        r.getLong("post_count"), latest(r), FeedLinks.topic(slug, r.getString("name"))));
            }
            return out;
        });
        Uni<List<HomeView.SourceLine>> sources = pool.query(SOURCES).execute().map(rows -> {
            List<HomeView.SourceLine> out = new ArrayList<>();
            for (Row r : rows) {
                String slug = r.getString("slug");
                out.add(new HomeView.SourceLine(r.getString("name"), Links.source(slug), r.getLong("post_count"),
                        latest(r), FeedLinks.source(slug, r.getString("name"))));
            }
            return out;
        });
        long[] total = {0};
        Uni<List<HomeView.LiveBlogLine>> liveblogs = pool.preparedQuery(LIVEBLOGS)
                .execute(Tuple.of(config.site().homeLiveblogs())).map(rows -> {
                    List<HomeView.LiveBlogLine> out = new ArrayList<>();
                    for (Row r : rows) {
                        total[0] = r.getLong("total");
                        out.add(new HomeView.LiveBlogLine(r.getString("title"), Links.liveblog(r.getLong("id")),
                                Links.web(r.getString("url")), r.getString("source"), r.getLong("post_count"),
                                latest(r)));
                    }
                    return out;
                });
        return Uni.combine().all().unis(topics, sources, liveblogs, followed()).with((t, s, l, f) ->
                new HomeView(t, s, l, f, total[0]));
    }

    /**
     * The pages Newsfeed follows, newest first, with their live blog once a fetch has read one. A follow's row
     * changes at every fetch and announces nothing (that would drop every kept feed every few minutes), so a new
     * follow shows here when the kept home page next expires.
     */
    Uni<List<HomeView.FollowedPage>> followed() {
        return pool.query("""
                        select f.url, l.id, coalesce(l.title, f.url) as title
                        from follow f left join liveblog l on l.page_key = f.url
                        order by f.id desc limit """ + " " + HOME_FOLLOWS).execute()
                .map(rows -> {
                    List<HomeView.FollowedPage> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new HomeView.FollowedPage(r.getString("title"), r.getString("url"),
                            r.getLong("id") == null ? null : "/liveblogs/" + r.getLong("id"))));
                    return out;
                });
    }

    /** Display names of the sources by slug, to name a post's source: a short table, read with the page. */
    Uni<Map<String, String>> sourceNames() {
        return pool.query("select slug, name from source").execute().map(rows -> {
            Map<String, String> out = new HashMap<>();
            rows.forEach(r -> out.put(r.getString("slug"), r.getString("name")));
            return out;
        });
    }

    Uni<Subject> topic(String slug) {
        return one("select name, description from topic where slug = $1", slug, "topic")
                .map(r -> new Subject(r.getString("name"), r.getString("description"), null));
    }

    Uni<Subject> source(String slug) {
        return one("select name from source where slug = $1", slug, "source")
                .map(r -> new Subject(r.getString("name"), null, null));
    }

    Uni<Subject> liveblog(long id) {
        return one("""
                select coalesce(l.title, 'Live blog ' || l.id) as title, l.url, s.name as source
                from liveblog l join source s on s.id = l.source_id where l.id = $1""", id, "live blog")
                .map(r -> new Subject(r.getString("title"), "From " + r.getString("source") + ".",
                        Links.web(r.getString("url"))));
    }

    Uni<List<PostPageView.Revision>> revisions(UUID post) {
        return pool.preparedQuery(REVISIONS).execute(Tuple.of(post)).map(rows -> {
            List<PostPageView.Revision> out = new ArrayList<>();
            for (Row r : rows) {
                String[] authors = r.getArrayOfStrings("authors");
                out.add(new PostPageView.Revision(r.getInteger("revision"),
                        PostTime.readable(PostQueries.instant(r.getOffsetDateTime("recorded_at"))),
                        r.getString("headline"), authors.length == 0 ? null : String.join(", ", authors),
                        List.of(r.getArrayOfStrings("body")),
                        captions(r.getArrayOfStrings("caption_texts"), r.getArrayOfStrings("caption_credits"))));
            }
            return out;
        });
    }

    private static List<PostPageView.Caption> captions(String[] texts, String[] credits) {
        List<PostPageView.Caption> out = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            out.add(new PostPageView.Caption(texts[i], i < credits.length ? credits[i] : null));
        }
        return out;
    }

    private static String latest(Row r) {
        Instant t = PostQueries.instant(r.getOffsetDateTime("latest"));
        return PostTime.brief(t);
    }

    private Uni<Row> one(String sql, Object key, String what) {
        return pool.preparedQuery(sql).execute(Tuple.of(key)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw ProblemException.notFound("There is no " + what + " '" + key + "'.");
            }
            return rows.iterator().next();
        });
    }
}
