package dev.newsfeed.web;

import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Admits at most so many requests of one kind at once, holding at most so many bytes between them; the rest
 * are turned away at once (503 with Retry-After) instead of queueing, so a flood of them can neither exhaust
 * memory nor take every core from the requests that are answered.
 */
public final class Bulkhead {

    private final String what;
    private final int maxConcurrent;
    private final long maxBytes;
    private int running;
    private long bytes;

    /**
     * @param what          what is admitted, for the problem's detail ("previews")
     * @param maxBytes      bytes in flight; one request is always admitted when none runs, whatever its size
     */
    public Bulkhead(String what, int maxConcurrent, long maxBytes) {
        this.what = what;
        this.maxConcurrent = maxConcurrent;
        this.maxBytes = maxBytes;
    }

    public synchronized boolean tryEnter(long weight) {
        if (running >= maxConcurrent || running > 0 && bytes + weight > maxBytes) {
            return false;
        }
        running++;
        bytes += weight;
        return true;
    }

    public synchronized void exit(long weight) {
        running--;
        bytes -= weight;
    }

    public synchronized int running() {
        return running;
    }

    /** The answer to a request turned away. */
    public ProblemException full() {
        return ProblemException.busy("Too many " + what + " are under way; try again in a second.", 1);
    }

    /** Runs {@code work} if admitted, else fails with {@link #full()}. */
    public <T> Uni<T> call(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            if (!tryEnter(0)) {
                return Uni.createFrom().failure(full());
            }
            return work.get().onTermination().invoke(() -> exit(0));
        });
    }
}
