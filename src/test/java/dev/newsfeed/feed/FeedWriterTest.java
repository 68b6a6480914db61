package dev.newsfeed.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import dev.newsfeed.post.PostView;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The feed writer over hostile text (control characters, CDATA ends, emoji, very long text) and undated posts. */
class FeedWriterTest {

    private static final String HOSTILE = "Bad\u0000 \u0007chars ]]> <b>&amp;</b> emoji 🇺🇦 " + "long ".repeat(20_000);

    private static FeedDocument doc(String text) {
        FeedEntry e = new FeedEntry("tag:newsfeed.dev,2026:post:1", text, "https://example.com/p#1",
                List.of("Jane Doe"), List.of("nuclear"), Instant.parse("2022-10-04T14:35:00.123Z"),
                Instant.parse("2022-10-04T15:00:00Z"), text, "<p>" + dev.newsfeed.web.SafeText.escapeHtml(text) + "</p>");
        return new FeedDocument("https://example.com/feeds/x", "T " + text.substring(0, 20), "d",
                "https://example.com", "https://example.com/feeds/x.atom", List.of(), "https://example.com/older",
                Instant.parse("2022-10-04T15:00:00Z"), 1, List.of(e));
    }

    @Test
    void xmlFeedsParseDespiteIllegalCharacters() throws Exception {
        for (FeedFormat f : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
            byte[] xml = new FeedWriter().write(doc(HOSTILE), f);
            var parsed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml));
            String s = new String(xml, StandardCharsets.UTF_8);
            assertFalse(s.contains("\u0000") || s.contains("\u0007"), f + " kept a control character");
            String title = parsed.getElementsByTagName(f == FeedFormat.RSS ? "item" : "entry").item(0)
                    .getFirstChild().getTextContent();
            assertTrue(parsed.getDocumentElement().getTextContent().contains("🇺🇦"), f + " lost the emoji");
            assertFalse(title.isEmpty());
            assertTrue(s.contains("&amp;lt;b&amp;gt;&amp;amp;amp;"), f + " must escape the HTML once more as XML");
        }
    }

    @Test
    void datesHaveNoFractionalSeconds() {
        String atom = new String(new FeedWriter().write(doc("x".repeat(30)), FeedFormat.ATOM), StandardCharsets.UTF_8);
        assertTrue(atom.contains("2022-10-04T14:35:00Z"), atom);
        String json = new String(new FeedWriter().write(doc("x".repeat(30)), FeedFormat.JSON), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"date_published\":\"2022-10-04T14:35:00Z\""), json);
        String rss = new String(new FeedWriter().write(doc("x".repeat(30)), FeedFormat.RSS), StandardCharsets.UTF_8);
        assertTrue(rss.contains("Tue, 04 Oct 2022 14:35:00 GMT"), rss);
        assertTrue(rss.contains("isPermaLink=\"false\""), rss);
        assertTrue(rss.contains("rel=\"prev-archive\""), rss);
    }

    @Test
    void aPostWithoutATimeIsDatedWhenNewsfeedFirstSawIt() throws Exception {
        Instant firstSeen = Instant.parse("2022-10-05T08:00:00.5Z");
        PostView undated = new PostView(UUID.fromString("00000000-0000-0000-0000-000000000042"), "Undated post",
                null, null, "unknown", List.of(), null, List.of("Body."), List.of(), List.of(), "cnn", 1L, null,
                firstSeen, firstSeen, null, List.of(), null, true, true, 1);
        FeedEntry e = FeedService.entry(undated, "https://example.com");
        assertEquals(Instant.parse("2022-10-05T08:00:00.5Z"), e.published());
        FeedDocument d = new FeedDocument("https://example.com/feeds/x", "T", "d", "https://example.com",
                "https://example.com/feeds/x.atom", List.of(), null, e.updated(), 1, List.of(e));
        String atom = new String(new FeedWriter().write(d, FeedFormat.ATOM), StandardCharsets.UTF_8);
        assertTrue(atom.contains("<published>2022-10-05T08:00:00Z</published>"), atom);
        assertTrue(atom.contains("https://example.com/posts/00000000-0000-0000-0000-000000000042"), atom);
        String rss = new String(new FeedWriter().write(d, FeedFormat.RSS), StandardCharsets.UTF_8);
        assertTrue(rss.contains("<pubDate>Wed, 05 Oct 2022 08:00:00 GMT</pubDate>"), rss);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(rss.getBytes(
                StandardCharsets.UTF_8)));
    }
}
