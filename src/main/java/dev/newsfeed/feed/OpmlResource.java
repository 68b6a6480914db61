package dev.newsfeed.feed;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.web.SafeText;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * OPML 2.0 listing the feeds, for one-click subscription in a reader: every topic's and every source's in the
 * three formats, and the Atom feeds of the newest live blogs (a list that grows with every page followed, so
 * only the newest are listed).
 */
@Path("/feeds.opml")
public class OpmlResource {

    private static final int LIVEBLOGS = 200;
    private static final String FEEDS = """
            (select 0 as grp, slug as key, name from topic order by builtin desc, slug)
            union all (select 1, slug, name from source order by slug)
            union all (select 2, id::text, coalesce(title, 'Live blog') from liveblog order by id desc limit %d)
            """.formatted(LIVEBLOGS);
    private static final String[] GROUPS = {"Topics", "Sources", "Live blogs"};
    private static final String[] PATHS = {"/feeds/", "/feeds/sources/", "/feeds/liveblogs/"};

    private final Pool pool;
    private final NewsfeedConfig config;

    OpmlResource(@ReactiveDataSource("read") Pool pool, NewsfeedConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @GET
    @Produces("text/x-opml")
    public Uni<String> opml() {
        return pool.query(FEEDS).execute().map(rows -> {
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
                    + "<head><title>Newsfeed</title></head>\n<body>\n");
            int group = -1;
            for (var r : rows) {
                int g = r.getInteger("grp");
                if (g != group) {
                    b.append(group < 0 ? "" : "</outline>\n").append("<outline text=\"").append(GROUPS[g]).append("\">\n");
                    group = g;
                }
                String name = attribute(r.getString("name"));
                String url = config.publicBaseUrl() + PATHS[g] + attribute(r.getString("key"));
                for (FeedFormat f : g == 2 ? new FeedFormat[] {FeedFormat.ATOM} : FeedFormat.values()) {
                    b.append("  <outline type=\"").append(f == FeedFormat.JSON ? "json" : "rss").append("\" text=\"")
                            .append(name).append(" (").append(f.extension()).append(")\" title=\"").append(name)
                            .append("\" xmlUrl=\"").append(url).append('.').append(f.extension()).append("\"/>\n");
                }
            }
            return b.append(group < 0 ? "" : "</outline>\n").append("</body>\n</opml>\n").toString();
        });
    }

    private static String attribute(String s) {
        return SafeText.escapeHtml(SafeText.legal(s));
    }
}
