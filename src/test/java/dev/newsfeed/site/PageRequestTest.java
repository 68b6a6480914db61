package dev.newsfeed.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsfeed.post.Cursor;
import dev.newsfeed.web.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static final String CURSOR = new Cursor(Instant.parse("2022-10-04T14:35:00Z"), null,
            UUID.fromString("6238febf-0f73-4696-825c-7020cf676fde")).encode();

    @Test
    void oneKeyPerPageHoweverItIsWritten() {
        assertEquals(PageRequest.of("liveblogs", "7", null), PageRequest.of("liveblogs", "007", null));
        assertEquals(PageRequest.of("posts", "6238FEBF-0F73-4696-825C-7020CF676FDE", null),
                PageRequest.of("posts", "6238febf-0f73-4696-825c-7020cf676fde", null));
        assertEquals(PageRequest.search("  NATO ", null), PageRequest.search("NATO", null));
    }

    @Test
    void firstPagesAndPostsAreKeptOlderPagesAndSearchesAreNot() {
        assertTrue(PageRequest.HOME.kept());
        assertTrue(PageRequest.of("topics", "nuclear", null).kept());
        assertTrue(PageRequest.of("posts", UUID.randomUUID().toString(), null).kept());
        assertTrue(PageRequest.search(null, null).kept(), "the empty search form");
        assertFalse(PageRequest.of("topics", "nuclear", CURSOR).kept());
        assertFalse(PageRequest.search("NATO", null).kept());
        assertEquals(PageRequest.search(null, null), PageRequest.search(" ", CURSOR), "no search, no page of it");
    }

    @Test
    void badInputIsRefusedWithAClientError() {
        assertEquals(404, status(() -> PageRequest.of("liveblogs", "abc", null)));
        assertEquals(404, status(() -> PageRequest.of("posts", "not-a-uuid", null)));
        assertEquals(400, status(() -> PageRequest.of("topics", "nuclear", "bm90IG91cnM")));
        assertEquals(400, status(() -> PageRequest.of("topics", "a\u0000b", null)));
        assertEquals(400, status(() -> PageRequest.search("a\u0007b", null)));
        assertEquals(400, status(() -> PageRequest.search("NATO", "%%%")));
    }

    private static int status(Runnable parse) {
        return assertThrows(ProblemException.class, parse::run).status();
    }
}
