package dev.newsfeed.feed;

import java.time.Instant;

/** Feed bytes with the validators derived from them and its response headers, formatted once per render. */
record RenderedFeed(byte[] bytes, String etag, Instant lastModified, FeedFormat format,
                    FeedHeaders headers) {
}
