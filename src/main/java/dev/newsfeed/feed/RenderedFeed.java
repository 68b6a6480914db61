package dev.newsfeed.feed;

import java.time.Instant;

/** Feed bytes with the validators derived from them and the Link header naming the other formats. */
record RenderedFeed(long generation, byte[] bytes, String etag, Instant lastModified, FeedFormat format,
                    String alternateLinks, java.util.Map<String, String> headers) {

    /** The same feed with its response headers, formatted once rather than on every request. */
    RenderedFeed withHeaders(java.util.Map<String, String> h) {
        return new RenderedFeed(generation, bytes, etag, lastModified, format, alternateLinks, java.util.Map.copyOf(h));
    }
}
