package dev.newsfeed.ingest;

import java.time.Instant;

/**
 * A page as a client, a follow or the seed loader hands it in.
 *
 * @param retrievedAt when the page was fetched; relative times on it are read against this
 */
public record IncomingDocument(String body, String contentType, String source, String url, Instant retrievedAt) {

    public IncomingDocument {
        retrievedAt = retrievedAt != null ? retrievedAt : Instant.now();
    }
}
