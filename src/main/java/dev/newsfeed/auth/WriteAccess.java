package dev.newsfeed.auth;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.web.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The bearer token, checked for every write under /api/ in front of everything else: before a route is chosen
 * and before the body is read, so a 15 MB request without the token costs nothing but its headers, and a write
 * route added later is guarded without anyone remembering to. Reads, and the writes listed as open, pass.
 */
@Singleton
public class WriteAccess {

    /** Writes anyone may send: a preview stores nothing. */
    private static final Set<String> OPEN = Set.of("/api/extract");
    static final String CHALLENGE = "Bearer realm=\"newsfeed\"";

    private final byte[] token;

    WriteAccess(NewsfeedConfig config) {
        String t = config.ingest().token().orElse("");
        this.token = t.isEmpty() ? null : t.getBytes(StandardCharsets.UTF_8);
    }

    void register(@Observes Router router) {
        // After the access log (which runs first of all), before the feed route and the REST layer.
        router.route().order(-1000).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        if (!guarded(ctx.request().method(), ctx.normalizedPath()) || authorized(ctx.request().getHeader("Authorization"))) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", CHALLENGE);
        Problem.send(ctx.response(), 401, "Unauthorized",
                "Send 'Authorization: Bearer <token>' with the token set in NEWSFEED_INGEST_TOKEN.");
    }

    static boolean guarded(HttpMethod method, String path) {
        boolean write = method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
        return write && path.startsWith("/api/") && !OPEN.contains(path);
    }

    /** Compared in constant time; with no token configured nothing is authorized. */
    boolean authorized(String authorization) {
        if (token == null || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }
}
