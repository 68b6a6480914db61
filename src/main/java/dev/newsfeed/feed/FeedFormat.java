package dev.newsfeed.feed;

import java.util.Optional;

/** The three wire formats, by file extension. */
public enum FeedFormat {
    RSS("rss", "application/rss+xml"),
    ATOM("atom", "application/atom+xml"),
    JSON("json", "application/feed+json");

    private final String extension;
    private final String mediaType;

    FeedFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<FeedFormat> of(String extension) {
        for (FeedFormat f : values()) {
            if (f.extension.equals(extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
