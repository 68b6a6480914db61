package dev.newsfeed.site;

import dev.newsfeed.post.Cursor;
import dev.newsfeed.web.Params;
import dev.newsfeed.web.ProblemException;

/**
 * A page as a request names it, normalized, so that it is also the key of a kept page: {@code /liveblogs/007} and
 * {@code /liveblogs/7} are one page, and so are a post's id in upper and lower case.
 *
 * @param key    the topic or source slug, live blog id or post id; null for the home and search pages
 * @param cursor where an older page starts, as the API issues it (already checked to be one)
 * @param q      the search, for the search page
 */
record PageRequest(Kind kind, String key, String cursor, String q) {

    enum Kind { HOME, TOPIC, SOURCE, LIVEBLOG, POST, SEARCH }

    static final PageRequest HOME = new PageRequest(Kind.HOME, null, null, null);

    /** A page under a collection: {@code /topics/nuclear}, {@code /sources/cnn}, {@code /liveblogs/7}, {@code /posts/…}. */
    static PageRequest of(String collection, String name, String cursor) {
        String page = checkedCursor(cursor);
        return switch (collection) {
            case "topics" -> new PageRequest(Kind.TOPIC, slug("topic", name), page, null);
            case "sources" -> new PageRequest(Kind.SOURCE, slug("source", name), page, null);
            case "liveblogs" -> new PageRequest(Kind.LIVEBLOG, Long.toString(Params.pathId("live blog", name)), page,
                    null);
            case "posts" -> new PageRequest(Kind.POST, Params.postId(name).toString(), null, null);
            default -> throw ProblemException.notFound("No page at this path.");
        };
    }

    static PageRequest search(String q, String cursor) {
        String query = Params.text("q", q);
        return new PageRequest(Kind.SEARCH, null, query == null ? null : checkedCursor(cursor), query);
    }

    /**
     * First pages are kept: what people open, a number bounded by what is stored. Older pages and searches are
     * as many as clients care to ask for, so they are rendered per request; the empty search form is kept.
     */
    boolean kept() {
        return cursor == null && (kind != Kind.SEARCH || q == null);
    }

    private static String slug(String what, String name) {
        String slug = Params.text(what, name);
        if (slug == null) {
            throw ProblemException.notFound("There is no " + what + " without a name.");
        }
        return slug;
    }

    /** A cursor this service did not issue is refused here, before any query, as the API refuses it. */
    private static String checkedCursor(String cursor) {
        String c = Params.text("cursor", cursor);
        if (c != null) {
            Cursor.decode(c);
        }
        return c;
    }
}
