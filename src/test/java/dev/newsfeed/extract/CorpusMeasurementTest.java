package dev.newsfeed.extract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extractor on real pages (../shared/corpus and ../shared/html), scored against their gold posts as
 * {@link CorpusMeasurement} describes. The floors are a ratchet: raise them when the extractor improves, never
 * lower them to let a change through. Run {@code CorpusMeasurement.main} with {@code -v} to see every miss.
 */
class CorpusMeasurementTest {

    private static CorpusMeasurement.Report corpus;
    private static CorpusMeasurement.Report html;

    @BeforeAll
    static void measure() throws IOException {
        assertTrue(Files.isDirectory(CorpusMeasurement.SHARED.resolve("corpus")),
                "the shared corpus must be beside the work tree, at ../shared/corpus");
        corpus = CorpusMeasurement.corpus();
        html = CorpusMeasurement.html();
        System.out.println(corpus.table());
        System.out.println(html.table());
    }

    @Test
    void corpusPostsAreFoundWithTheirHeaders() {
        CorpusMeasurement.Score all = corpus.total();
        assertAll(
                () -> assertEquals(167, all.gold, "gold posts read"),
                () -> atLeast(0.95, all.foundRate(), "corpus posts found"),
                () -> atLeast(0.99, all.timeRate(), "corpus times exact on found posts"),
                () -> atLeast(0.99, all.authorRate(), "corpus authors exact on found posts"),
                () -> atLeast(0.99, all.locationRate(), "corpus locations exact on found posts"),
                () -> atLeast(0.90, all.firstSentenceRate(), "corpus first sentences exact on found posts"));
    }

    @Test
    void htmlLivePostsAreFound() {
        CorpusMeasurement.Score all = html.total();
        assertAll(
                () -> assertEquals(113, all.gold, "gold posts read"),
                () -> atLeast(0.99, all.foundRate(), "html posts found"),
                () -> atLeast(0.99, all.timeRate(), "html times exact on found posts"),
                () -> atLeast(0.99, all.authorRate(), "html authors exact on found posts"),
                () -> atLeast(0.95, all.firstSentenceRate(), "html first sentences exact on found posts"));
    }

    @Test
    void everyHtmlArticleGivesExactlyOnePost() {
        List<CorpusMeasurement.PageResult> articles = html.pages().stream()
                .filter(CorpusMeasurement.PageResult::article).toList();
        assertEquals(10, articles.size(), "articles in ../shared/html");
        assertAll(articles.stream().map(p -> () -> assertEquals(1, p.posts(), p.file())));
    }

    private static void atLeast(double floor, double actual, String what) {
        assertTrue(actual >= floor, () -> String.format("%s: %.3f, floor %.3f", what, actual, floor));
    }
}
