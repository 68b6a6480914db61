package dev.newsfeed.feed;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * Answers feed requests whose feed is already rendered straight from the event loop, before the REST layer:
 * a reader polling an unchanged feed costs a map lookup and a header comparison. Anything else (a feed not
 * rendered yet, an unknown topic, a bad extension) falls through to {@link FeedResource}, which renders,
 * caches and answers errors.
 */
@ApplicationScoped
public class FeedRoute {

    private static final String PATH = "/feeds/(?<kind>sources/|liveblogs/)?(?<name>[^/.]+)\\.(?<ext>[a-z]+)";

    private final FeedService feeds;
    private final FeedHttp http;

    public FeedRoute(FeedService feeds, FeedHttp http) {
        this.feeds = feeds;
        this.http = http;
    }

    void register(@Observes Router router) {
        router.routeWithRegex(PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).order(-10)
                .handler(this::serveCached);
    }

    private void serveCached(RoutingContext ctx) {
        Optional<FeedFormat> format = FeedFormat.of(ctx.pathParam("ext"));
        String kind = ctx.pathParam("kind");
        String name = ctx.pathParam("name");
        if (format.isEmpty()) {
            ctx.next();
            return;
        }
        String path = "/feeds/" + (kind == null ? "" : kind) + name;
        // Most polls carry no query string: parse one only when there is one.
        boolean bare = ctx.request().query() == null;
        String query = !bare && kind == null && name.equals("search") ? ctx.queryParams().get("q") : null;
        String page = bare ? null : ctx.queryParams().get("page");
        RenderedFeed r = feeds.cached(FeedService.key(path, format.get(), query, page));
        if (r == null) {
            ctx.next();
            return;
        }
        boolean notModified = http.notModified(r, ctx.request().getHeader("If-None-Match"),
                ctx.request().getHeader("If-Modified-Since"));
        boolean gzip = ContentCoding.acceptsGzip(ctx.request().getHeader("Accept-Encoding"));
        HttpServerResponse response = ctx.response();
        if (notModified) {
            response.headers().addAll(r.headers(gzip).notModified());
            response.setStatusCode(304).end();
        } else {
            response.headers().addAll(r.headers(gzip).ok());
            response.putHeader("Content-Type", r.format().mediaType()).end(Buffer.buffer(r.body(gzip)));
        }
    }
}
