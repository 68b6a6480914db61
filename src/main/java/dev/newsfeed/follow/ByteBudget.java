package dev.newsfeed.follow;

/**
 * Bytes of fetched bodies held at once on this replica. A body takes its bytes as they arrive and gives them back
 * once its page is ingested; a body that would go over is dropped (the fetch is deferred, not failed). A fetch
 * that is the only one holding bytes may always take more, so one page up to the body limit is always read.
 */
public final class ByteBudget {

    private final long max;
    private long used;

    public ByteBudget(long max) {
        this.max = max;
    }

    /** @param mine what the asking fetch already holds */
    public synchronized boolean tryTake(long bytes, long mine) {
        if (used + bytes <= max || used == mine) {
            used += bytes;
            return true;
        }
        return false;
    }

    public synchronized void release(long bytes) {
        used -= bytes;
    }

    public synchronized long used() {
        return used;
    }
}
