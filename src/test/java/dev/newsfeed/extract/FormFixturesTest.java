package dev.newsfeed.extract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages in the forms other templates and outlets print, one fixture per form under {@code forms/}: the page
 * ({@code .txt} or {@code .html}) and what must come out of it ({@code .json}). Only the fields a fixture
 * lists are checked, so each one states exactly what its form is about.
 */
class FormFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Extractor extractor = new Extractor();

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(FormFixturesTest.class.getResource("/forms").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void extractsWhatTheFixtureExpects(String name) throws Exception {
        JsonNode expected = JSON.readTree(read(name + ".json"));
        String page = read(Files.exists(path(name + ".html")) ? name + ".html" : name + ".txt");
        // A fixture of a page whose address does not say "live" names its address.
        String url = expected.has("url") ? expected.get("url").asText() : "https://news.example.com/live/" + name;
        PageContext context = new PageContext(null, url,
                Instant.parse(expected.get("capturedAt").asText()));
        ExtractedDocument doc = extractor.extract(page, context);

        List<Executable> checks = new ArrayList<>();
        JsonNode posts = expected.get("posts");
        checks.add(() -> assertEquals(posts.size(), doc.posts().size(),
                () -> "post count; headlines: " + doc.posts().stream().map(ExtractedPost::headline).toList()));
        if (expected.has("source")) {
            checks.add(() -> assertEquals(expected.get("source").asText(), doc.source(), "source"));
        }
        if (expected.has("warnings")) {
            checks.add(() -> assertEquals(strings(expected.get("warnings")), doc.warnings(), "warnings"));
        }
        if (expected.has("confidence")) {
            checks.add(() -> assertEquals(expected.get("confidence").asText(), doc.confidence().name(), "confidence"));
        }
        if (expected.has("layout")) {
            checks.add(() -> assertEquals(expected.get("layout").asText(), doc.layout().name(), "layout"));
        }
        for (int i = 0; i < Math.min(posts.size(), doc.posts().size()); i++) {
            checks.addAll(postChecks(i, posts.get(i), doc.posts().get(i)));
        }
        assertAll(name, checks);
    }

    private static List<Executable> postChecks(int i, JsonNode want, ExtractedPost got) {
        String at = "post " + i + " ";
        List<Executable> checks = new ArrayList<>();
        field(checks, want, "headline", at, got.headline());
        field(checks, want, "timestampText", at, got.timestampText());
        field(checks, want, "location", at, got.location());
        field(checks, want, "anchor", at, got.anchor());
        field(checks, want, "timestampRelative", at, got.timestampRelative());
        field(checks, want, "dateline", at, got.dateline());
        if (want.has("labels")) {
            checks.add(() -> assertEquals(strings(want.get("labels")), got.labels(), at + "labels"));
        }
        if (want.has("headlinePrinted")) {
            checks.add(() -> assertEquals(want.get("headlinePrinted").asBoolean(), got.headlinePrinted(),
                    at + "headlinePrinted"));
        }
        if (want.has("complete")) {
            checks.add(() -> assertEquals(want.get("complete").asBoolean(), got.complete(), at + "complete"));
        }
        if (want.has("publishedAt")) {
            Instant instant = want.get("publishedAt").isNull() ? null : Instant.parse(want.get("publishedAt").asText());
            checks.add(() -> assertEquals(instant, got.publishedAt(), at + "publishedAt"));
        }
        if (want.has("precision")) {
            checks.add(() -> assertEquals(want.get("precision").asText(), got.publishedAtPrecision().name(),
                    at + "precision"));
        }
        if (want.has("authors")) {
            checks.add(() -> assertEquals(strings(want.get("authors")), got.authors(), at + "authors"));
        }
        if (want.has("captions")) {
            checks.add(() -> assertEquals(strings(want.get("captions")),
                    got.captions().stream().map(Caption::text).toList(), at + "captions"));
        }
        if (want.has("captionCredits")) {
            checks.add(() -> assertEquals(strings(want.get("captionCredits")),
                    got.captions().stream().map(Caption::credit).toList(), at + "caption credits"));
        }
        if (want.has("paragraphs")) {
            checks.add(() -> assertEquals(want.get("paragraphs").asInt(), got.body().size(), at + "paragraphs"));
        }
        if (want.has("firstSentence")) {
            checks.add(() -> assertEquals(want.get("firstSentence").asText(),
                    Text.sentences(got.body().get(0)).get(0), at + "first sentence"));
        }
        if (want.has("lastSentence")) {
            checks.add(() -> {
                List<String> last = Text.sentences(got.body().get(got.body().size() - 1));
                assertEquals(want.get("lastSentence").asText(), last.get(last.size() - 1), at + "last sentence");
            });
        }
        return checks;
    }

    private static void field(List<Executable> checks, JsonNode want, String name, String at, String actual) {
        if (want.has(name)) {
            String expected = want.get(name).isNull() ? null : want.get(name).asText();
            checks.add(() -> assertEquals(expected, actual, at + name));
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Path path(String file) throws URISyntaxException {
        return Path.of(FormFixturesTest.class.getResource("/forms").toURI()).resolve(file);
    }

    private static String read(String file) throws IOException, URISyntaxException {
        return Files.readString(path(file), StandardCharsets.UTF_8);
    }
}
