package dev.newsfeed.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsfeed.web.ErrorPages;
import org.junit.jupiter.api.Test;

/** Who gets an error as a page: browsers on the site's paths; API clients and feed readers everywhere keep problems. */
class ErrorNegotiationTest {

    private static final String FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,"
            + "image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

    @Test
    void browsersGetPagesOnTheSite() {
        assertTrue(ErrorPages.wanted("/topics/nope", FIREFOX));
        assertTrue(ErrorPages.wanted("/", CHROME));
        assertTrue(ErrorPages.wanted("/posts/x", "text/html"));
        assertTrue(ErrorPages.wanted("/search", "application/json;q=0.5, text/html"));
    }

    @Test
    void apiClientsKeepProblems() {
        assertFalse(ErrorPages.wanted("/topics/nope", null), "no Accept: no preference for a page");
        assertFalse(ErrorPages.wanted("/topics/nope", "*/*"));
        assertFalse(ErrorPages.wanted("/topics/nope", "application/json"));
        assertFalse(ErrorPages.wanted("/topics/nope", "application/json, text/html;q=0.9"));
        assertFalse(ErrorPages.wanted("/topics/nope", "application/problem+json, text/html"));
        assertFalse(ErrorPages.wanted("/topics/nope", "text/html;q=0"));
    }

    @Test
    void theApiAndTheFeedsAlwaysAnswerProblems() {
        assertFalse(ErrorPages.wanted("/api/posts/x", FIREFOX));
        assertFalse(ErrorPages.wanted("/feeds/nope.atom", FIREFOX));
        assertFalse(ErrorPages.wanted("/feeds.opml", FIREFOX));
        assertFalse(ErrorPages.wanted("/q/health", FIREFOX));
    }
}
