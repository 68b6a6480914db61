package dev.newsfeed.extract;

import java.time.Instant;
import java.util.List;

/** One post of a live blog, or the single post of an article. */
public record ExtractedPost(
        String headline,
        String timestampText,
        Instant publishedAt,
        Precision publishedAtPrecision,
        List<String> authors,
        String location,
        List<String> body,
        List<Caption> captions,
        String anchor) {

    public ExtractedPost {
        authors = List.copyOf(authors);
        body = List.copyOf(body);
        captions = List.copyOf(captions);
    }

    /** All prose of the post, for search and classification. */
    public String fullText() {
        return headline + "\n" + String.join("\n", body);
    }
}
