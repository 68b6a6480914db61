package dev.newsfeed.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When a post was published, as a reader should take it: the absolute time in UTC, and how far it can be trusted
 * (the extractor's precision), said in words.
 *
 * @param datetime the machine-readable time, for {@code <time datetime>}; null when unknown
 * @param text     the time as people read it
 * @param precision exact, relative, inferred or unknown
 * @param note     how the time was found; null when it was printed whole
 */
public record PostTime(String datetime, String text, String precision, String note) {

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * @param printed   what the page printed ("6 hr 57 min ago", "09:10"), or null
     * @param firstSeen when Newsfeed first read the post: all there is to say when the time is unknown
     */
    static PostTime of(Instant publishedAt, String precision, String printed, Instant firstSeen) {
        String as = printed == null || printed.isBlank() ? null : "“" + printed.strip() + "”";
        if (publishedAt == null || "unknown".equals(precision)) {
            return new PostTime(null, "Time unknown", "unknown", "The page gave no time; Newsfeed first read it on "
                    + READABLE.format(firstSeen) + ".");
        }
        String at = READABLE.format(publishedAt);
        String iso = publishedAt.toString();
        return switch (precision) {
            case "relative" -> new PostTime(iso, "about " + at, precision, "Worked out from "
                    + (as == null ? "a relative time" : as) + " and when the page was read.");
            case "inferred" -> new PostTime(iso, at, precision, "The page printed a time of day"
                    + (as == null ? "" : ", " + as) + "; the date is inferred from the page.");
            case "exact" -> new PostTime(iso, at, precision, null);
            default -> new PostTime(iso, at, precision, null);
        };
    }

    /** Whether the time is less than exact, so a listing says so beside it. */
    public boolean approximate() {
        return !"exact".equals(precision);
    }

    private static final DateTimeFormatter SHORT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** A time in a table column headed UTC. */
    static String brief(Instant t) {
        return t == null ? null : SHORT.format(t);
    }

    static String readable(Instant t) {
        return t == null ? null : READABLE.format(t);
    }
}
