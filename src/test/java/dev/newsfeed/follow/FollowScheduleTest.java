package dev.newsfeed.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FollowScheduleTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration MIN = Duration.ofMinutes(2);
    private static final Duration MAX = Duration.ofHours(6);
    private static final Duration CAP = Duration.ofHours(6);

    private static FollowSchedule schedule(double random) {
        return new FollowSchedule(MIN, MAX, CAP, () -> random);
    }

    @Test
    void aFirstChangeIsFollowedByTheMinimumInterval() {
        FollowSchedule.Next next = schedule(0).afterChange(new FollowSchedule.State(T0, null, null, 0), T0);
        assertEquals(120, next.intervalSeconds());
        assertEquals(T0.plusSeconds(120), next.at());
        assertEquals(T0, next.lastChangeAt());
    }

    @Test
    void aPageThatChangesEveryTenMinutesIsFetchedEveryFive() {
        FollowSchedule s = schedule(0);
        Instant t = T0;
        FollowSchedule.State state = new FollowSchedule.State(T0, null, null, 0);
        FollowSchedule.Next next = null;
        for (int i = 0; i < 6; i++) {
            next = s.afterChange(state, t);
            state = new FollowSchedule.State(T0, next.lastChangeAt(), next.changeGapSeconds(), 0);
            t = t.plus(Duration.ofMinutes(10));
        }
        assertEquals(600, next.changeGapSeconds());
        assertEquals(300, next.intervalSeconds());
    }

    @Test
    void theGapBetweenChangesIsSmoothed() {
        // Known gap 10 min, then a change after 30 min: the estimate moves halfway, to 20 min.
        FollowSchedule.State state = new FollowSchedule.State(T0, T0, 600L, 0);
        FollowSchedule.Next next = schedule(0).afterChange(state, T0.plus(Duration.ofMinutes(30)));
        assertEquals(1200, next.changeGapSeconds());
        assertEquals(600, next.intervalSeconds());
    }

    @Test
    void aPageThatStopsChangingIsFetchedLessAndLessOftenUpToTheMaximum() {
        FollowSchedule s = schedule(0);
        FollowSchedule.State state = new FollowSchedule.State(T0, T0, 240L, 0);
        long previous = 0;
        Instant t = T0;
        for (int i = 0; i < 30; i++) {
            FollowSchedule.Next next = s.afterNoChange(state, t);
            assertTrue(next.intervalSeconds() >= previous, "the interval never shrinks while the page is quiet");
            assertEquals(T0, next.lastChangeAt(), "no change recorded");
            previous = next.intervalSeconds();
            t = next.at();
        }
        assertEquals(MAX.toSeconds(), previous);
        // Quiet for an hour: half of it.
        assertEquals(1800, s.afterNoChange(state, T0.plus(Duration.ofHours(1))).intervalSeconds());
    }

    @Test
    void aQuietPageKeepsItsRhythmBeforeItsUsualGapHasPassed() {
        // Changes every 20 min on average; 3 min after the last one, the interval is still half the gap.
        FollowSchedule.State state = new FollowSchedule.State(T0, T0, 1200L, 0);
        assertEquals(600, schedule(0).afterNoChange(state, T0.plusSeconds(180)).intervalSeconds());
    }

    @Test
    void aPageNeverSeenToChangeCountsItsQuietFromTheFollowsCreation() {
        FollowSchedule.State state = new FollowSchedule.State(T0, null, null, 0);
        assertEquals(120, schedule(0).afterNoChange(state, T0.plusSeconds(60)).intervalSeconds());
        assertEquals(5400, schedule(0).afterNoChange(state, T0.plus(Duration.ofHours(3))).intervalSeconds());
    }

    @Test
    void theIntervalStaysWithinMinimumAndMaximum() {
        FollowSchedule s = schedule(0);
        FollowSchedule.State fast = new FollowSchedule.State(T0, T0, 10L, 0);
        assertEquals(MIN.toSeconds(), s.afterChange(fast, T0.plusSeconds(5)).intervalSeconds());
        FollowSchedule.State slow = new FollowSchedule.State(T0, T0, Duration.ofDays(9).toSeconds(), 0);
        assertEquals(MAX.toSeconds(), s.afterChange(slow, T0.plus(Duration.ofDays(10))).intervalSeconds());
    }

    @Test
    void backoffDoublesPerFailureFromTheMinimumUpToTheCap() {
        FollowSchedule s = schedule(0);
        assertEquals(120, s.backoffSeconds(1));
        assertEquals(240, s.backoffSeconds(2));
        assertEquals(480, s.backoffSeconds(3));
        assertEquals(120L << 7, s.backoffSeconds(8));
        assertEquals(CAP.toSeconds(), s.backoffSeconds(9));
        assertEquals(CAP.toSeconds(), s.backoffSeconds(1000));
    }

    @Test
    void jitterSpreadsARetryBetweenHalfAndAllOfTheBackoff() {
        assertEquals(T0.plusSeconds(240), schedule(0).afterFailure(3, T0, null));
        assertEquals(T0.plusSeconds(360), schedule(0.5).afterFailure(3, T0, null));
        Instant latest = schedule(0.999999).afterFailure(3, T0, null);
        assertTrue(latest.isAfter(T0.plusSeconds(470)) && !latest.isAfter(T0.plusSeconds(480)), latest.toString());
    }

    @Test
    void retryAfterIsHonouredUpToTheCap() {
        assertEquals(T0.plusSeconds(3600), schedule(0).afterFailure(1, T0, Duration.ofHours(1)));
        // Shorter than the backoff: the backoff wins.
        assertEquals(T0.plusSeconds(60), schedule(0).afterFailure(1, T0, Duration.ofSeconds(5)));
        assertEquals(T0.plus(CAP), schedule(0).afterFailure(1, T0, Duration.ofDays(30)));
    }
}
