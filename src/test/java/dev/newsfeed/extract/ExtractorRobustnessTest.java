package dev.newsfeed.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and huge inputs: each gives a document or a clear {@link ExtractionException}, never another
 * exception. The timeouts only stop a hang (a regex blowing up would take hours); speed is measured in
 * bench/extract, not here.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExtractorRobustnessTest {

    private static final PageContext CONTEXT = PageContext.capturedAt(Instant.parse("2022-10-04T16:00:00Z"));
    private static final int MB = 1 << 20;
    private final Extractor extractor = new Extractor();

    @Test
    void emptyAndBlankPagesAreRefusedWithAReason() {
        for (String page : new String[] {"", "   \n\t  \n", "\u00A0\u200B\uFEFF"}) {
            ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(page, CONTEXT));
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
        }
    }

    @Test
    void aMonthSpelledWithALongSIsStillADate() throws Exception {
        // A long s matches s in the month pattern (case-insensitive); the month was then looked up as written and threw.
        for (String month : new String[] {"\u017Feptember", "\u017Fept", "Augu\u017Ft"}) {
            String page = "Live updates\n\n" + month + " 5, 2022 9:20 a.m. ET\n\nTroops advance near Kherson\n\n"
                    + "Ukrainian forces moved forward on Monday, officials said.\n";
            ExtractedDocument doc = extractor.extract(page, CONTEXT);
            assertFalse(doc.posts().isEmpty(), month);
        }
    }

    @Test
    void binaryIsRefusedAsNotText() {
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        String page = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(page, CONTEXT));
        assertTrue(e.getMessage().contains("not text"), e.getMessage());
    }

    @Test
    void aTwentyMegabytePageGivesEveryPostOnce() throws Exception {
        StringBuilder page = new StringBuilder(21 * MB);
        int n = 0;
        while (page.length() < 20 * MB) {
            page.append(String.format("%d:%02d a.m. ET, October 4, 2022%nDistinct headline number %d%n"
                    + "From CNN's Jo Shelley in Kyiv%n", 1 + n % 12, n % 60, n));
            page.append("Ukrainian forces said they had advanced along the river on Tuesday. ".repeat(6)).append('\n');
            n++;
        }
        ExtractedDocument doc = extractor.extract(page.toString(), CONTEXT);
        assertEquals(n, doc.posts().size());
        assertEquals("Jo Shelley", doc.posts().get(n - 1).authors().get(0));
    }

    static Stream<Arguments> hostilePages() {
        return Stream.of(
                Arguments.of("one endless line of words", "word ".repeat(4 * MB)),
                Arguments.of("one endless line without spaces", "x".repeat(8 * MB)),
                Arguments.of("an endless line of stamps", "10:35 a.m. ET, October 4, 2022 ".repeat(200_000)),
                Arguments.of("relative times glued together", "12 min ago".repeat(300_000)),
                Arguments.of("open parentheses", "(".repeat(2 * MB)),
                Arguments.of("captions that never close", "A soldier stands (Getty ".repeat(100_000)),
                Arguments.of("periods", ".".repeat(2 * MB)),
                Arguments.of("colons and digits", "1:1:1:1:".repeat(250_000)),
                Arguments.of("bylines that never end", "From CNN's ".repeat(200_000)),
                Arguments.of("names without end", "From Ab Cd, Ef Gh and ".repeat(100_000)),
                Arguments.of("quotes and dashes", "\"—“”‘’–-".repeat(250_000)),
                Arguments.of("lines of one character", "a\n".repeat(MB)),
                Arguments.of("deeply nested HTML", "<!DOCTYPE html><html><body>" + "<div>".repeat(200_000)
                        + "10:35 a.m. ET, October 4, 2022" + "</div>".repeat(200_000) + "</body></html>"),
                Arguments.of("unclosed HTML tags", "<html><body>" + "<p><b><i>text ".repeat(100_000)),
                Arguments.of("malformed JSON-LD", "<html><head><script type=\"application/ld+json\">"
                        + "{\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":[" + "[".repeat(100_000)
                        + "</script></head><body><p>Text.</p></body></html>"),
                Arguments.of("lone surrogates", "\uD800 headline \uDC00 text. ".repeat(50_000)),
                Arguments.of("JSON-LD updates sharing a time over nested paragraphs", "<html><head>"
                        + "<script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":["
                        + "{\"datePublished\":\"2023-05-15T11:50:00Z\",\"articleBody\":\"Soldiers held the line.\"},".repeat(3000)
                        + "{}]}</script></head><body>"
                        + "<p><time datetime=\"2023-05-15T11:00:00Z\">1h ago</time>Soldiers held the line<table><tr><td>"
                                .repeat(40_000) + "</body></html>"),
                Arguments.of("asides nested in asides, each with a time", "<html><body>"
                        + "<aside><time>19:30</time>".repeat(100_000) + "</body></html>"),
                Arguments.of("JSON-LD updates whose openings repeat on the page", "<html><head>"
                        + "<script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":["
                        + "{\"datePublished\":\"2023-05-15T11:50:00Z\",\"articleBody\":\"Jane Doe reports from Kyiv The line held.\"},".repeat(3000)
                        + "{}]}</script></head><body>"
                        + "<div><time datetime=\"2023-05-15T11:00:00Z\">1h</time><p>Jane Doe reports from Kyiv The line held.</p></div>"
                                .repeat(20_000) + "</body></html>"),
                Arguments.of("JSON-LD runs of text over a page of empty and repeated paragraphs", "<html><head>"
                        + "<script type=\"application/ld+json\">{\"@type\":\"LiveBlogPosting\",\"liveBlogUpdate\":["
                        + "{\"datePublished\":\"2023-05-15T11:50:00Z\",\"articleBody\":\"%s\"},".formatted(
                                "Soldiers held the line near the river. ".repeat(10)).repeat(3000)
                        + "{}]}</script></head><body><p>Soldiers held the line near the river.</p>"
                        + "<p> </p>".repeat(50_000) + "<p>Soldiers held the line near the river.</p>".repeat(50_000)
                        + "</body></html>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePages")
    void hostilePagesGiveADocumentOrAClearError(String name, String page) {
        try {
            ExtractedDocument doc = extractor.extract(page, CONTEXT);
            doc.posts().forEach(p -> assertFalse(p.headline().isEmpty(), "a post without a headline"));
        } catch (ExtractionException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }
}
