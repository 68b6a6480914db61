package dev.newsfeed.extract;

import java.time.Instant;
import java.util.List;

/** What the extractor read from one page. */
public record ExtractedDocument(
        String title,
        String source,
        Layout layout,
        List<String> summary,
        Instant updatedAt,
        List<ExtractedPost> posts) {

    public ExtractedDocument {
        summary = List.copyOf(summary);
        posts = List.copyOf(posts);
    }
}
