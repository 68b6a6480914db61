package dev.newsfeed.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What a reader gets from a kept feed or search page: never something older than the last change, nor too much. */
class KeptValuesTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final Changes changes = new Changes();

    private KeptValues<String, String> values(long bytes, Duration maxAge) {
        return new KeptValues<>(changes, bytes, maxAge, MINUTE, String::length, IllegalStateException.class::isInstance);
    }

    @Test
    void aValueIsKeptUntilPostsChange() {
        KeptValues<String, String> kept = values(1_000, MINUTE);
        keep(kept, "kherson", "page 1");
        assertEquals("page 1", kept.get("kherson"));
        changes.changed();
        assertNull(kept.get("kherson"));
    }

    @Test
    void aValueComputedWhilePostsChangedIsNotKept() {
        KeptValues<String, String> kept = values(1_000, MINUTE);
        kept.getOrCompute("kherson", () -> {
            changes.changed(); // an ingest commits while the page is being read
            return Uni.createFrom().item("page read before the ingest");
        }).await().indefinitely();
        assertNull(kept.get("kherson"));
    }

    @Test
    void aValueIsNotKeptLongerThanItsMaxAge() throws InterruptedException {
        KeptValues<String, String> kept = values(1_000, Duration.ofMillis(20));
        keep(kept, "kherson", "page 1");
        Thread.sleep(40);
        assertNull(kept.get("kherson"));
    }

    @Test
    void aFloodOfKeysAskedForOnceStaysWithinTheBudgetAndDoesNotFlushWhatReadersPoll() {
        KeptValues<String, String> kept = values(1_000_000, MINUTE);
        String feed = "f".repeat(1_000);
        for (int topic = 0; topic < 20; topic++) {
            keep(kept, "topic " + topic, feed);
        }
        // Readers poll 20 feeds while one-off keys (random cursors, searches) arrive, twenty times as many as the
        // budget holds in all; a poll must find its feed kept since the last one. (Caffeine takes reads into
        // account in the background, and drops some when they come faster than that: settle() stands for the
        // time that passes between two readers' polls.)
        for (int flood = 1; flood <= 20_000; flood++) {
            keep(kept, "random cursor " + flood, "x".repeat(1_000));
            if (flood % 400 == 0) {
                kept.settle();
                assertTrue(kept.weight() <= 1_000_000, "kept " + kept.weight() + " bytes");
                for (int topic = 0; topic < 20; topic++) {
                    assertEquals(feed, kept.get("topic " + topic), "topic " + topic + " after " + flood + " one-off keys");
                    kept.settle();
                }
            }
        }
    }

    @Test
    void whenTheDatabaseIsAwayTheLastValueIsServedAndOtherFailuresStillFail() {
        KeptValues<String, String> kept = values(1_000, MINUTE);
        keep(kept, "kherson", "page 1");
        changes.changed();
        String stale = kept.getOrCompute("kherson", () -> Uni.createFrom().failure(new IllegalStateException("down")))
                .await().indefinitely();
        assertEquals("page 1", stale);
        assertThrows(IllegalArgumentException.class, () -> kept.getOrCompute("kherson",
                () -> Uni.createFrom().<String>failure(new IllegalArgumentException("no such topic"))).await().indefinitely());
    }

    /** Asks for {@code key}, computing {@code value} on a miss, as a request would. */
    private static void keep(KeptValues<String, String> kept, String key, String value) {
        kept.getOrCompute(key, () -> Uni.createFrom().item(value)).await().indefinitely();
    }

    /** The answer to one request for the Kherson page, still to come while {@code query} runs. */
    private static CompletableFuture<String> ask(KeptValues<String, String> kept, Query query) {
        return kept.getOrCompute("kherson", query).subscribeAsCompletionStage().toCompletableFuture();
    }

    /** A computation that finishes when the test says, counting how often it was started. */
    private static final class Query implements Supplier<Uni<String>> {
        final AtomicInteger started = new AtomicInteger();
        final CompletableFuture<String> rows = new CompletableFuture<>();

        @Override
        public Uni<String> get() {
            started.incrementAndGet();
            return Uni.createFrom().completionStage(rows);
        }
    }

    @Test
    void readersMissingTogetherShareOneComputationAndItIsKept() {
        KeptValues<String, String> kept = values(1_000, MINUTE);
        Query query = new Query();
        CompletableFuture<String> first = ask(kept, query);
        CompletableFuture<String> second = ask(kept, query);
        query.rows.complete("page 1");
        assertEquals("page 1", first.join());
        assertEquals("page 1", second.join());
        assertEquals(1, query.started.get());
        assertEquals("page 1", kept.get("kherson"));
    }

    @Test
    void aReaderArrivingAfterAChangeDoesNotJoinAComputationStartedBeforeIt() {
        KeptValues<String, String> kept = values(1_000, MINUTE);
        Query before = new Query();
        ask(kept, before);
        changes.changed();
        Query after = new Query();
        CompletableFuture<String> page = ask(kept, after);
        before.rows.complete("page read before the ingest");
        after.rows.complete("page read after it");
        assertEquals("page read after it", page.join());
        assertEquals(1, after.started.get());
        assertEquals("page read after it", kept.get("kherson"));
    }

    @Test
    void withNoBudgetEveryRequestComputes() {
        KeptValues<String, String> none = values(0, MINUTE);
        Query query = new Query();
        query.rows.complete("page 1");
        none.getOrCompute("kherson", query).await().indefinitely();
        none.getOrCompute("kherson", query).await().indefinitely();
        assertEquals(2, query.started.get());
        assertNull(none.get("kherson"));
    }
}
