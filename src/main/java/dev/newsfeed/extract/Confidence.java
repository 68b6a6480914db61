package dev.newsfeed.extract;

/** How far the cut of a page into posts can be trusted. */
public enum Confidence {
    /** Posts were cut where the page marks them: timestamps, JSON-LD updates, numbered posts, or one article. */
    HIGH,
    /** Posts were cut at a form the page repeats but that is not a timestamp: headline lines, wire datelines. */
    MEDIUM,
    /** The page looks like a live blog but its posts could not be told apart, or the cut was a guess. */
    LOW;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
