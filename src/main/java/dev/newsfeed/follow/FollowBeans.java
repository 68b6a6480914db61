package dev.newsfeed.follow;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.ingest.IngestService;
import dev.newsfeed.web.Bulkhead;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The follow machinery wired from {@code newsfeed.follow.*}. Its parts are plain classes, so a test can build a
 * second replica's scheduler over the same database; this class builds this replica's, and starts and stops it.
 */
@Singleton
public class FollowBeans {

    @Produces
    @Singleton
    FollowSchedule schedule(NewsfeedConfig config) {
        NewsfeedConfig.Follow f = config.follow();
        return new FollowSchedule(f.minInterval(), f.maxInterval(), f.backoffCap(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Produces
    @Singleton
    ByteBudget budget(NewsfeedConfig config) {
        return new ByteBudget(config.follow().maxBytesInFlight());
    }

    @Produces
    @Singleton
    AddressGuard guard(Vertx vertx, NewsfeedConfig config) {
        return new AddressGuard(vertx, new AddressPolicy(config.follow().allowPrivate()));
    }

    @Produces
    @Singleton
    PageFetcher fetcher(Vertx vertx, AddressGuard guard, ByteBudget budget, NewsfeedConfig config) {
        return new PageFetcher(vertx.getDelegate(), guard, budget, settings(config));
    }

    void close(@Disposes PageFetcher fetcher) {
        fetcher.close();
    }

    @Produces
    @Singleton
    FollowClaims claims(Pool pool, NewsfeedConfig config) {
        NewsfeedConfig.Follow f = config.follow();
        if (f.lease().compareTo(f.timeout().multipliedBy(2)) < 0) {
            // A lease that runs out while its fetch is still under way lets a second replica fetch the page too.
            throw new IllegalStateException("NEWSFEED_FOLLOW_LEASE (" + f.lease() + ") must be at least twice "
                    + "NEWSFEED_FOLLOW_TIMEOUT (" + f.timeout() + "): a fetch and its ingest must end within it.");
        }
        return new FollowClaims(pool, config.replica(), f.lease());
    }

    @Produces
    @Singleton
    FollowRunner runner(PageFetcher fetcher, IngestService ingest, FollowClaims claims, FollowSchedule schedule,
                        ByteBudget budget, FollowMetrics metrics, Vertx vertx, NewsfeedConfig config) {
        return new FollowRunner(fetcher, ingest, claims, schedule, budget, metrics, vertx,
                config.follow().pollInterval());
    }

    @Produces
    @Singleton
    FollowScheduler scheduler(Vertx vertx, FollowClaims claims, FollowRunner runner, FollowMetrics metrics,
                              FollowStats stats, NewsfeedConfig config) {
        NewsfeedConfig.Follow f = config.follow();
        if (f.maxConcurrent() < 1 || f.minInterval().compareTo(f.maxInterval()) > 0) {
            throw new IllegalStateException("NEWSFEED_FOLLOW_MAX_CONCURRENT must be at least 1, and "
                    + "NEWSFEED_FOLLOW_MIN_INTERVAL no longer than NEWSFEED_FOLLOW_MAX_INTERVAL.");
        }
        Bulkhead slots = new Bulkhead("fetches of followed pages", f.maxConcurrent(), Long.MAX_VALUE);
        metrics.watch(slots);
        AtomicBoolean counting = new AtomicBoolean();
        Runnable refreshGauges = () -> {
            if (counting.compareAndSet(false, true)) {
                stats.count(Instant.now()).onTermination().invoke(() -> counting.set(false))
                        .subscribe().with(metrics::counted, e -> { });
            }
        };
        return new FollowScheduler(vertx.getDelegate(), claims, runner, slots, f.enabled() ? f.maxConcurrent() : 0,
                f.pollInterval(), refreshGauges);
    }

    void start(@Observes StartupEvent event, FollowScheduler scheduler) {
        scheduler.start();
    }

    void stop(@Observes ShutdownEvent event, FollowScheduler scheduler) {
        scheduler.stop();
    }

    static PageFetcher.Settings settings(NewsfeedConfig config) {
        NewsfeedConfig.Follow f = config.follow();
        String contact = f.contactUrl().orElse(config.publicBaseUrl());
        return new PageFetcher.Settings(f.userAgent() + " (+" + contact + ")", f.connectTimeout(), f.timeout(),
                f.maxRedirects(), config.ingest().maxBodyBytes());
    }
}
