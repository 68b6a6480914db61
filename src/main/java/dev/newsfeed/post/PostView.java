package dev.newsfeed.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A post as the API and the feeds show it. */
public record PostView(
        UUID id,
        String headline,
        String timestampText,
        Instant publishedAt,
        String publishedAtPrecision,
        List<String> authors,
        String location,
        List<String> body,
        List<CaptionView> captions,
        List<TopicRef> topics,
        String source,
        long liveblog,
        String url,
        Instant firstSeenAt,
        Instant updatedAt) {

    public record CaptionView(String text, String credit) {
    }

    /** A topic of the post, with the score and evidence that decided it. */
    public record TopicRef(String slug, String name, double score, Map<String, Object> evidence) {
    }
}
