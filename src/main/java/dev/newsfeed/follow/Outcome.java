package dev.newsfeed.follow;

import java.util.Locale;

/** How a fetch ended: the metric's tag, and a follow's last outcome. */
public enum Outcome {
    /** New or changed posts were stored. */
    CHANGED,
    /** A 200 whose page gave the same posts (or the very same bytes). */
    UNCHANGED,
    /** A 304 to the validators kept: nothing read, nothing stored. */
    NOT_MODIFIED,
    /** Turned away before reading the body, for lack of memory on this replica; tried again soon, not a failure. */
    DEFERRED,
    HTTP_ERROR,
    /** A 429 or 503: the site asked us to slow down. */
    RATE_LIMITED,
    TIMEOUT,
    TOO_LARGE,
    REDIRECTS,
    /** The address (or a redirect's) is one a follow may not reach, or the scheme is not http(s). */
    REFUSED,
    /** Not a page (an image, a PDF, ...). */
    UNSUPPORTED,
    /** A page nothing could be extracted from; the document is kept, as for a POSTed one. */
    UNREADABLE,
    /** The host could not be resolved or reached, or the connection broke. */
    NETWORK,
    ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean failure() {
        return this != CHANGED && this != UNCHANGED && this != NOT_MODIFIED && this != DEFERRED;
    }
}
