package dev.newsfeed.feed;

import dev.newsfeed.web.Problem;
import dev.newsfeed.web.ProblemException;
import dev.newsfeed.web.ProblemMappers;
import dev.newsfeed.web.Representation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one path every feed request takes, in front of the REST layer: a kept feed is answered from the event loop
 * (a reader polling an unchanged feed costs a lookup and a header comparison); anything else is rendered by
 * {@link FeedService} and answered when ready; errors leave as problems.
 */
@Singleton
public class FeedRoute {

    private static final String PATH = "/feeds/(?:(?<collection>sources|liveblogs)/)?(?<name>[^/.]+)\\.(?<ext>[^/.]+)";

    private final FeedService feeds;
    private final Map<FeedFormat, Counter> ok = new EnumMap<>(FeedFormat.class);
    private final Map<FeedFormat, Counter> notModified = new EnumMap<>(FeedFormat.class);

    FeedRoute(FeedService feeds, MeterRegistry registry) {
        this.feeds = feeds;
        // Counters looked up once: a lookup per request costs more than the 304 itself.
        for (FeedFormat f : FeedFormat.values()) {
            ok.put(f, registry.counter("newsfeed.feed.responses", "status", "200", "format", f.extension()));
            notModified.put(f, registry.counter("newsfeed.feed.responses", "status", "304", "format", f.extension()));
        }
    }

    void register(@Observes Router router) {
        router.routeWithRegex(PATH).order(-10).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            ctx.response().putHeader("Allow", "GET, HEAD");
            Problem.send(ctx.response(), 405, "Method Not Allowed", "Feeds are read with GET or HEAD.");
            return;
        }
        FeedRequest feed;
        try {
            // Most polls carry no query string: parse one only when there is one.
            boolean bare = request.query() == null;
            feed = FeedRequest.of(ctx.pathParam("collection"), ctx.pathParam("name"), ctx.pathParam("ext"),
                    bare ? null : ctx.queryParams().get("q"), bare ? null : ctx.queryParams().get("page"));
        } catch (ProblemException e) {
            Problem.send(ctx.response(), e);
            return;
        }
        Representation kept = feeds.kept(feed);
        if (kept != null) {
            answer(ctx, feed, kept);
            return;
        }
        feeds.serve(feed).subscribe().with(r -> answer(ctx, feed, r), e -> {
            if (!ctx.response().ended()) {
                Problem.send(ctx.response(), ProblemMappers.toProblem(e));
            }
        });
    }

    private void answer(RoutingContext ctx, FeedRequest feed, Representation r) {
        if (ctx.response().ended()) {
            return;
        }
        boolean unchanged = r.answer(ctx.request(), ctx.response());
        (unchanged ? notModified : ok).get(feed.format()).increment();
    }
}
