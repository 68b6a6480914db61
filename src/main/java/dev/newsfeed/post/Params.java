package dev.newsfeed.post;

import dev.newsfeed.web.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Parses query and path parameters, answering 400 (or 404 for ids) with a reason. */
public final class Params {

    private Params() {
    }

    /** An ISO instant ("2022-10-04T14:35:00Z"), offset date-time, or a date (start of day UTC). */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.badRequest("'" + name + "' must be an ISO-8601 instant such as "
                        + "2022-10-04T14:35:00Z or a date such as 2022-10-04; got '" + value + "'.");
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
        throw ProblemException.badRequest("'limit' must be a whole number from 1 to " + max + "; got '" + value + "'.");
    }

    /** A post id; anything that is not one names no post, so it is a 404. */
    public static UUID postId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no post with id '" + value + "'.");
        }
    }

    public static long longId(String what, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("There is no " + what + " with id '" + value + "'.");
        }
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
