package dev.newsfeed.post;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values derived from posts (rendered feeds, search pages), kept until posts change and never longer than
 * {@code maxAge}: a replica reading from a standby can hear of a change before the standby has replayed it,
 * and would otherwise keep what it read in between until the next change. When full it starts over, which
 * costs one recomputation per value still asked for and keeps reads free of locks.
 *
 * <p>Requests that miss the same key together share one computation: when a value expires or posts change,
 * every reader polling it misses at once, and 32 concurrent pollers once computed the same feed 32 times and
 * all waited up to 0.75 s.
 */
public final class ChangeBoundCache<K, V> {

    private record Kept<V>(long generation, long bornNanos, V value) {
    }

    private final Changes changes;
    private final int capacity;
    private final long maxAgeNanos;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final Map<K, Flight<V>> computing = new ConcurrentHashMap<>();

    /** A computation under way, shared by the requests that missed its key at the same generation. */
    private static final class Flight<V> {
        final long generation;
        Uni<V> result;

        Flight(long generation) {
            this.generation = generation;
        }
    }

    public ChangeBoundCache(Changes changes, int capacity, Duration maxAge) {
        this.changes = changes;
        this.capacity = capacity;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** The value kept for {@code key}, or null when there is none, posts changed since, or it is too old. */
    public V get(K key) {
        Kept<V> k = kept.get(key);
        if (k == null) {
            return null;
        }
        if (k.generation() != changes.generation() || System.nanoTime() - k.bornNanos() > maxAgeNanos) {
            kept.remove(key, k);
            return null;
        }
        return k.value();
    }

    /** Keeps a value computed from what was read at {@code generation}: a change meanwhile makes it unfit. */
    private void put(K key, long generation, V value) {
        if (capacity <= 0 || generation != changes.generation()) {
            return;
        }
        if (kept.size() >= capacity) {
            kept.clear();
        }
        kept.put(key, new Kept<>(generation, System.nanoTime(), value));
    }

    /**
     * The value kept for {@code key}, else the one {@code compute} yields, kept for later requests. A computation
     * under way for the key since the last change is joined rather than started again. With no capacity nothing
     * is kept or shared: every request computes.
     */
    public Uni<V> getOrCompute(K key, Supplier<Uni<V>> compute) {
        V value = get(key);
        if (value != null) {
            return Uni.createFrom().item(value);
        }
        if (capacity <= 0) {
            return compute.get();
        }
        long generation = changes.generation();
        return computing.compute(key, (k, under) -> under != null && under.generation == generation ? under
                : start(k, generation, compute)).result;
    }

    private Flight<V> start(K key, long generation, Supplier<Uni<V>> compute) {
        Flight<V> flight = new Flight<>(generation);
        flight.result = compute.get()
                .invoke(v -> put(key, generation, v))
                .onTermination().invoke(() -> computing.remove(key, flight))
                .memoize().indefinitely();
        return flight;
    }
}
