package dev.newsfeed.post;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.web.Params;
import dev.newsfeed.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Posts as JSON: filtered, searched, keyset-paginated. */
@Path("/api/posts")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    private final PostQueries queries;
    private final SearchService searches;
    private final NewsfeedConfig config;

    PostResource(PostQueries queries, SearchService searches, NewsfeedConfig config) {
        this.queries = queries;
        this.searches = searches;
        this.config = config;
    }

    @GET
    public Uni<RestResponse<PostPage>> list(@RestQuery String topic, @RestQuery String source,
                                            @RestQuery String liveblog, @RestQuery String since,
                                            @RestQuery String until, @RestQuery String q,
                                            @RestQuery String cursor, @RestQuery String limit,
                                            @Context UriInfo uri) {
        String after = Params.text("cursor", cursor);
        PostFilter filter = PostFilter.first(Params.limit(limit, config.api().defaultLimit(), config.api().maxLimit()))
                .topic(Params.text("topic", topic))
                .source(Params.text("source", source))
                .liveblog(Params.queryId("liveblog", liveblog))
                .since(Params.instant("since", since))
                .until(Params.instant("until", until))
                .query(Params.text("q", q))
                .after(after == null ? null : Cursor.decode(after));
        return searches.page(filter).map(page -> {
            RestResponse.ResponseBuilder<PostPage> ok = RestResponse.ResponseBuilder.ok(page);
            if (page.nextCursor() != null) {
                String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build()
                        .toString();
                ok.header("Link", "<" + next + ">; rel=\"next\"");
            }
            return ok.build();
        });
    }

    @GET
    @Path("/{id}")
    public Uni<PostView> get(@RestPath String id) {
        return queries.byId(Params.postId(id)).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("There is no post with id '" + Params.printable(id) + "'.")));
    }
}
