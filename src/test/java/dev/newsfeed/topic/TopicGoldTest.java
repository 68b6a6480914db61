package dev.newsfeed.topic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsfeed.extract.ExtractedPost;
import dev.newsfeed.extract.Extractor;
import dev.newsfeed.extract.PageContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The classifier against the gold topics of the 27 seed posts: per-topic precision and recall, micro-F1. */
class TopicGoldTest {

    @Test
    void microF1OnSeedPostsIsAtLeast085() throws Exception {
        TopicClassifier classifier = TopicClassifier.builtin();
        ObjectMapper json = new ObjectMapper();
        Map<String, int[]> counts = new LinkedHashMap<>(); // slug -> tp, fp, fn
        classifier.definitions().forEach(d -> counts.put(d.slug(), new int[3]));
        Extractor extractor = new Extractor();
        Map<String, java.util.List<ExtractedPost>> posts = new LinkedHashMap<>();
        String gold = new String(getClass().getResourceAsStream("/gold/seed-posts.jsonl").readAllBytes(),
                StandardCharsets.UTF_8);
        for (String line : gold.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode g = json.readTree(line);
            String file = g.get("file").asText();
            var filePosts = posts.computeIfAbsent(file, f -> extract(extractor, f));
            ExtractedPost post = filePosts.get(g.get("index").asInt());
            Set<String> expected = new HashSet<>();
            g.get("topics").forEach(t -> expected.add(t.asText()));
            Set<String> actual = new HashSet<>();
            classifier.classify(post.headline(), post.body()).forEach(m -> actual.add(m.slug()));
            for (String slug : counts.keySet()) {
                int[] c = counts.get(slug);
                if (actual.contains(slug) && expected.contains(slug)) {
                    c[0]++;
                } else if (actual.contains(slug)) {
                    c[1]++;
                } else if (expected.contains(slug)) {
                    c[2]++;
                }
            }
            if (!expected.equals(actual)) {
                System.out.printf("  %s#%s expected %s got %s%n", file.substring(0, 3), g.get("index"), expected,
                        actual);
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        System.out.println("topic                precision  recall");
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            System.out.printf("%-20s %9.2f %7.2f%n", e.getKey(), ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]));
        }
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        double f1 = 2 * precision * recall / (precision + recall);
        System.out.printf("micro: precision %.3f recall %.3f F1 %.3f%n", precision, recall, f1);
        assertTrue(f1 >= 0.85, "micro-F1 " + f1 + " is below 0.85");
    }

    private static java.util.List<ExtractedPost> extract(Extractor extractor, String file) {
        try {
            String text = Files.readString(Path.of("seeds", file), StandardCharsets.UTF_8);
            return extractor.extract(text, PageContext.capturedAt(Instant.parse("2022-10-05T00:00:00Z"))).posts();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
