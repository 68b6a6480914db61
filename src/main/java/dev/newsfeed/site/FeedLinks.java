package dev.newsfeed.site;

/** The three feeds of what a page shows, as paths; {@code title} names them for a reader's subscription list. */
public record FeedLinks(String title, String rss, String atom, String json) {

    /** The feeds at {@code path} ({@code /feeds/nuclear}) with {@code query} ("" or "?q=…") after the extension. */
    static FeedLinks at(String title, String path, String query) {
        return new FeedLinks(title, path + ".rss" + query, path + ".atom" + query, path + ".json" + query);
    }

    static FeedLinks all() {
        return at("Newsfeed: all posts", "/feeds/all", "");
    }

    static FeedLinks topic(String slug, String name) {
        return at("Newsfeed: " + name, "/feeds/" + Links.enc(slug), "");
    }

    static FeedLinks source(String slug, String name) {
        return at("Newsfeed: " + name, "/feeds/sources/" + Links.enc(slug), "");
    }

    static FeedLinks liveblog(long id, String title) {
        return at("Newsfeed: " + title, "/feeds/liveblogs/" + id, "");
    }

    static FeedLinks search(String q) {
        return at("Newsfeed: search for " + q, "/feeds/search", "?q=" + Links.enc(q));
    }
}
