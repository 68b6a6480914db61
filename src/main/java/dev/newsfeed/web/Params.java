package dev.newsfeed.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Parses query and path parameters, answering 400 with a reason (404 for a path id that names nothing). No
 * parameter may carry control characters: they have no business in a search or a slug, and a feed would
 * refuse to print them.
 */
public final class Params {

    /** How much of a bad value an error message repeats. */
    private static final int ECHO = 100;

    private Params() {
    }

    /** The trimmed value, or null when absent or blank. */
    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || c >= 0x80 && c < 0xA0) {
                throw ProblemException.badRequest("'" + name + "' holds a control character; got '"
                        + printable(value) + "'.");
            }
        }
        return value.trim();
    }

    /** An ISO instant ("2022-10-04T14:35:00Z"), offset date-time, or a date (start of day UTC). */
    public static Instant instant(String name, String value) {
        String v = text(name, value);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.badRequest("'" + name + "' must be an ISO-8601 instant such as "
                        + "2022-10-04T14:35:00Z or a date such as 2022-10-04; got '" + printable(value) + "'.");
            }
        }
    }

    public static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("'limit' must be a whole number from 1 to " + max + "; got '"
                + printable(value) + "'.");
    }

    /** A post id in a path; anything that is not one names no post, so it is a 404. */
    public static UUID postId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no post with id '" + printable(value) + "'.");
        }
    }

    /** A numeric id in a path: anything else names nothing, a 404. */
    public static long pathId(String what, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("There is no " + what + " with id '" + printable(value) + "'.");
        }
    }

    /** A numeric id in a query: anything else is a malformed request, a 400. */
    public static Long queryId(String name, String value) {
        String v = text(name, value);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("'" + name + "' must be a numeric id; got '" + printable(value) + "'.");
        }
    }

    /** A value as an error message may repeat it: control characters escaped, cut short. */
    public static String printable(String value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length() && b.length() < ECHO; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || c >= 0x80 && c < 0xA0) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return value.length() > b.length() && b.length() >= ECHO ? b + "…" : b.toString();
    }
}
