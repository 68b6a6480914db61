package dev.newsfeed.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses as a follow keeps them, redirects resolved against them, and the headers a fetch reads. */
class FollowUrlTest {

    @ParameterizedTest
    @CsvSource({
            "https://Example.COM/live?id=1#latest, https://example.com/live?id=1",
            "HTTP://example.com:80/a/b, http://example.com/a/b",
            "https://example.com:443, https://example.com/",
            "http://example.com:8080/x, http://example.com:8080/x",
            "http://[::1]:8080/x, http://[::1]:8080/x",
    })
    void keepsOneFormOfEachAddress(String given, String kept) {
        assertEquals(kept, FollowUrl.parse(given).url());
    }

    @Test
    void knowsWhereToConnectAndWhatToAsk() {
        FollowUrl u = FollowUrl.parse("https://example.com/live/index.html?x=1%20y");
        assertTrue(u.https());
        assertEquals("example.com", u.host());
        assertEquals(443, u.port());
        assertEquals("/live/index.html?x=1%20y", u.requestUri());
        assertEquals("::1", FollowUrl.parse("http://[::1]/").bareHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "example.com/live", "/live", "ftp://example.com/", "file:///etc/passwd",
            "javascript:alert(1)", "http://user:secret@example.com/", "http://exa mple.com/", "http://",
            "http://example.com/\u00e9", "gopher://example.com/"})
    void refusesWhatIsNotAnHttpAddress(String value) {
        assertThrows(IllegalArgumentException.class, () -> FollowUrl.parse(value));
    }

    @Test
    void refusesOverlongAddresses() {
        assertThrows(IllegalArgumentException.class,
                () -> FollowUrl.parse("https://example.com/" + "a".repeat(FollowUrl.MAX_LENGTH)));
    }

    @Test
    void resolvesRedirectsAgainstTheAddressThatAnswered() {
        FollowUrl base = FollowUrl.parse("https://example.com/live/a?x=1");
        assertEquals("https://example.com/live/b", FollowUrl.resolve(base, "b").url());
        assertEquals("https://example.com/c", FollowUrl.resolve(base, "/c").url());
        assertEquals("http://other.example/d", FollowUrl.resolve(base, "http://other.example/d").url());
        assertEquals("https://cdn.example/e", FollowUrl.resolve(base, "//cdn.example/e").url());
        assertThrows(IllegalArgumentException.class, () -> FollowUrl.resolve(base, "ftp://example.com/f"));
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        assertEquals(Duration.ofSeconds(120), PageFetcher.retryAfter("120", now));
        assertEquals(Duration.ofHours(1), PageFetcher.retryAfter("Sun, 01 Mar 2026 13:00:00 GMT", now));
        assertEquals(Duration.ZERO, PageFetcher.retryAfter("Sun, 01 Mar 2026 11:00:00 GMT", now));
        assertEquals(null, PageFetcher.retryAfter("soon", now));
        assertEquals(null, PageFetcher.retryAfter(null, now));
    }

    @Test
    void readsTheMediaTypeOfAPage() {
        assertEquals("text/html", PageFetcher.mediaType("Text/HTML; charset=ISO-8859-1"));
        assertEquals(null, PageFetcher.mediaType(null));
    }

    @Test
    void aByteBudgetAdmitsUpToItsSizeAndAlwaysTheOnlyHolder() {
        ByteBudget budget = new ByteBudget(100);
        assertTrue(budget.tryTake(60, 0));
        assertTrue(budget.tryTake(40, 0));
        assertFalse(budget.tryTake(1, 0), "full, and others hold bytes");
        budget.release(40);
        assertTrue(budget.tryTake(500, 60), "the only holder may go over");
        assertEquals(560, budget.used());
        budget.release(560);
        assertEquals(0, budget.used());
    }
}
