package dev.newsfeed.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PostTimeTest {

    private static final Instant AT = Instant.parse("2022-10-04T14:35:00Z");
    private static final Instant SEEN = Instant.parse("2022-10-05T08:00:00Z");

    @Test
    void anExactTimeIsShownAsItIs() {
        PostTime t = PostTime.of(AT, "exact", "10:35 a.m. ET, October 4, 2022", SEEN);
        assertEquals("2022-10-04T14:35:00Z", t.datetime());
        assertEquals("4 October 2022, 14:35 UTC", t.text());
        assertFalse(t.approximate());
        assertNull(t.note());
    }

    @Test
    void aRelativeTimeIsAnApproximationFromWhatThePagePrinted() {
        PostTime t = PostTime.of(AT, "relative", " 12 min ago ", SEEN);
        assertEquals("about 4 October 2022, 14:35 UTC", t.text());
        assertTrue(t.approximate());
        assertEquals("Worked out from “12 min ago” and when the page was read.", t.note());
    }

    @Test
    void anInferredTimeSaysTheDateWasInferred() {
        PostTime t = PostTime.of(AT, "inferred", "09:10", SEEN);
        assertEquals("4 October 2022, 14:35 UTC", t.text());
        assertTrue(t.note().contains("“09:10”") && t.note().contains("date is inferred"), t.note());
    }

    @Test
    void anUnknownTimeSaysWhenThePostWasFirstRead() {
        PostTime t = PostTime.of(null, "unknown", null, SEEN);
        assertNull(t.datetime());
        assertEquals("Time unknown", t.text());
        assertEquals("The page gave no time; Newsfeed first read it on 5 October 2022, 08:00 UTC.", t.note());
        assertEquals("Time unknown", PostTime.of(AT, "unknown", null, SEEN).text(),
                "a stored time the extractor did not trust is not shown as the time");
    }
}
