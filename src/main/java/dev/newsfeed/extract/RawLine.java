package dev.newsfeed.extract;

/**
 * A line of page text. HTML pages already know which lines are captions, and where a post's element
 * carries an id (its anchor on the page).
 */
record RawLine(String text, Caption caption, String anchor) {
    static RawLine of(String text) {
        return new RawLine(text, null, null);
    }

    RawLine withAnchor(String id) {
        return new RawLine(text, caption, id);
    }
}
