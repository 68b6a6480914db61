package dev.newsfeed.extract;

import java.time.Instant;

/**
 * A timestamp found in page text.
 *
 * @param start     offset of the first character
 * @param end       offset after the last character
 * @param text      the characters as printed
 * @param instant   the UTC instant, or null when the text does not fix one
 * @param precision how the instant was obtained
 */
record Stamp(int start, int end, String text, Instant instant, Precision precision) {
}
