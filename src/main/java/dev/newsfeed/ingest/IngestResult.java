package dev.newsfeed.ingest;

import java.util.List;
import java.util.UUID;

/**
 * What one ingest did.
 *
 * @param source          the outlet the page was read as
 * @param repeated        the exact document had been ingested before; nothing was written
 * @param extractionError why nothing could be extracted, or null; the raw document is kept anyway
 */
public record IngestResult(long documentId, String sha256, String layout, String source, int created, int updated,
                           int unchanged, List<UUID> postIds, boolean repeated, String extractionError) {

    static IngestResult unreadable(long documentId, String sha256, String source, String error) {
        return new IngestResult(documentId, sha256, null, source, 0, 0, 0, List.of(), false, error);
    }
}
