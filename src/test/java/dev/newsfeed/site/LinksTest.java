package dev.newsfeed.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void onlyWebAddressesFromStoredPagesBecomeLinks() {
        assertEquals("https://edition.cnn.com/live#h_1", Links.web(" https://edition.cnn.com/live#h_1 "));
        assertEquals("HTTP://example.org/", Links.web("HTTP://example.org/"));
        assertNull(Links.web("javascript:alert(1)"));
        assertNull(Links.web(" JavaScript:alert(1)"));
        assertNull(Links.web("data:text/html,<script>alert(1)</script>"));
        assertNull(Links.web(null));
    }

    @Test
    void pathsAndQueriesAreEncoded() {
        assertEquals("/search?q=%22grain%20deal%22%20-turkey%26x%3D1", Links.search("\"grain deal\" -turkey&x=1"));
        assertEquals("/sources/a%2Fb", Links.source("a/b"));
        assertEquals("/feeds/search.atom?q=a%20b", FeedLinks.search("a b").atom());
    }

    @Test
    void longTitlesAreCutInTheTabButNotInTheHeading() {
        String headline = "Ukrainian defense minister thanks US for providing Ukraine with cluster munitions today";
        Head head = Head.of(headline, FeedLinks.all());
        assertEquals("Ukrainian defense minister thanks US for providing… · Newsfeed", head.tabTitle());
        assertTrue(Head.of("x".repeat(200), FeedLinks.all()).tabTitle().length() <= 70);
        assertEquals(headline, head.title());
        assertEquals("Newsfeed", Head.of("Newsfeed", FeedLinks.all()).tabTitle());
        assertEquals("Kherson front · Newsfeed", Head.of("Kherson front", FeedLinks.all()).tabTitle());
    }
}
