package dev.newsfeed.site;

import dev.newsfeed.web.ErrorPages;
import dev.newsfeed.web.ProblemException;
import dev.newsfeed.web.ProblemMappers;
import dev.newsfeed.web.Representation;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The one path every page request takes, in front of the REST layer, as feeds do: a kept page is answered from
 * the event loop; anything else is rendered by {@link SitePages} and answered when ready; errors leave as pages
 * for browsers and as problems for other clients.
 */
@Singleton
public class SiteRoute {

    private static final String PATH = "/|/search|/(?<collection>topics|sources|liveblogs|posts)/(?<name>[^/]+)";

    private final SitePages pages;
    private final ErrorPages errors;

    SiteRoute(SitePages pages, ErrorPages errors) {
        this.pages = pages;
        this.errors = errors;
    }

    void register(@Observes Router router) {
        router.routeWithRegex(PATH).order(-10).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            errors.send(request, ctx.response(), new ProblemException(405, "Method Not Allowed",
                    "Pages are read with GET or HEAD.", Map.of("Allow", "GET, HEAD")));
            return;
        }
        PageRequest page;
        try {
            page = request(ctx);
        } catch (ProblemException e) {
            errors.send(request, ctx.response(), e);
            return;
        }
        Representation kept = pages.kept(page);
        if (kept != null) {
            answer(ctx, kept);
            return;
        }
        pages.serve(page).subscribe().with(r -> answer(ctx, r), e -> {
            if (!ctx.response().ended()) {
                errors.send(request, ctx.response(), ProblemMappers.toProblem(e));
            }
        });
    }

    private static PageRequest request(RoutingContext ctx) {
        String collection = ctx.pathParam("collection");
        // Most page views carry no query string: parse one only when there is one.
        boolean bare = ctx.request().query() == null;
        String cursor = bare ? null : ctx.queryParams().get("cursor");
        if (collection != null) {
            return PageRequest.of(collection, ctx.pathParam("name"), cursor);
        }
        return ctx.normalizedPath().equals("/") ? PageRequest.HOME
                : PageRequest.search(bare ? null : ctx.queryParams().get("q"), cursor);
    }

    private static void answer(RoutingContext ctx, Representation r) {
        if (!ctx.response().ended()) {
            r.answer(ctx.request(), ctx.response());
        }
    }
}
