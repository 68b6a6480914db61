package dev.newsfeed.ingest;

import dev.newsfeed.extract.Extractor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A page exactly as it was received, read back to be extracted again.
 *
 * @param source the outlet it was stored under (as given when it came in, or as detected then)
 */
record StoredDocument(long id, String sha256, String url, String contentType, byte[] raw, Instant retrievedAt,
                      String source) {

    /** The page as it came in; an outlet that was not recognised then is looked for again. */
    IncomingDocument incoming() {
        String given = Extractor.detectSource(null).equals(source) ? null : source;
        return new IncomingDocument(new String(raw, StandardCharsets.UTF_8), contentType, given, url, retrievedAt);
    }
}
