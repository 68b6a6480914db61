package dev.newsfeed.follow;

import java.time.Instant;

/**
 * A follow as the API shows it.
 *
 * @param intervalSeconds the adaptive interval in force (a failure's backoff shows in nextFetchAt)
 * @param fetchingOn      the replica fetching the page now, else null
 * @param lastFetch       null until the page has been fetched once
 */
public record FollowView(long id, String url, String source, Instant createdAt, Instant nextFetchAt,
                         long intervalSeconds, Instant lastChangeAt, long fetchCount, int consecutiveFailures,
                         String lastError, String fetchingOn, LastFetch lastFetch) {

    /**
     * The last fetch: when, its HTTP status (null when there was no answer), how it ended, how long it took
     * (ingest included), the posts it created and updated, which replica ran it, and the validators kept from it.
     */
    public record LastFetch(Instant at, Integer status, String outcome, Integer durationMs, Integer postsCreated,
                            Integer postsUpdated, Long documentId, String replica, Validators validators) {
    }

    /** What the next fetch sends back as If-None-Match and If-Modified-Since. */
    public record Validators(String etag, String lastModified) {
    }

    static FollowView of(Follow f) {
        LastFetch last = f.lastFetchAt == null ? null : new LastFetch(f.lastFetchAt, f.lastStatus, f.lastOutcome,
                f.lastDurationMs, f.lastPostsCreated, f.lastPostsUpdated, f.lastDocumentId, f.lastFetchedBy,
                new Validators(f.etag, f.lastModified));
        boolean leased = f.claimedUntil != null && f.claimedUntil.isAfter(Instant.now());
        return new FollowView(f.id, f.url, f.source, f.createdAt, f.nextFetchAt, f.intervalSeconds, f.lastChangeAt,
                f.fetchCount, f.consecutiveFailures, f.lastError, leased ? f.claimedBy : null, last);
    }
}
