package dev.newsfeed.follow;

import dev.newsfeed.web.Bulkhead;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * This replica's share of the fetching: it claims as many due follows as it has free fetch slots and runs them,
 * every poll interval, whenever a fetch ends while more may be due, and at the moment the next follow falls due
 * when that is sooner than the next poll (so a page is fetched on time, not up to a poll interval late). Nothing
 * waits: a slow server holds one slot until its timeout, the others go on. Its state is touched on one Vert.x
 * context only.
 */
public class FollowScheduler {

    private static final Logger LOG = Logger.getLogger(FollowScheduler.class);
    /** A database that is down fails every claim; one line per this many nanoseconds says so. */
    private static final long FAILURE_LOG_INTERVAL = 60_000_000_000L;

    private final Vertx vertx;
    private final FollowClaims claims;
    private final FollowRunner runner;
    private final Bulkhead slots;
    private final int maxConcurrent;
    private final Duration pollInterval;
    private final Runnable onTick;

    private Context context;
    /** Results of claims and fetches come back here, where the scheduler's state lives. */
    private final Executor onContext = task -> context.runOnContext(v -> task.run());
    private long timer = -1;
    private boolean stopped = true;
    private boolean claiming;
    private boolean again;
    private boolean moreDue;
    private long wakeTimer = -1;
    private long lastFailureLog = System.nanoTime() - FAILURE_LOG_INTERVAL;

    /**
     * @param slots  fetches under way on this replica, shared with fetches asked for through the API
     * @param onTick also run at every poll (the gauges' refresh)
     */
    public FollowScheduler(Vertx vertx, FollowClaims claims, FollowRunner runner, Bulkhead slots, int maxConcurrent,
                           Duration pollInterval, Runnable onTick) {
        this.vertx = vertx;
        this.claims = claims;
        this.runner = runner;
        this.slots = slots;
        this.maxConcurrent = maxConcurrent;
        this.pollInterval = pollInterval;
        this.onTick = onTick;
    }

    public void start() {
        context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            stopped = false;
            timer = vertx.setPeriodic(pollInterval.toMillis(), id -> {
                onTick.run();
                pump();
            });
            pump();
        });
    }

    public void stop() {
        if (context != null) {
            context.runOnContext(v -> {
                stopped = true;
                vertx.cancelTimer(timer);
                if (wakeTimer != -1) {
                    vertx.cancelTimer(wakeTimer);
                }
            });
        }
    }

    /** Looks for due follows now (a follow was just created), rather than at the next poll. */
    public void wake() {
        if (context != null) {
            context.runOnContext(v -> pump());
        }
    }

    /** Runs a fetch asked for through the API in one of this replica's fetch slots; 503 when all are taken. */
    public <T> Uni<T> call(Supplier<Uni<T>> work) {
        return slots.call(work);
    }

    private void pump() {
        if (stopped) {
            return;
        }
        if (claiming) {
            again = true;
            return;
        }
        int free = maxConcurrent - slots.running();
        if (free <= 0) {
            moreDue = true;
            return;
        }
        claiming = true;
        again = false;
        claims.claimDue(Instant.now(), free).emitOn(onContext).subscribe().with(claimed -> {
            claiming = false;
            moreDue = claimed.size() == free;
            claimed.forEach(this::run);
            if (again || moreDue) {
                pump();
            } else {
                wakeWhenDue();
            }
        }, failure -> {
            claiming = false;
            long now = System.nanoTime();
            if (now - lastFailureLog >= FAILURE_LOG_INTERVAL) {
                lastFailureLog = now;
                LOG.warnf("Due follows could not be claimed (%s); trying again every %s", failure.getMessage(),
                        pollInterval);
            }
        });
    }

    /** Sets a timer for the next follow's due time, when it comes before the next poll. */
    private void wakeWhenDue() {
        claims.nextDue(Instant.now()).emitOn(onContext).subscribe().with(due -> {
            if (due == null || stopped) {
                return;
            }
            long millis = Math.max(1, Duration.between(Instant.now(), due).toMillis());
            if (millis < pollInterval.toMillis()) {
                if (wakeTimer != -1) {
                    vertx.cancelTimer(wakeTimer);
                }
                wakeTimer = vertx.setTimer(millis, id -> {
                    wakeTimer = -1;
                    pump();
                });
            }
        }, failure -> { });
    }

    private void run(ClaimedFollow f) {
        if (!slots.tryEnter(0)) {
            // A fetch asked for through the API took the slot meanwhile: the follow is due again at once.
            claims.release(f, Instant.now()).subscribe().with(x -> { }, e -> { });
            moreDue = true;
            return;
        }
        runner.run(f).emitOn(onContext).subscribe().with(outcome -> done(), failure -> done());
    }

    private void done() {
        slots.exit(0);
        if (moreDue) {
            pump();
        }
    }
}
