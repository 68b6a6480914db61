package dev.newsfeed.follow;

import dev.newsfeed.ingest.DocumentCharset;
import dev.newsfeed.ingest.IncomingDocument;
import dev.newsfeed.ingest.IngestResult;
import dev.newsfeed.ingest.IngestService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * One claimed follow, fetched: the page (if any) goes through the same path as a POSTed one, with the follow's
 * URL as the document's, then the outcome and the next fetch time are recorded under the claim. Never fails: a
 * fault anywhere becomes the follow's last error and a backoff, and the scheduler goes on.
 */
public class FollowRunner {

    private static final Logger LOG = Logger.getLogger(FollowRunner.class);

    private final PageFetcher fetcher;
    private final IngestService ingest;
    private final FollowClaims claims;
    private final FollowSchedule schedule;
    private final ByteBudget budget;
    private final FollowMetrics metrics;
    private final Vertx vertx;
    private final Duration retryDeferred;

    /** @param retryDeferred how soon a fetch deferred for memory is tried again */
    public FollowRunner(PageFetcher fetcher, IngestService ingest, FollowClaims claims, FollowSchedule schedule,
                        ByteBudget budget, FollowMetrics metrics, Vertx vertx, Duration retryDeferred) {
        this.fetcher = fetcher;
        this.ingest = ingest;
        this.claims = claims;
        this.schedule = schedule;
        this.budget = budget;
        this.metrics = metrics;
        this.vertx = vertx;
        this.retryDeferred = retryDeferred;
    }

    /** What a fetch came to, before it is recorded. */
    private record Done(Outcome outcome, Integer status, String error, Duration retryAfter, String etag,
                        String lastModified, Integer created, Integer updated, Long documentId) {

        static Done failed(FetchResult.Failed f) {
            return new Done(f.outcome(), f.status(), f.error(), f.retryAfter(), null, null, null, null, null);
        }
    }

    public Uni<Outcome> run(ClaimedFollow f) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        return fetcher.fetch(f.url(), f.etag(), f.lastModified())
                .flatMap(result -> settle(f, result))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf(e, "Follow %d (%s) failed", f.id(), f.url());
                    return new Done(Outcome.ERROR, null, "the page could not be stored: " + (e.getMessage() != null ? e.getMessage() : e), null,
                            null, null, null, null, null);
                })
                .flatMap(done -> record(f, done, started, t0).replaceWith(done.outcome()))
                .onFailure().recoverWithItem(e -> {
                    // The database could not take the record: the lease runs out and the follow is fetched again.
                    LOG.warnf("Follow %d (%s): its fetch could not be recorded: %s", f.id(), f.url(), e.getMessage());
                    return Outcome.ERROR;
                });
    }

    private Uni<Done> settle(ClaimedFollow f, FetchResult result) {
        if (result instanceof FetchResult.NotModified nm) {
            return Uni.createFrom().item(new Done(Outcome.NOT_MODIFIED, 304, null, null,
                    nm.etag() != null ? nm.etag() : f.etag(),
                    nm.lastModified() != null ? nm.lastModified() : f.lastModified(), 0, 0, null));
        }
        if (result instanceof FetchResult.Failed failed) {
            return Uni.createFrom().item(Done.failed(failed));
        }
        FetchResult.Page page = (FetchResult.Page) result;
        Instant retrievedAt = Instant.now();
        // Decoding megabytes takes longer than the event loop may be held.
        return vertx.executeBlocking(() -> DocumentCharset.decode(page.body().getBytes(), page.contentType()), false)
                .flatMap(body -> ingest.ingest(new IncomingDocument(body, page.mediaType(), f.source(), f.url(),
                        retrievedAt)))
                .map(r -> done(r, page))
                .onTermination().invoke(() -> budget.release(page.heldBytes()));
    }

    private static Done done(IngestResult r, FetchResult.Page page) {
        if (r.extractionError() != null) {
            // The validators are not kept: the page is read again next time, not answered 304 while still unread.
            return new Done(Outcome.UNREADABLE, 200, "nothing could be extracted: " + r.extractionError()
                    + " (document " + r.documentId() + " is kept for reprocessing)", null, null, null, 0, 0,
                    r.documentId());
        }
        Outcome outcome = r.created() + r.updated() > 0 ? Outcome.CHANGED : Outcome.UNCHANGED;
        return new Done(outcome, 200, null, null, page.etag(), page.lastModified(), r.created(), r.updated(),
                r.documentId());
    }

    private Uni<Boolean> record(ClaimedFollow f, Done d, Instant started, long t0) {
        Instant now = Instant.now();
        long nanos = System.nanoTime() - t0;
        metrics.fetched(d.outcome(), nanos);
        if (d.outcome() == Outcome.DEFERRED) {
            return claims.release(f, now.plus(retryDeferred));
        }
        FollowClaims.Record r;
        long millis = nanos / 1_000_000;
        if (d.outcome().failure()) {
            int failures = f.consecutiveFailures() + 1;
            boolean unread = d.outcome() == Outcome.UNREADABLE;
            r = new FollowClaims.Record(schedule.afterFailure(failures, now, d.retryAfter()), f.intervalSeconds(),
                    f.changeGapSeconds(), f.lastChangeAt(), unread ? null : f.etag(),
                    unread ? null : f.lastModified(), started, d.status(), d.outcome(), millis, d.created(),
                    d.updated(), d.documentId(), d.error(), failures);
        } else {
            FollowSchedule.Next next = d.outcome() == Outcome.CHANGED
                    ? schedule.afterChange(f.state(), now) : schedule.afterNoChange(f.state(), now);
            r = new FollowClaims.Record(next.at(), next.intervalSeconds(), next.changeGapSeconds(),
                    next.lastChangeAt(), d.etag(), d.lastModified(), started, d.status(), d.outcome(), millis,
                    d.created(), d.updated(), d.documentId(), null, 0);
        }
        return claims.record(f, r).invoke(kept -> {
            if (!kept) {
                LOG.debugf("Follow %d: claim lost before its fetch was recorded", f.id());
            }
        });
    }
}
