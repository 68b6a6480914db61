package dev.newsfeed.cache;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many times posts or topics have changed, as this replica knows it: after each of its own writes, and
 * whenever PostgreSQL announces one from any replica ({@link ChangeListener}). Caches of values derived from
 * posts keep a value only while the count it was computed at is current.
 */
@ApplicationScoped
public class Changes {

    /** The channel the database's triggers notify on when a transaction that changed posts commits. */
    static final String CHANNEL = "newsfeed_changes";

    private final AtomicLong generation = new AtomicLong();

    public long generation() {
        return generation.get();
    }

    public void changed() {
        generation.incrementAndGet();
    }
}
