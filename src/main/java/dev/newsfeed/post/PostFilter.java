package dev.newsfeed.post;

import java.time.Instant;

/**
 * What GET /api/posts, the feeds and the pages select: every part optional. Built by naming its parts,
 * {@code PostFilter.first(20).topic("nuclear").query("Zaporizhzhia")}, never by position.
 */
public record PostFilter(String topic, String source, Long liveblog, Instant since, Instant until, String q,
                         Cursor cursor, int limit) {

    /** The first {@code limit} posts, newest first. */
    public static PostFilter first(int limit) {
        return new PostFilter(null, null, null, null, null, null, null, limit);
    }

    public PostFilter topic(String slug) {
        return new PostFilter(slug, source, liveblog, since, until, q, cursor, limit);
    }

    public PostFilter source(String slug) {
        return new PostFilter(topic, slug, liveblog, since, until, q, cursor, limit);
    }

    public PostFilter liveblog(Long id) {
        return new PostFilter(topic, source, id, since, until, q, cursor, limit);
    }

    public PostFilter since(Instant t) {
        return new PostFilter(topic, source, liveblog, t, until, q, cursor, limit);
    }

    public PostFilter until(Instant t) {
        return new PostFilter(topic, source, liveblog, since, t, q, cursor, limit);
    }

    /** A websearch_to_tsquery search: results ranked, not in time order. */
    public PostFilter query(String search) {
        return new PostFilter(topic, source, liveblog, since, until, search, cursor, limit);
    }

    public PostFilter after(Cursor c) {
        return new PostFilter(topic, source, liveblog, since, until, q, c, limit);
    }

    public PostFilter limit(int n) {
        return new PostFilter(topic, source, liveblog, since, until, q, cursor, n);
    }
}
