package dev.newsfeed.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import dev.newsfeed.extract.ExtractionException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves as a problem response; details of server faults stay in the log. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problem.response(e.status(), e.title(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "None of the accepted media types can be produced.";
            case 415 -> "Send the document as text/plain or text/html.";
            case 413 -> "The request body is too large.";
            default -> status < 500 ? "The request cannot be processed." : "The server failed to answer.";
        };
        return Problem.response(status, title, detail);
    }

    /** A page the extractor cannot read, wherever it surfaces (a preview, or any later caller). */
    @ServerExceptionMapper
    public Response unreadable(ExtractionException e) {
        return Problem.response(422, "Unprocessable document", e.getMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return Problem.response(400, "Bad request", "The JSON body cannot be read.");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Request failed", e);
        return Problem.response(500, "Internal Server Error", "The server failed to answer; the fault is logged.");
    }
}
