package dev.newsfeed.ingest;

import dev.newsfeed.extract.Precision;
import java.time.Instant;
import java.util.UUID;

/** What matching needs of a post already stored for the live blog. */
record StoredPost(UUID id, String anchor, String headline, String opening, String timestampText,
                  Precision precision, Instant publishedAt, String hash) {
}
