package dev.newsfeed.ingest;

import java.util.List;
import java.util.UUID;

/**
 * What one ingest did.
 *
 * @param repeated        the exact document had been ingested before; nothing was written
 * @param extractionError why nothing could be extracted, or null; the raw document is kept anyway
 */
public record IngestResult(long documentId, String sha256, String layout, int created, int updated,
                           int unchanged, List<UUID> postIds, boolean repeated, String extractionError) {
}
