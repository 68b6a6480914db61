package dev.newsfeed.follow;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.web.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Pages followed by URL. Writes need the token, which {@code auth.WriteAccess} checks before this is reached. */
@Path("/api/follows")
@Produces(MediaType.APPLICATION_JSON)
public class FollowResource {

    private final FollowService follows;
    private final NewsfeedConfig config;

    FollowResource(FollowService follows, NewsfeedConfig config) {
        this.follows = follows;
        this.config = config;
    }

    /** 201 with the new follow, fetched as soon as a slot is free; 200 with the follow of a URL already followed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> follow(FollowRequest body) {
        return follows.follow(body).map(c -> {
            FollowView view = FollowView.of(c.follow());
            return c.created()
                    ? Response.status(201).entity(view).header("Location", location(view.id())).build()
                    : Response.ok(view).header("Content-Location", location(view.id())).build();
        });
    }

    @GET
    public Uni<Response> list(@RestQuery String after, @RestQuery String limit) {
        Long from = Params.queryId("after", after);
        int n = Params.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        return follows.list(from == null ? 0 : from, n).map(page -> {
            Response.ResponseBuilder ok = Response.ok(page);
            if (page.nextAfter() != null) {
                ok.header("Link", "<" + config.publicBaseUrl() + "/api/follows?limit=" + n + "&after="
                        + page.nextAfter() + ">; rel=\"next\"");
            }
            return ok.build();
        });
    }

    @GET
    @Path("/{id}")
    public Uni<FollowView> get(@RestPath String id) {
        return follows.get(Params.pathId("follow", id));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@RestPath String id) {
        return follows.delete(Params.pathId("follow", id)).map(x -> Response.noContent().build());
    }

    /** Fetches the page now and answers the follow as the fetch left it (its outcome in {@code lastFetch}). */
    @POST
    @Path("/{id}/fetch")
    public Uni<FollowView> fetch(@RestPath String id) {
        return follows.fetchNow(Params.pathId("follow", id));
    }

    private String location(long id) {
        return config.publicBaseUrl() + "/api/follows/" + id;
    }
}
