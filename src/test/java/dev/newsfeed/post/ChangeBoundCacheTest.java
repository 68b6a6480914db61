package dev.newsfeed.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a reader gets from a kept feed or search page: never something older than the last change. */
class ChangeBoundCacheTest {

    private final Changes changes = new Changes();

    @Test
    void aValueIsKeptUntilPostsChange() {
        ChangeBoundCache<String, String> cache = new ChangeBoundCache<>(changes, 10, Duration.ofMinutes(1));
        cache.put("kherson", cache.generation(), "page 1");
        assertEquals("page 1", cache.get("kherson"));
        changes.changed();
        assertNull(cache.get("kherson"));
    }

    @Test
    void aValueComputedWhilePostsChangedIsNotKept() {
        ChangeBoundCache<String, String> cache = new ChangeBoundCache<>(changes, 10, Duration.ofMinutes(1));
        long before = cache.generation();
        changes.changed(); // an ingest commits while the page is being read
        cache.put("kherson", before, "page read before the ingest");
        assertNull(cache.get("kherson"));
    }

    @Test
    void aValueIsNotKeptLongerThanItsMaxAge() throws InterruptedException {
        ChangeBoundCache<String, String> cache = new ChangeBoundCache<>(changes, 10, Duration.ofMillis(20));
        cache.put("kherson", cache.generation(), "page 1");
        Thread.sleep(40);
        assertNull(cache.get("kherson"));
    }

    @Test
    void aFullCacheStartsOverAndNoCapacityKeepsNothing() {
        ChangeBoundCache<Integer, String> cache = new ChangeBoundCache<>(changes, 2, Duration.ofMinutes(1));
        cache.put(1, cache.generation(), "a");
        cache.put(2, cache.generation(), "b");
        cache.put(3, cache.generation(), "c");
        assertNull(cache.get(1));
        assertEquals("c", cache.get(3));
        ChangeBoundCache<Integer, String> none = new ChangeBoundCache<>(changes, 0, Duration.ofMinutes(1));
        none.put(1, none.generation(), "a");
        assertNull(none.get(1));
    }
}
