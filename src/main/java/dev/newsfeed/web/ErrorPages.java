package dev.newsfeed.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * Errors as pages for people: a browser that asks for a page (Accept prefers text/html over JSON) outside the
 * API and the feeds gets an HTML page with the same status and words as the problem; every other client, and
 * every request under /api/ and /feeds/, keeps application/problem+json.
 */
@Singleton
public class ErrorPages {

    static final String MEDIA_TYPE = "text/html; charset=utf-8";
    /**
     * The policy of every page (site.SitePages uses it too): pages run no script and load nothing from elsewhere,
     * only their stylesheet and icon, and their forms stay here. Text that slipped past escaping could not run.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final Template page;

    ErrorPages(@Location("site/error.html") Template page) {
        this.page = page;
    }

    /** Whether a request to {@code path} with this Accept header should get its error as a page. */
    public static boolean wanted(String path, String accept) {
        if (path == null || path.startsWith("/api/") || path.startsWith("/feeds") || path.startsWith("/q/")) {
            return false;
        }
        return quality(accept, "text/html")
                > Math.max(quality(accept, "application/problem+json"), quality(accept, "application/json"));
    }

    /** The problem as a page, or as problem JSON, as the request prefers; its headers (Retry-After, Allow) kept. */
    public void send(HttpServerRequest request, HttpServerResponse response, ProblemException e) {
        if (!wanted(request.path(), request.getHeader("Accept"))) {
            Problem.send(response, e);
            return;
        }
        e.headers().forEach(response::putHeader);
        response.setStatusCode(e.status()).putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("Cache-Control", "no-store")
                .end(render(e.status(), e.title(), e.getMessage()));
    }

    /** The same for an answer made in the REST layer: {@code problem} when the client does not want a page. */
    public Response negotiate(Response problem, String path, String accept) {
        if (!wanted(path, accept) || !(problem.getEntity() instanceof Problem p)) {
            return problem;
        }
        Response.ResponseBuilder b = Response.status(p.status()).type(MEDIA_TYPE)
                .entity(render(p.status(), p.title(), p.detail()))
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store");
        problem.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return b.build();
    }

    /** A small template, rendered where the error is answered (the event loop included): well under a millisecond. */
    String render(int status, String title, String detail) {
        return page.data("status", status).data("title", title).data("detail", detail).render();
    }

    /**
     * The quality the Accept header gives {@code type} (RFC 9110 12.5.1): its own entry, else its type's "x/*",
     * else "*&#47;*"; no header accepts everything alike.
     */
    static double quality(String accept, String type) {
        if (accept == null || accept.isBlank()) {
            return 1;
        }
        String major = type.substring(0, type.indexOf('/')) + "/*";
        double exact = -1;
        double group = -1;
        double any = -1;
        for (String part : accept.split(",")) {
            String[] params = part.split(";");
            String range = params[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim();
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (range.equals(type)) {
                exact = Math.max(exact, q);
            } else if (range.equals(major)) {
                group = Math.max(group, q);
            } else if (range.equals("*/*")) {
                any = Math.max(any, q);
            }
        }
        return exact >= 0 ? exact : group >= 0 ? group : Math.max(any, 0);
    }
}
