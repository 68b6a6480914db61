package dev.newsfeed.extract;

import java.time.Instant;

/**
 * What the caller knows about a page before reading it.
 *
 * @param source     outlet slug if known ("cnn"), else null to detect it from the text
 * @param url        page URL if known
 * @param capturedAt when the page was fetched; relative times ("6 hr ago") are resolved against it
 */
public record PageContext(String source, String url, Instant capturedAt) {
    public static PageContext capturedAt(Instant capturedAt) {
        return new PageContext(null, null, capturedAt);
    }
}
