package dev.newsfeed.feed;

import dev.newsfeed.post.Params;
import dev.newsfeed.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** RSS, Atom and JSON feeds with strong validators, conditional GET and caching headers. */
@Path("/feeds")
public class FeedResource {

    private final FeedService feeds;
    private final FeedHttp http;

    public FeedResource(FeedService feeds, FeedHttp http) {
        this.feeds = feeds;
        this.http = http;
    }

    @GET
    @Path("/{name: [^/.]+}.{ext}")
    @Produces({"application/rss+xml", "application/atom+xml", "application/feed+json"})
    public Uni<Response> topic(@RestPath String name, @RestPath String ext, @RestQuery String q,
                               @RestQuery String page, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                               @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince,
                               @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        FeedFormat format = format(ext);
        String query = name.equals("search") ? q : null;
        return serve(FeedService.key("/feeds/" + name, format, query, page), () -> switch (name) {
            case "all" -> Uni.createFrom().item(feeds.all());
            case "search" -> Uni.createFrom().item(feeds.search(q));
            default -> feeds.topic(name);
        }, format, page, new Conditions(ifNoneMatch, ifModifiedSince, acceptEncoding));
    }

    @GET
    @Path("/sources/{slug: [^/.]+}.{ext}")
    @Produces({"application/rss+xml", "application/atom+xml", "application/feed+json"})
    public Uni<Response> source(@RestPath String slug, @RestPath String ext, @RestQuery String page,
                                @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince,
                                @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        FeedFormat format = format(ext);
        return serve(FeedService.key("/feeds/sources/" + slug, format, null, page), () -> feeds.source(slug),
                format, page, new Conditions(ifNoneMatch, ifModifiedSince, acceptEncoding));
    }

    @GET
    @Path("/liveblogs/{id: [^/.]+}.{ext}")
    @Produces({"application/rss+xml", "application/atom+xml", "application/feed+json"})
    public Uni<Response> liveblog(@RestPath String id, @RestPath String ext, @RestQuery String page,
                                  @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                  @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince,
                                  @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        FeedFormat format = format(ext);
        long key = Params.longId("live blog", id);
        return serve(FeedService.key("/feeds/liveblogs/" + key, format, null, page), () -> feeds.liveblog(key),
                format, page, new Conditions(ifNoneMatch, ifModifiedSince, acceptEncoding));
    }

    /** A cached feed is answered without touching the database; only a miss looks the feed up and renders it. */
    private Uni<Response> serve(String key, Supplier<Uni<FeedService.Selection>> selection, FeedFormat format,
                                String page, Conditions request) {
        return feeds.cachedOrRender(key, selection, format, page).map(r -> respond(r, request));
    }

    /** The request headers a feed response depends on. */
    private record Conditions(String ifNoneMatch, String ifModifiedSince, String acceptEncoding) {
    }

    private Response respond(RenderedFeed r, Conditions request) {
        boolean notModified = http.notModified(r, request.ifNoneMatch(), request.ifModifiedSince());
        boolean gzip = ContentCoding.acceptsGzip(request.acceptEncoding());
        Response.ResponseBuilder b = notModified ? Response.notModified()
                : Response.ok(r.body(gzip), r.format().mediaType());
        FeedHeaders headers = r.headers(gzip);
        (notModified ? headers.notModified() : headers.ok()).forEach(h -> b.header(h.getKey(), h.getValue()));
        return b.build();
    }

    private static FeedFormat format(String ext) {
        return FeedFormat.of(ext).orElseThrow(() -> ProblemException.notFound(
                "Feeds come as .rss, .atom or .json; there is no '." + ext + "' feed."));
    }
}
