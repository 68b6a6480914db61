package dev.newsfeed.extract;

import java.time.Instant;
import java.util.List;

/**
 * What the extractor read from one page.
 *
 * @param title      the page's title, or null
 * @param source     outlet slug ("cnn"), or "unknown"
 * @param layout     the shape the page arrived in
 * @param summary    the page's summary and key-event lines ("Summary", "Key points"), never posts
 * @param updatedAt  the page's own "Updated" time, or null
 * @param posts      the posts in page order
 * @param warnings   why the posts may not be what a reader sees, one human-readable sentence each, stable
 *                   wording so they can be counted: see {@link Warnings}; empty when nothing is in doubt
 * @param confidence how much the cut into posts can be trusted, from the form the page repeats
 */
public record ExtractedDocument(
        String title,
        String source,
        Layout layout,
        List<String> summary,
        Instant updatedAt,
        List<ExtractedPost> posts,
        List<String> warnings,
        Confidence confidence) {

    public ExtractedDocument {
        summary = List.copyOf(summary);
        posts = List.copyOf(posts);
        warnings = List.copyOf(warnings);
    }
}
