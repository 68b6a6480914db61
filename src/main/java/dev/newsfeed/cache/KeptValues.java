package dev.newsfeed.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Values derived from posts (rendered feeds and pages, search pages), kept within a budget of bytes. A value is
 * fresh while posts have not changed since it was computed and it is younger than {@code maxAge}: a replica reading
 * from a standby can hear of a change before the standby has replayed it, and would otherwise keep what it read in
 * between until the next change.
 *
 * <p>Caffeine weighs every value in bytes and, when the budget is spent, evicts by frequency of use: a flood of
 * keys asked for once (random cursors, one-off searches) cannot push out the feeds readers poll. Values that are
 * no longer fresh stay until evicted or {@code keepStale} old, so that when a recomputation fails because the
 * database is away ({@code staleOn}), readers keep getting the last good value rather than an error.
 *
 * <p>Requests that miss the same key together share one computation: when a value expires or posts change, every
 * reader polling it misses at once, and each would otherwise compute the same feed again.
 */
public final class KeptValues<K, V> {

    private record Kept<V>(long generation, long bornNanos, V value) {
    }

    /** A computation under way, shared by the requests that missed its key at the same generation. */
    private static final class Flight<V> {
        final long generation;
        Uni<V> result;

        Flight(long generation) {
            this.generation = generation;
        }
    }

    private final Changes changes;
    private final long maxAgeNanos;
    private final Predicate<Throwable> staleOn;
    private final Cache<K, Kept<V>> kept;
    private final Map<K, Flight<V>> computing = new ConcurrentHashMap<>();

    /**
     * @param maxBytes  the budget; 0 keeps nothing and shares nothing (every request computes)
     * @param weigher   bytes a value holds, its keys and bookkeeping included
     * @param keepStale how long a value may be served in place of a failed recomputation
     * @param staleOn   the failures that a stale value answers instead
     */
    public KeptValues(Changes changes, long maxBytes, Duration maxAge, Duration keepStale, ToIntFunction<V> weigher,
                      Predicate<Throwable> staleOn) {
        this.changes = changes;
        this.maxAgeNanos = maxAge.toNanos();
        this.staleOn = staleOn;
        this.kept = maxBytes <= 0 ? null : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<K, Kept<V>>weigher((k, v) -> weigher.applyAsInt(v.value()))
                .expireAfterWrite(maxAge.plus(keepStale))
                .build();
    }

    /** The fresh value kept for {@code key}, or null: none, posts changed since, or too old. */
    public V get(K key) {
        Kept<V> k = kept == null ? null : kept.getIfPresent(key);
        return k != null && fresh(k) ? k.value() : null;
    }

    /**
     * The fresh value kept for {@code key}, else the one {@code compute} yields, kept for later requests. A
     * computation under way for the key since the last change is joined rather than started again.
     */
    public Uni<V> getOrCompute(K key, Supplier<Uni<V>> compute) {
        if (kept == null) {
            return compute.get();
        }
        Kept<V> k = kept.getIfPresent(key);
        if (k != null && fresh(k)) {
            return Uni.createFrom().item(k.value());
        }
        long generation = changes.generation();
        List<V> keptMeanwhile = new ArrayList<>(1);
        Flight<V> flight = computing.compute(key, (key2, under) -> {
            if (under != null && under.generation == generation) {
                return under;
            }
            // A flight that ended between the look above and now has kept its value before leaving the map:
            // starting another would render twice for readers who missed it together.
            Kept<V> now = kept.getIfPresent(key2);
            if (now != null && fresh(now)) {
                keptMeanwhile.add(now.value());
                return under;
            }
            return start(key2, generation, compute);
        });
        if (!keptMeanwhile.isEmpty()) {
            return Uni.createFrom().item(keptMeanwhile.get(0));
        }
        Uni<V> result = flight.result;
        return k == null ? result : result.onFailure(staleOn).recoverWithItem(k.value());
    }

    /** Bytes kept now, as Caffeine weighs them. */
    public long weight() {
        return kept == null ? 0 : kept.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** Runs the eviction Caffeine otherwise runs in the background, so a test sees the budget kept. */
    void settle() {
        if (kept != null) {
            kept.cleanUp();
        }
    }

    private boolean fresh(Kept<V> k) {
        return k.generation() == changes.generation() && System.nanoTime() - k.bornNanos() <= maxAgeNanos;
    }

    private Flight<V> start(K key, long generation, Supplier<Uni<V>> compute) {
        Flight<V> flight = new Flight<>(generation);
        flight.result = compute.get()
                .invoke(v -> keep(key, generation, v))
                .onTermination().invoke(() -> computing.remove(key, flight))
                .memoize().indefinitely();
        return flight;
    }

    /** Keeps a value computed from what was read at {@code generation}: a change meanwhile makes it unfit. */
    private void keep(K key, long generation, V value) {
        if (generation == changes.generation()) {
            kept.put(key, new Kept<>(generation, System.nanoTime(), value));
        }
    }
}
