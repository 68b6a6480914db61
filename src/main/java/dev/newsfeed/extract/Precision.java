package dev.newsfeed.extract;

/** How far a post's {@code publishedAt} can be trusted. */
public enum Precision {
    /** The page printed an absolute date and time with its zone. */
    EXACT,
    /** The page printed "6 hr 57 min ago"; resolved against the capture time. */
    RELATIVE,
    /** A time of day without a date, dated from the page. */
    INFERRED,
    /** Nothing on the page fixes the time. */
    UNKNOWN;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
