package dev.newsfeed.feed;

import java.time.Instant;

/** Feed bytes with the validators derived from them and the Link header naming the other formats. */
record RenderedFeed(long generation, byte[] bytes, String etag, Instant lastModified, FeedFormat format,
                    String alternateLinks) {
}
