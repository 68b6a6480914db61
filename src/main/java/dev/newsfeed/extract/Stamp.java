package dev.newsfeed.extract;

import java.time.Instant;

/**
 * A timestamp found in page text.
 *
 * @param start     offset of the first character
 * @param end       offset after the last character
 * @param text      the time token as printed ("10:35 a.m. ET, October 4, 2022", "17:20"), without a leading
 *                  "published at"
 * @param instant   the UTC instant, or null when the text does not fix one
 * @param precision how the instant was obtained
 * @param relative  the relative stamp printed beside a clock time ("1h ago" next to "17:20"), else null
 */
record Stamp(int start, int end, String text, Instant instant, Precision precision, String relative) {

    Stamp withEnd(int newEnd) {
        return new Stamp(start, newEnd, text, instant, precision, relative);
    }
}
