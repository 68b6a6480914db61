package dev.newsfeed.feed;

import dev.newsfeed.config.NewsfeedConfig;
import io.smallrye.mutiny.Uni;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** OPML 2.0 listing every topic's feeds, for one-click subscription in a reader. */
@Path("/feeds.opml")
public class OpmlResource {

    private final Pool pool;
    private final NewsfeedConfig config;

    public OpmlResource(@ReactiveDataSource("read") Pool pool, NewsfeedConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @GET
    @Produces("text/x-opml")
    public Uni<String> opml() {
        return pool.query("select slug, name from topic order by builtin desc, slug").execute().map(rows -> {
            StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"
                    + "<head><title>Newsfeed topics</title></head>\n<body>\n");
            rows.forEach(r -> {
                String name = XmlText.escapeHtml(XmlText.legal(r.getString("name")));
                b.append("<outline text=\"").append(name).append("\">\n");
                for (FeedFormat f : FeedFormat.values()) {
                    b.append("  <outline type=\"").append(f == FeedFormat.JSON ? "json" : "rss").append("\" text=\"")
                            .append(name).append(" (").append(f.extension()).append(")\" xmlUrl=\"")
                            .append(config.publicBaseUrl()).append("/feeds/").append(r.getString("slug")).append('.')
                            .append(f.extension()).append("\"/>\n");
                }
                b.append("</outline>\n");
            });
            return b.append("</body>\n</opml>\n").toString();
        });
    }
}
