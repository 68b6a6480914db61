package dev.newsfeed.extract;

/** A line of page text; HTML pages already know which lines are captions. */
record RawLine(String text, Caption caption) {
    static RawLine of(String text) {
        return new RawLine(text, null);
    }
}
