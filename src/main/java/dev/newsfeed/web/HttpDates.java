package dev.newsfeed.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * HTTP dates (RFC 9110 5.6.7): written as IMF-fixdate, always two-digit days ("Wed, 02 Dec 2026 ..."; Java's
 * RFC_1123 formatter writes "Wed, 2 Dec 2026", which strict parsers such as Go's reject), and read in all three
 * forms a client may send: IMF-fixdate, the obsolete RFC 850 form and asctime.
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    /** "Sunday, 06-Nov-94 08:49:37 GMT": two-digit years read as 1970-2069. */
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US);
    /** "Sun Nov  6 08:49:37 1994". */
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);
    private static final List<DateTimeFormatter> READ = List.of(
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US), RFC_850, ASCTIME);

    private HttpDates() {
    }

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** The instant of an HTTP date, or null when it is in none of the three forms (such a header is ignored). */
    public static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter f : READ) {
            try {
                return LocalDateTime.parse(value.trim(), f).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }
}
