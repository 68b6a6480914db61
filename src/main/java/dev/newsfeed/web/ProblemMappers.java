package dev.newsfeed.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure leaves as a problem response, or as a page for a browser outside the API and the feeds
 * ({@link ErrorPages}); details of server faults stay in the log.
 */
@Singleton
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** An outage fails every request: one log line per this many nanoseconds is enough to see it. */
    private static final long OUTAGE_LOG_INTERVAL = 5_000_000_000L;
    private static final AtomicLong lastOutageLog = new AtomicLong(System.nanoTime() - OUTAGE_LOG_INTERVAL);

    private final ErrorPages pages;

    ProblemMappers(ErrorPages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return page(asProblem(e), headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        return page(asProblem(e), headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        return page(asProblem(e), headers, uri);
    }

    private Response page(Response problem, HttpHeaders headers, UriInfo uri) {
        return pages.negotiate(problem, uri.getRequestUri().getPath(), headers.getHeaderString(HttpHeaders.ACCEPT));
    }

    private static Response asProblem(ProblemException e) {
        Response.ResponseBuilder b = Response.fromResponse(Problem.response(e.status(), e.title(), e.getMessage()));
        e.headers().forEach(b::header);
        return b.build();
    }

    private static Response asProblem(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 400 -> "The request cannot be read.";
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "None of the accepted media types can be produced.";
            case 415 -> "Send the document as text/plain or text/html.";
            case 413 -> "The request body is too large.";
            default -> status < 500 ? "The request cannot be processed." : "The server failed to answer.";
        };
        return Problem.response(status, title, detail);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problem.response(400, "Bad request", "The JSON body cannot be read: " + e.getOriginalMessage());
    }

    /** Quarkus maps this one itself, with an empty body, unless a mapper names it exactly. */
    @ServerExceptionMapper
    public Response jsonShape(MismatchedInputException e) {
        return json(e);
    }

    private static Response asProblem(Throwable e) {
        if (DatabaseDown.is(e)) {
            return databaseDown(e);
        }
        if (clientGone(e)) {
            // The client closed the connection while sending its body: nobody is left to answer, and it is not
            // a fault of ours.
            LOG.debugf("A client went away mid-request: %s", e.getMessage());
            return Problem.response(400, "Bad request", "The request was not received whole.");
        }
        LOG.error("Request failed", e);
        return Problem.response(500, "Internal Server Error", "The server failed to answer; the fault is logged.");
    }

    private static boolean clientGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return failure instanceof java.io.IOException && String.valueOf(failure.getMessage()).contains("HttpClosedException");
    }

    private static Response databaseDown(Throwable e) {
        long now = System.nanoTime();
        long last = lastOutageLog.get();
        if (now - last >= OUTAGE_LOG_INTERVAL && lastOutageLog.compareAndSet(last, now)) {
            LOG.warnf("The database cannot be reached (%s); answering 503 until it can", e.getMessage());
        }
        return Response.fromResponse(Problem.response(503, "Service Unavailable",
                        "The database cannot be reached just now; try again in a few seconds."))
                .header("Retry-After", DatabaseDown.RETRY_AFTER_SECONDS).build();
    }

    /** The same answer for a route in front of the REST layer. */
    public static ProblemException toProblem(Throwable e) {
        if (e instanceof ProblemException p) {
            return p;
        }
        if (DatabaseDown.is(e)) {
            databaseDown(e);
            return new ProblemException(503, "Service Unavailable",
                    "The database cannot be reached just now; try again in a few seconds.",
                    java.util.Map.of("Retry-After", Integer.toString(DatabaseDown.RETRY_AFTER_SECONDS)));
        }
        LOG.error("Request failed", e);
        return new ProblemException(500, "Internal Server Error", "The server failed to answer; the fault is logged.");
    }
}
