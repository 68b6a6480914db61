package dev.newsfeed.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A page exactly as it was received, read back to be extracted again. */
record StoredDocument(long id, String sha256, String url, String contentType, byte[] raw, Instant retrievedAt) {

    IncomingDocument incoming() {
        return new IncomingDocument(new String(raw, StandardCharsets.UTF_8), contentType, null, url, retrievedAt);
    }
}
