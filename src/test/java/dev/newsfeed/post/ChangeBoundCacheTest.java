package dev.newsfeed.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What a reader gets from a kept feed or search page: never something older than the last change. */
class ChangeBoundCacheTest {

    private final Changes changes = new Changes();

    @Test
    void aValueIsKeptUntilPostsChange() {
        ChangeBoundCache<String, String> cache = new ChangeBoundCache<>(changes, 10, Duration.ofMinutes(1));
        keep(cache, "kherson", "page 1");
        assertEquals("page 1", cache.get("kherson"));
        changes.changed();
        assertNull(cache.get("kherson"));
    }

    @Test
    void aValueComputedWhilePostsChangedIsNotKept() {
        ChangeBoundCache<String, String> cache = new ChangeBoundCache<>(changes, 10, Duration.ofMinutes(1));
        cache.getOrCompute("kherson", () -> {
            changes.changed(); // an ingest commits while the page is being read
            return Uni.createFrom().item("page read before the ingest");
        }).await().indefinitely();
        assertNull(cache.get("kherson"));
    }

    @Test
    void aValueIsNotKeptLongerThanItsMaxAge() throws InterruptedException {
        ChangeBoundCache<String, String> cache = new ChangeBoundCache<>(changes, 10, Duration.ofMillis(20));
        keep(cache, "kherson", "page 1");
        Thread.sleep(40);
        assertNull(cache.get("kherson"));
    }

    @Test
    void aFullCacheStartsOverAndNoCapacityKeepsNothing() {
        ChangeBoundCache<Integer, String> cache = new ChangeBoundCache<>(changes, 2, Duration.ofMinutes(1));
        keep(cache, 1, "a");
        keep(cache, 2, "b");
        keep(cache, 3, "c");
        assertNull(cache.get(1));
        assertEquals("c", cache.get(3));
        ChangeBoundCache<Integer, String> none = new ChangeBoundCache<>(changes, 0, Duration.ofMinutes(1));
        keep(none, 1, "a");
        assertNull(none.get(1));
    }

    /** Asks the cache for {@code key}, computing {@code value} on a miss, as a request would. */
    private static <K> void keep(ChangeBoundCache<K, String> cache, K key, String value) {
        cache.getOrCompute(key, () -> Uni.createFrom().item(value)).await().indefinitely();
    }

    /** The answer to one request for the Kherson page, still to come while {@code query} runs. */
    private static CompletableFuture<String> ask(ChangeBoundCache<String, String> cache, Query query) {
        return cache.getOrCompute("kherson", query).subscribeAsCompletionStage().toCompletableFuture();
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
        ChangeBoundCache<String, String> cache = new ChangeBoundCache<>(changes, 10, Duration.ofMinutes(1));
        Query query = new Query();
        CompletableFuture<String> first = ask(cache, query);
        CompletableFuture<String> second = ask(cache, query);
        query.rows.complete("page 1");
        assertEquals("page 1", first.join());
        assertEquals("page 1", second.join());
        assertEquals(1, query.started.get());
        assertEquals("page 1", cache.get("kherson"));
    }

    @Test
    void aReaderArrivingAfterAChangeDoesNotJoinAComputationStartedBeforeIt() {
        ChangeBoundCache<String, String> cache = new ChangeBoundCache<>(changes, 10, Duration.ofMinutes(1));
        Query before = new Query();
        ask(cache, before);
        changes.changed();
        Query after = new Query();
        CompletableFuture<String> page = ask(cache, after);
        before.rows.complete("page read before the ingest");
        after.rows.complete("page read after it");
        assertEquals("page read after it", page.join());
        assertEquals(1, after.started.get());
        assertEquals("page read after it", cache.get("kherson"));
    }

    @Test
    void withNoCapacityEveryRequestComputes() {
        ChangeBoundCache<String, String> none = new ChangeBoundCache<>(changes, 0, Duration.ofMinutes(1));
        Query query = new Query();
        query.rows.complete("page 1");
        none.getOrCompute("kherson", query).await().indefinitely();
        none.getOrCompute("kherson", query).await().indefinitely();
        assertEquals(2, query.started.get());
        assertNull(none.get("kherson"));
    }
}
