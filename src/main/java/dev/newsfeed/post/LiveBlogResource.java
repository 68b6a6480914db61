package dev.newsfeed.post;

import dev.newsfeed.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;

/** Live blogs (and single articles) with their posts; and the sources they come from. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class LiveBlogResource {

    private static final String LIVEBLOGS = """
            select l.id, l.title, l.url, l.kind, s.slug as source, l.summary, l.updated_at,
                   (select count(*) from post p where p.liveblog_id = l.id) as post_count,
                   (select max(p.published_at) from post p where p.liveblog_id = l.id) as latest_post_at
            from liveblog l join source s on s.id = l.source_id
            """;

    private final Pool pool;
    private final PostQueries posts;

    public LiveBlogResource(@ReactiveDataSource("read") Pool pool, PostQueries posts) {
        this.pool = pool;
        this.posts = posts;
    }

    public record LiveBlogView(long id, String title, String url, String kind, String source, List<String> summary,
                               Instant updatedAt, long postCount, Instant latestPostAt) {
    }

    public record LiveBlogWithPosts(LiveBlogView liveblog, List<PostView> posts) {
    }

    public record SourceView(String slug, String name, long documentCount, long postCount, Instant lastIngestAt) {
    }

    @GET
    @Path("/liveblogs")
    public Uni<List<LiveBlogView>> liveblogs() {
        return pool.query(LIVEBLOGS + " order by l.id").execute().map(rows -> {
            List<LiveBlogView> out = new ArrayList<>();
            rows.forEach(r -> out.add(view(r)));
            return out;
        });
    }

    @GET
    @Path("/liveblogs/{id}")
    public Uni<LiveBlogWithPosts> liveblog(@RestPath String id) {
        long key = Params.longId("live blog", id);
        return pool.preparedQuery(LIVEBLOGS + " where l.id = $1").execute(Tuple.of(key))
                .flatMap(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.notFound("There is no live blog with id '" + id + "'.");
                    }
                    LiveBlogView blog = view(rows.iterator().next());
                    return posts.ofLiveBlog(key).map(list -> new LiveBlogWithPosts(blog, list));
                });
    }

    @GET
    @Path("/sources")
    public Uni<List<SourceView>> sources() {
        return pool.query("""
                        select s.slug, s.name,
                               (select count(*) from document d where d.source_id = s.id) as documents,
                               (select count(*) from post p where p.source_id = s.id) as posts,
                               (select max(d.ingested_at) from document d where d.source_id = s.id) as last_ingest
                        from source s order by s.slug""").execute()
                .map(rows -> {
                    List<SourceView> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new SourceView(r.getString("slug"), r.getString("name"),
                            r.getLong("documents"), r.getLong("posts"),
                            PostQueries.instant(r.getOffsetDateTime("last_ingest")))));
                    return out;
                });
    }

    private static LiveBlogView view(Row r) {
        List<String> lines = List.of(r.getArrayOfStrings("summary"));
        return new LiveBlogView(r.getLong("id"), r.getString("title"), r.getString("url"), r.getString("kind"),
                r.getString("source"), lines, PostQueries.instant(r.getOffsetDateTime("updated_at")),
                r.getLong("post_count"), PostQueries.instant(r.getOffsetDateTime("latest_post_at")));
    }
}
