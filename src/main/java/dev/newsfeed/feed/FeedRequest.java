package dev.newsfeed.feed;

import dev.newsfeed.web.Params;
import dev.newsfeed.web.ProblemException;

/**
 * A feed as a request names it: its path ({@code /feeds/nuclear}, {@code /feeds/sources/cnn},
 * {@code /feeds/liveblogs/7}, {@code /feeds/search}), format, search and archive page. It is also the key of a kept
 * feed, so every way a feed is reached agrees on it ({@code /feeds/liveblogs/007.rss} is live blog 7's feed).
 */
record FeedRequest(Kind kind, String name, FeedFormat format, String q, String page) {

    enum Kind { ALL, TOPIC, SOURCE, LIVEBLOG, SEARCH }

    /**
     * @param collection "sources", "liveblogs", or null for the top level (topics, "all", "search")
     * @param q          the search, read only for search feeds
     */
    static FeedRequest of(String collection, String name, String extension, String q, String page) {
        FeedFormat format = FeedFormat.of(extension).orElseThrow(() -> ProblemException.notFound(
                "Feeds come as .rss, .atom or .json; there is no '." + Params.printable(extension) + "' feed."));
        String archive = Params.text("page", page);
        if (collection == null) {
            return switch (name) {
                case "all" -> new FeedRequest(Kind.ALL, name, format, null, archive);
                case "search" -> new FeedRequest(Kind.SEARCH, name, format, search(q), archive);
                default -> new FeedRequest(Kind.TOPIC, name, format, null, archive);
            };
        }
        return switch (collection) {
            case "sources" -> new FeedRequest(Kind.SOURCE, name, format, null, archive);
            case "liveblogs" -> new FeedRequest(Kind.LIVEBLOG,
                    Long.toString(Params.pathId("live blog", name)), format, null, archive);
            default -> throw ProblemException.notFound("No resource at this path.");
        };
    }

    private static String search(String q) {
        String query = Params.text("q", q);
        if (query == null) {
            throw ProblemException.badRequest("A search feed needs 'q', e.g. /feeds/search.atom?q=HIMARS.");
        }
        return query;
    }

    /**
     * Kept feeds are the first pages of topics, sources, live blogs and all posts: what readers poll, a number
     * bounded by what is stored. Archive pages and searches are as many as clients care to ask for, so they are
     * rendered per request.
     */
    boolean kept() {
        return page == null && kind != Kind.SEARCH;
    }

    /** The feed's path without extension. */
    String path() {
        return switch (kind) {
            case ALL, TOPIC, SEARCH -> "/feeds/" + name;
            case SOURCE -> "/feeds/sources/" + name;
            case LIVEBLOG -> "/feeds/liveblogs/" + name;
        };
    }

    FeedRequest in(FeedFormat other) {
        return new FeedRequest(kind, name, other, q, page);
    }
}
