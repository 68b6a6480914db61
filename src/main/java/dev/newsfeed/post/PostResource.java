package dev.newsfeed.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.web.Params;
import dev.newsfeed.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Posts as JSON: filtered, searched, keyset-paginated. */
@Path("/api/posts")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    /**
     * Pages of more posts than this are written out on a worker thread: a page of a hundred posts is tens of KB of
     * JSON, and written on the event loop it held up every cheap answer queued behind it there (a feed's 304).
     */
    private static final int INLINE_POSTS = 20;

    private final PostQueries queries;
    private final SearchService searches;
    private final NewsfeedConfig config;
    private final ObjectMapper json;
    private final Vertx vertx;

    PostResource(PostQueries queries, SearchService searches, NewsfeedConfig config, ObjectMapper json, Vertx vertx) {
        this.queries = queries;
        this.searches = searches;
        this.config = config;
        this.json = json;
        this.vertx = vertx;
    }

    @GET
    @APIResponseSchema(value = PostPage.class, responseCode = "200",
            responseDescription = "A page of posts, newest first (ranked, for a search)")
    public Uni<RestResponse<Object>> list(@RestQuery String topic, @RestQuery String source,
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
        return searches.page(filter).flatMap(page -> {
            String link = page.nextCursor() == null ? null : "<" + uri.getRequestUriBuilder()
                    .replaceQueryParam("cursor", page.nextCursor()).build() + ">; rel=\"next\"";
            return entity(page).map(entity -> {
                RestResponse.ResponseBuilder<Object> ok = RestResponse.ResponseBuilder.ok(entity);
                return (link == null ? ok : ok.header("Link", link)).build();
            });
        });
    }

    /** The page, or for a large one its JSON, written on a worker thread. */
    private Uni<Object> entity(PostPage page) {
        return page.items().size() <= INLINE_POSTS ? Uni.createFrom().item(page)
                : vertx.executeBlocking(() -> json.writeValueAsBytes(page), false);
    }

    @GET
    @Path("/{id}")
    public Uni<PostView> get(@RestPath String id) {
        return queries.byId(Params.postId(id)).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("There is no post with id '" + Params.printable(id) + "'.")));
    }
}
