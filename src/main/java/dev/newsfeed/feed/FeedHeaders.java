package dev.newsfeed.feed;

import io.vertx.core.MultiMap;

/** A rendered feed's response headers: those of a 200, and the fewer a 304 carries. */
record FeedHeaders(MultiMap ok, MultiMap notModified) {
}
