package dev.newsfeed.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details: the one error shape of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null);
    }

    /** A problem answered through the REST layer. */
    public static Response response(int status, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(of(status, title, detail)).build();
    }

    /** A problem answered from a route in front of the REST layer (feeds, the write guard, admission). */
    public static void send(HttpServerResponse response, int status, String title, String detail) {
        try {
            response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
                    .end(JSON.writeValueAsString(of(status, title, detail)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(HttpServerResponse response, ProblemException e) {
        e.headers().forEach(response::putHeader);
        send(response, e.status(), e.title(), e.getMessage());
    }
}
