package dev.newsfeed.ingest;

import java.time.Instant;

/** A page as a client or the seed loader hands it in. */
public record IncomingDocument(String body, String contentType, String source, String url, Instant retrievedAt) {
}
