package dev.newsfeed.follow;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

/**
 * When a followed page is fetched next. Between a minimum and a maximum, the interval follows how often the
 * page really changes, as Miniflux's entry-frequency scheduler and FreshRSS's automatic TTL do:
 * <ul>
 *   <li>a change: half the smoothed time between changes (each new gap averaged with the previous estimate), so
 *   a page that changes every ten minutes is seen within about five of each change;</li>
 *   <li>no change (304, or the same page): at least that, and at least half the time the page has been quiet,
 *   so a live blog that ended is fetched less and less often, until the maximum;</li>
 *   <li>a failure: exponential backoff from the minimum, doubled per consecutive failure up to a cap, with
 *   jitter (between half and all of it) so pages that failed together are not retried together; a server's
 *   Retry-After is honoured up to the same cap.</li>
 * </ul>
 */
public final class FollowSchedule {

    /** What the schedule needs to know of a follow. */
    public record State(Instant createdAt, Instant lastChangeAt, Long changeGapSeconds, int consecutiveFailures) {
    }

    /** The next fetch, and what to keep for the one after. */
    public record Next(Instant at, long intervalSeconds, Long changeGapSeconds, Instant lastChangeAt) {
    }

    private final long minSeconds;
    private final long maxSeconds;
    private final long capSeconds;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1), for the jitter */
    public FollowSchedule(Duration min, Duration max, Duration backoffCap, DoubleSupplier random) {
        this.minSeconds = Math.max(1, min.toSeconds());
        this.maxSeconds = Math.max(minSeconds, max.toSeconds());
        this.capSeconds = Math.max(minSeconds, backoffCap.toSeconds());
        this.random = random;
    }

    /** A new follow is fetched at once, then at the minimum interval until it has a history. */
    public long initialIntervalSeconds() {
        return minSeconds;
    }

    /** The page gave new or changed posts at {@code now}. */
    public Next afterChange(State s, Instant now) {
        Long gap = s.lastChangeAt() == null ? null : Math.max(0, Duration.between(s.lastChangeAt(), now).toSeconds());
        Long smoothed = s.changeGapSeconds();
        if (gap != null) {
            smoothed = smoothed == null ? gap : Long.valueOf((smoothed + gap) / 2);
        }
        long interval = clamp(smoothed == null ? minSeconds : smoothed / 2);
        return new Next(now.plusSeconds(interval), interval, smoothed, now);
    }

    /** The page answered 304, or the same posts as before. */
    public Next afterNoChange(State s, Instant now) {
        Instant since = s.lastChangeAt() != null ? s.lastChangeAt() : s.createdAt();
        long quiet = since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
        long rhythm = s.changeGapSeconds() == null ? minSeconds : s.changeGapSeconds() / 2;
        long interval = clamp(Math.max(rhythm, quiet / 2));
        return new Next(now.plusSeconds(interval), interval, s.changeGapSeconds(), s.lastChangeAt());
    }

    /**
     * The fetch failed, the {@code failures}th time in a row (1 for the first).
     *
     * @param retryAfter what the server asked for (429, 503), or null
     */
    public Instant afterFailure(int failures, Instant now, Duration retryAfter) {
        long backoff = backoffSeconds(failures);
        long jittered = backoff / 2 + (long) (random.getAsDouble() * (backoff - backoff / 2));
        long asked = retryAfter == null ? 0 : Math.min(capSeconds, Math.max(0, retryAfter.toSeconds()));
        return now.plusSeconds(Math.max(Math.max(1, jittered), asked));
    }

    /** The backoff before jitter: the minimum interval doubled per failure after the first, up to the cap. */
    long backoffSeconds(int failures) {
        int doublings = Math.max(0, failures - 1);
        if (doublings >= 62 || minSeconds > capSeconds >> doublings) {
            return capSeconds;
        }
        return Math.min(capSeconds, minSeconds << doublings);
    }

    private long clamp(long seconds) {
        return Math.min(maxSeconds, Math.max(minSeconds, seconds));
    }
}
