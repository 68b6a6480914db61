package dev.newsfeed.extract;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;

/**
 * Any input gives a document or an {@link ExtractionException}; anything else thrown is a finding. The suite
 * runs this in fuzzing mode for a short while (see the {@code fuzz} execution in pom.xml); inputs that ever
 * failed are kept under {@code src/test/resources/dev/newsfeed/extract/ExtractorFuzzTestInputs} and replayed.
 */
class ExtractorFuzzTest {

    private static final Instant CAPTURED = Instant.parse("2022-10-04T16:00:00Z");
    private static final String[] SOURCES = {null, "cnn", "bbc", "guardian", "ap", "voa", "nowhere"};
    private final Extractor extractor = new Extractor();

    @FuzzTest(maxDuration = "30s")
    void anyPageGivesPostsOrAClearError(FuzzedDataProvider data) {
        String source = SOURCES[data.consumeInt(0, SOURCES.length - 1)];
        boolean html = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        String page = html ? "<!DOCTYPE html><html><body>" + text + "</body></html>" : text;
        try {
            ExtractedDocument doc = extractor.extract(page, new PageContext(source, null, CAPTURED));
            for (ExtractedPost post : doc.posts()) {
                if (post.headline() == null || post.headline().isEmpty()) {
                    throw new IllegalStateException("a post without a headline");
                }
            }
        } catch (ExtractionException expected) {
            // A clear refusal is a valid answer.
        }
    }
}
