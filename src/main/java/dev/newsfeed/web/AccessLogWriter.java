package dev.newsfeed.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes access lines in batches from a thread of its own. A line per request written by the logging framework
 * cost a formatted record and a write system call on the event loop: about a fifth of the service's CPU when it
 * answers feed polls with 304s (bench/README.md). Here a request only enqueues its {@link AccessLine}.
 *
 * <p>Each write holds whole lines and stays within {@link #PIPE_BUF} bytes, so on a pipe (a container's standard
 * output) it never interleaves with the lines other loggers write to the same stream. Lines beyond
 * {@code capacity} waiting at once are dropped and counted, never allowed to block a request or fill the heap;
 * the count is written as a line of its own.
 */
public final class AccessLogWriter implements AutoCloseable {

    /** POSIX guarantees writes up to this size to a pipe are atomic (4096 on Linux). */
    static final int PIPE_BUF = 4096;

    private final OutputStream out;
    private final boolean json;
    private final String hostName;
    private final int capacity;
    private final long intervalNanos;
    private final Queue<AccessLine> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public AccessLogWriter(OutputStream out, boolean json, String hostName, int capacity, Duration interval) {
        this.out = out;
        this.json = json;
        this.hostName = hostName;
        this.capacity = capacity;
        this.intervalNanos = interval.toNanos();
        this.thread = new Thread(this::run, "access-log");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a line; false when {@code capacity} lines are already waiting and this one is dropped. */
    public boolean offer(AccessLine line) {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        queue.offer(line);
        if (!running) {
            // A request that ends after close(), during shutdown: its line is written at once.
            drain();
        }
        return true;
    }

    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

    /** Lines dropped so far because too many were waiting. */
    public long dropped() {
        return dropped.get();
    }

    private void run() {
        while (running) {
            long deadline = System.nanoTime() + intervalNanos;
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, left);
            }
            try {
                drain();
            } catch (Throwable t) {
                // Whatever went wrong with one batch (a line that cannot be formatted, memory short for a moment),
                // the next one is written: a dead writer thread would let the queue fill and every line be lost.
                failures.incrementAndGet();
                org.jboss.logging.Logger.getLogger(AccessLogWriter.class).errorf(t, "Access lines lost");
            }
        }
    }

    /** Batches lost to an unexpected failure so far. */
    long failures() {
        return failures.get();
    }

    /** Writes every line queued so far. */
    synchronized void drain() {
        // At most maxWaitingLines lines (a few MB), cut into pipe-sized writes by write().
        StringBuilder batch = new StringBuilder(PIPE_BUF);
        AccessLine next;
        while ((next = queue.poll()) != null) {
            waiting.decrementAndGet();
            format(next, batch);
            batch.append('\n');
        }
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            lostLine(lost, batch);
            batch.append('\n');
        }
        write(batch);
    }

    private void format(AccessLine line, StringBuilder into) {
        if (json) {
            line.appendJson(into, hostName);
        } else {
            line.appendText(into);
        }
    }

    private void lostLine(long lost, StringBuilder into) {
        String message = lost + " access lines dropped: more were waiting than the log keeps";
        if (json) {
            into.append("{\"timestamp\":\"").append(java.time.Instant.now())
                    .append("\",\"loggerName\":\"newsfeed.access\",\"level\":\"WARN\",\"message\":\"")
                    .append(message).append("\",\"dropped\":").append(lost).append('}');
        } else {
            into.append(message);
        }
    }

    /** Non-ASCII text (a percent-decoded URI) is counted in bytes, so a write never passes PIPE_BUF. */
    private void write(StringBuilder batch) {
        if (batch.isEmpty()) {
            return;
        }
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        batch.setLength(0);
        try {
            int start = 0;
            while (start < bytes.length) {
                int end = chunkEnd(bytes, start);
                out.write(bytes, start, end - start);
                start = end;
            }
            out.flush();
        } catch (IOException e) {
            // Standard output is gone (the container is stopping): there is nowhere left to say so.
        }
    }

    /** The end of the longest run of whole lines from {@code start} within PIPE_BUF bytes (or one long line). */
    private static int chunkEnd(byte[] bytes, int start) {
        int limit = Math.min(bytes.length, start + PIPE_BUF);
        if (limit == bytes.length) {
            return limit;
        }
        for (int i = limit - 1; i >= start; i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        for (int i = limit; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return bytes.length;
    }

    /** Stops the thread after writing every line queued until now. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }
}
