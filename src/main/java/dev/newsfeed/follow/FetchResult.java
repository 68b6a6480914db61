package dev.newsfeed.follow;

import io.vertx.core.buffer.Buffer;
import java.time.Duration;

/** What fetching a followed page gave: a page to ingest, a 304, or a failure with its reason. */
public sealed interface FetchResult {

    /**
     * A 200 with a page.
     *
     * @param contentType the Content-Type as served (its charset, if any, is read with the body)
     * @param heldBytes bytes taken from the {@link ByteBudget} for the body; given back once the page is ingested
     */
    record Page(Buffer body, String mediaType, String contentType, String etag, String lastModified, long heldBytes)
            implements FetchResult {
    }

    /** A 304: the page is as it was; a 304 may carry newer validators. */
    record NotModified(String etag, String lastModified) implements FetchResult {
    }

    /**
     * No page: why, in words a follow's {@code lastError} shows.
     *
     * @param status     the HTTP status when there was an answer, else null
     * @param retryAfter what a 429 or 503 asked for, else null
     */
    record Failed(Outcome outcome, Integer status, String error, Duration retryAfter) implements FetchResult {

        static Failed of(Outcome outcome, String error) {
            return new Failed(outcome, null, error, null);
        }
    }
}
