package dev.newsfeed.extract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field of every gold-annotated seed post (../shared/gold), as the extractor reads the seeds. */
class SeedGoldTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEEDS = Path.of("seeds");
    private static final Map<String, ExtractedDocument> DOCUMENTS = new HashMap<>();

    static Stream<Arguments> goldPosts() throws IOException {
        List<Arguments> args = new ArrayList<>();
        try (var in = SeedGoldTest.class.getResourceAsStream("/gold/seed-posts.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode gold = JSON.readTree(line);
                    args.add(Arguments.of(gold.get("file").asText() + "#" + gold.get("index").asInt(), gold));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldPosts")
    void everyFieldMatchesGold(String name, JsonNode gold) {
        ExtractedDocument doc = document(gold.get("file").asText());
        int index = gold.get("index").asInt();
        ExtractedPost post = doc.posts().get(index);
        List<String> sentences = post.body().isEmpty() ? List.of("")
                : Text.sentences(post.body().get(0));
        List<String> lastSentences = post.body().isEmpty() ? List.of("")
                : Text.sentences(post.body().get(post.body().size() - 1));
        assertAll(name,
                () -> assertEquals(gold.get("headline").asText(), post.headline(), "headline"),
                () -> assertEquals(text(gold, "timestamp_text"), post.timestampText(), "timestampText"),
                () -> {
                    String utc = text(gold, "published_utc");
                    if (utc != null) {
                        assertEquals(Instant.parse(utc), post.publishedAt(), "publishedAt");
                        assertEquals(Precision.EXACT, post.publishedAtPrecision(), "precision");
                    } else {
                        assertNotEquals(Precision.EXACT, post.publishedAtPrecision(), "precision");
                    }
                },
                () -> assertEquals(strings(gold.get("authors")), post.authors(), "authors"),
                () -> assertEquals(text(gold, "location"), post.location(), "location"),
                () -> assertEquals(gold.get("first_sentence").asText(), sentences.get(0), "first sentence"),
                () -> assertEquals(gold.get("last_sentence").asText(),
                        lastSentences.get(lastSentences.size() - 1), "last sentence"),
                () -> assertEquals(strings(gold.get("captions")),
                        post.captions().stream().map(Caption::text).toList(), "captions"));
    }

    @Test
    void eachSeedYieldsExactlyItsGoldPosts() {
        assertAll(
                () -> assertEquals(9, document("000_e3d03f88e765b43a.txt").posts().size()),
                () -> assertEquals(8, document("001_bc022891e7d8fe1f.txt").posts().size()),
                () -> assertEquals(1, document("002_6765f3dc99b5e53b.txt").posts().size()),
                () -> assertEquals(9, document("003_224804e4c1447252.txt").posts().size()));
    }

    @Test
    void furnitureNeverAppearsInsideAPost() {
        List<String> furniture = List.of("About admin", "Check Also", "Watch more:", "Sort by", " Posts",
                "Terms of Use", "World Africa Americas", "Live briefing", "With reporting from");
        for (String file : List.of("000_e3d03f88e765b43a.txt", "001_bc022891e7d8fe1f.txt",
                "002_6765f3dc99b5e53b.txt", "003_224804e4c1447252.txt")) {
            for (ExtractedPost post : document(file).posts()) {
                String all = post.headline() + "\n" + String.join("\n", post.body());
                for (String f : furniture) {
                    assertEquals(-1, all.indexOf(f), file + " / " + post.headline() + " contains " + f);
                }
            }
        }
    }

    @Test
    void pageHeaderIsKeptApartFromPosts() {
        ExtractedDocument doc = document("000_e3d03f88e765b43a.txt");
        assertAll(
                () -> assertEquals("Russia-Ukraine news", doc.title()),
                () -> assertEquals(Instant.parse("2022-10-05T05:27:00Z"), doc.updatedAt()),
                () -> assertEquals(1, doc.summary().size()),
                () -> assertEquals(Layout.FLAT_LIVEBLOG, doc.layout()),
                () -> assertEquals(Layout.TEASER_AND_LINES, document("001_bc022891e7d8fe1f.txt").layout()),
                () -> assertEquals(Layout.ARTICLE, document("002_6765f3dc99b5e53b.txt").layout()),
                () -> assertEquals(Layout.LINE_LIVEBLOG, document("003_224804e4c1447252.txt").layout()),
                () -> assertEquals("rferl", document("002_6765f3dc99b5e53b.txt").source()));
    }

    @Test
    void relativeTimesResolveAgainstCaptureTime() {
        ExtractedPost first = document("001_bc022891e7d8fe1f.txt").posts().get(0);
        assertEquals(Precision.RELATIVE, first.publishedAtPrecision());
        assertEquals(Instant.parse("2022-09-11T02:00:00Z").minusSeconds(6 * 3600 + 57 * 60), first.publishedAt());
    }

    private static synchronized ExtractedDocument document(String file) {
        return DOCUMENTS.computeIfAbsent(file, f -> {
            try {
                String text = Files.readString(SEEDS.resolve(f), StandardCharsets.UTF_8);
                Instant captured = capturedAt(f);
                return new Extractor().extract(text, new PageContext(null, null, captured));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ExtractionException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }

    private static Instant capturedAt(String file) throws IOException {
        for (JsonNode seed : JSON.readTree(SEEDS.resolve("manifest.json").toFile())) {
            if (seed.get("file").asText().equals(file)) {
                return Instant.parse(seed.get("retrievedAt").asText());
            }
        }
        throw new IllegalArgumentException(file);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
