package dev.newsfeed.follow;

import dev.newsfeed.web.Bulkhead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What operators watch: fetches by outcome, how long a fetch takes (ingest included), and, from the database,
 * follows failing and follows overdue. The two gauges count every replica's follows, so each replica shows the
 * same figure: read one, do not add them up.
 */
@ApplicationScoped
public class FollowMetrics {

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> fetches = new EnumMap<>(Outcome.class);
    private final Timer duration;
    private final AtomicLong follows = new AtomicLong();
    private final AtomicLong failing = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();

    FollowMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Outcome o : Outcome.values()) {
            fetches.put(o, registry.counter("newsfeed.follow.fetches", "outcome", o.wire()));
        }
        this.duration = Timer.builder("newsfeed.follow.fetch.duration")
                .description("A followed page fetched, ingested and recorded").register(registry);
        registry.gauge("newsfeed.follows", follows);
        registry.gauge("newsfeed.follows.failing", failing);
        registry.gauge("newsfeed.follows.overdue", overdue);
    }

    void fetched(Outcome outcome, long nanos) {
        fetches.get(outcome).increment();
        duration.record(nanos, TimeUnit.NANOSECONDS);
    }

    void counted(FollowStats.Counts counts) {
        follows.set(counts.follows());
        failing.set(counts.failing());
        overdue.set(counts.overdue());
    }

    /** Fetches under way on this replica. */
    void watch(Bulkhead slots) {
        registry.gauge("newsfeed.follow.fetches.running", Tags.empty(), slots, Bulkhead::running);
    }
}
