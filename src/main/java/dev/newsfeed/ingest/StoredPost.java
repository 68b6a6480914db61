package dev.newsfeed.ingest;

import dev.newsfeed.extract.Precision;
import java.time.Instant;
import java.util.UUID;

/** What matching needs of a post already stored for the live blog; {@code openingKey} null when it has none. */
record StoredPost(UUID id, String anchor, String headline, String openingKey, String timestampText,
                  Precision precision, Instant publishedAt, String hash) {
}
