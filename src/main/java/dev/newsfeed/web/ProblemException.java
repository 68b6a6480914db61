package dev.newsfeed.web;

import java.util.Map;

/** Thrown where a request cannot be answered; becomes a problem response with this status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final Map<String, String> headers;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    public ProblemException(int status, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    /** Full for now (too many requests of this kind at once): try again after {@code seconds}. */
    public static ProblemException busy(String detail, int seconds) {
        return new ProblemException(503, "Service Unavailable", detail, Map.of("Retry-After", Integer.toString(seconds)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Headers the answer carries besides the problem (Retry-After, WWW-Authenticate). */
    public Map<String, String> headers() {
        return headers;
    }
}
