package dev.newsfeed.feed;

import java.time.Instant;

/**
 * A rendered feed in both codings, each with its own strong ETag (a gzip body is another representation, RFC
 * 9110 8.8.3), the Last-Modified derived from the content and the response headers, all made once per render.
 */
record RenderedFeed(byte[] bytes, byte[] gzipped, String etag, String gzipEtag, Instant lastModified,
                    FeedFormat format, FeedHeaders headers, FeedHeaders gzipHeaders) {

    /** The body to send, identity or gzip. */
    byte[] body(boolean gzip) {
        return gzip ? gzipped : bytes;
    }

    FeedHeaders headers(boolean gzip) {
        return gzip ? gzipHeaders : headers;
    }
}
