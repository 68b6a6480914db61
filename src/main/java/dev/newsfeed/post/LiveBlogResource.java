package dev.newsfeed.post;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.web.Params;
import dev.newsfeed.web.ProblemException;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Live blogs (and single articles) with their newest posts, and the sources they come from. Lists are paged:
 * a live blog may hold tens of thousands of posts, an installation thousands of live blogs.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class LiveBlogResource {

    private static final String LIVEBLOGS = """
            select l.id, l.title, l.url, l.kind, s.slug as source, l.summary, l.updated_at,
                   (select count(*) from post p where p.liveblog_id = l.id) as post_count,
                   (select max(p.sort_at) from post p where p.liveblog_id = l.id
                     and p.sort_at > '-infinity') as latest_post_at
            from liveblog l join source s on s.id = l.source_id
            """;

    private final Pool pool;
    private final PostQueries posts;
    private final NewsfeedConfig config;

    LiveBlogResource(@ReactiveDataSource("read") Pool pool, PostQueries posts, NewsfeedConfig config) {
        this.pool = pool;
        this.posts = posts;
        this.config = config;
    }

    public record LiveBlogView(long id, String title, String url, String kind, String source, List<String> summary,
                               Instant updatedAt, long postCount, Instant latestPostAt) {
    }

    /** A live blog and its newest posts; {@code nextCursor} pages on through /api/posts?liveblog=. */
    public record LiveBlogWithPosts(LiveBlogView liveblog, List<PostView> posts, String nextCursor) {
    }

    public record SourceView(String slug, String name, long documentCount, long postCount, Instant lastIngestAt) {
    }

    /** Live blogs by id, {@code limit} at a time; the Link header names the next page. */
    @GET
    @Path("/liveblogs")
    public Uni<RestResponse<List<LiveBlogView>>> liveblogs(@RestQuery String after, @RestQuery String limit) {
        Long from = Params.queryId("after", after);
        int n = Params.limit(limit, config.api().maxLimit(), config.api().maxLimit());
        return pool.preparedQuery(LIVEBLOGS + " where l.id > $1 order by l.id limit " + (n + 1))
                .execute(Tuple.of(from == null ? 0L : from)).map(rows -> {
                    List<LiveBlogView> out = new ArrayList<>();
                    rows.forEach(r -> out.add(view(r)));
                    RestResponse.ResponseBuilder<List<LiveBlogView>> ok;
                    if (out.size() > n) {
                        List<LiveBlogView> page = out.subList(0, n);
                        ok = RestResponse.ResponseBuilder.ok(List.copyOf(page));
                        ok.header("Link", "<" + config.publicBaseUrl() + "/api/liveblogs?after="
                                + page.get(n - 1).id() + "&limit=" + n + ">; rel=\"next\"");
                    } else {
                        ok = RestResponse.ResponseBuilder.ok(out);
                    }
                    return ok.build();
                });
    }

    @GET
    @Path("/liveblogs/{id}")
    public Uni<RestResponse<LiveBlogWithPosts>> liveblog(@RestPath String id, @RestQuery String limit) {
        long key = Params.pathId("live blog", id);
        int n = Params.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        return pool.preparedQuery(LIVEBLOGS + " where l.id = $1").execute(Tuple.of(key))
                .flatMap(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.notFound("There is no live blog with id '" + Params.printable(id) + "'.");
                    }
                    LiveBlogView blog = view(rows.iterator().next());
                    return posts.page(PostFilter.first(n).liveblog(key)).map(page -> {
                        RestResponse.ResponseBuilder<LiveBlogWithPosts> ok = RestResponse.ResponseBuilder.ok(
                                new LiveBlogWithPosts(blog, page.items(), page.nextCursor()));
                        if (page.nextCursor() != null) {
                            ok.header("Link", "<" + config.publicBaseUrl() + "/api/posts?liveblog=" + key + "&limit="
                                    + n + "&cursor=" + page.nextCursor() + ">; rel=\"next\"");
                        }
                        return ok.build();
                    });
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
        return new LiveBlogView(r.getLong("id"), r.getString("title"), r.getString("url"), r.getString("kind"),
                r.getString("source"), List.of(r.getArrayOfStrings("summary")),
                PostQueries.instant(r.getOffsetDateTime("updated_at")), r.getLong("post_count"),
                PostQueries.instant(r.getOffsetDateTime("latest_post_at")));
    }
}
