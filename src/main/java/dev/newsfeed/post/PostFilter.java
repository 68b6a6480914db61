package dev.newsfeed.post;

import java.time.Instant;

/** What GET /api/posts and the feeds select: every field optional. */
public record PostFilter(String topic, String source, Long liveblog, Instant since, Instant until, String q,
                         Cursor cursor, int limit) {

    public static PostFilter all(int limit) {
        return new PostFilter(null, null, null, null, null, null, null, limit);
    }
}
