package dev.newsfeed.post;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values derived from posts (rendered feeds, search pages), kept until posts change and never longer than
 * {@code maxAge}: a replica reading from a standby can hear of a change before the standby has replayed it,
 * and would otherwise keep what it read in between until the next change. When full it starts over, which
 * costs one recomputation per value still asked for and keeps reads free of locks.
 */
public final class ChangeBoundCache<K, V> {

    private record Kept<V>(long generation, long bornNanos, V value) {
    }

    private final Changes changes;
    private final int capacity;
    private final long maxAgeNanos;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

    public ChangeBoundCache(Changes changes, int capacity, Duration maxAge) {
        this.changes = changes;
        this.capacity = capacity;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Read before computing a value, and given back to {@link #put}: a change meanwhile makes it unfit to keep. */
    public long generation() {
        return changes.generation();
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

    public void put(K key, long generation, V value) {
        if (capacity <= 0 || generation != changes.generation()) {
            return;
        }
        if (kept.size() >= capacity) {
            kept.clear();
        }
        kept.put(key, new Kept<>(generation, System.nanoTime(), value));
    }
}
