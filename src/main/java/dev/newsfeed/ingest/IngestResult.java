package dev.newsfeed.ingest;

import dev.newsfeed.extract.ExtractedDocument;
import java.util.List;
import java.util.UUID;

/**
 * What one ingest did.
 *
 * @param source          the outlet the page was read as
 * @param repeated        the exact document had been ingested before; nothing was written
 * @param extractionError why nothing could be extracted, or null; the raw document is kept anyway
 * @param warnings        why the posts may not be what a reader sees (the extractor's doubts), else empty
 * @param confidence      how far the cut into posts can be trusted: high, medium or low; null when unread
 */
public record IngestResult(long documentId, String sha256, String layout, String source, int created, int updated,
                           int unchanged, List<UUID> postIds, boolean repeated, String extractionError,
                           List<String> warnings, String confidence) {

    static IngestResult stored(long documentId, String sha256, ExtractedDocument doc, int created, int updated,
                               int unchanged, List<UUID> postIds) {
        return new IngestResult(documentId, sha256, doc.layout().wire(), doc.source(), created, updated, unchanged,
                postIds, false, null, doc.warnings(), doc.confidence().wire());
    }

    static IngestResult unreadable(long documentId, String sha256, String source, String error) {
        return new IngestResult(documentId, sha256, null, source, 0, 0, 0, List.of(), false, error, List.of(), null);
    }
}
