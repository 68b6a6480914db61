package dev.newsfeed.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hand-written post JSON keeps the record's shape: every component, named as in the record, in order. */
class PostViewJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PostView post(Instant publishedAt, String location) {
        return new PostView(UUID.fromString("5f0c2a4e-0000-4000-8000-000000000001"), "Strikes on \"Kherson\"",
                "9:39 p.m. ET", publishedAt, "exact", List.of("Jane Doe", "Олег"), location,
                List.of("First paragraph \u2019s.", "Second \\ one."),
                List.of(new PostView.CaptionView("A crater", "Kostyantin Gak/CNN"),
                        new PostView.CaptionView("No credit", null)),
                List.of(new PostView.TopicRef("kherson-front", "Kherson front", 0.8,
                        "{\"share\": 0.8, \"terms\": [\"Kherson\"]}")),
                "cnn", 42, "https://edition.cnn.com/live#p1", Instant.parse("2026-11-21T10:00:00Z"),
                Instant.parse("2026-11-21T10:05:00.123456Z"), "2h ago", List.of("Breaking"), "KYIV, Ukraine —",
                true, false, 2);
    }

    @Test
    void everyFieldOfTheRecordInTheRecordsOrder() throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsBytes(post(Instant.parse("2026-11-21T02:39:20Z"), "Kyiv")));
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertEquals(Arrays.stream(PostView.class.getRecordComponents()).map(RecordComponent::getName).toList(), names);
    }

    @Test
    void valuesAsClientsReadThem() throws Exception {
        JsonNode json = JSON.readTree(JSON.writeValueAsBytes(post(null, null)));
        assertEquals("5f0c2a4e-0000-4000-8000-000000000001", json.get("id").asText());
        assertEquals("Strikes on \"Kherson\"", json.get("headline").asText());
        assertTrue(json.get("publishedAt").isNull(), "an undated post has publishedAt null");
        assertTrue(json.get("location").isNull());
        assertEquals("Олег", json.get("authors").get(1).asText());
        assertEquals("Second \\ one.", json.get("body").get(1).asText());
        assertEquals("Kostyantin Gak/CNN", json.get("captions").get(0).get("credit").asText());
        assertTrue(json.get("captions").get(1).get("credit").isNull());
        JsonNode topic = json.get("topics").get(0);
        assertEquals(0.8, topic.get("score").asDouble());
        assertEquals("Kherson", topic.get("evidence").get("terms").get(0).asText(), "evidence is an object");
        assertEquals(42, json.get("liveblog").asLong());
        assertEquals("2026-11-21T10:05:00.123456Z", json.get("updatedAt").asText());
    }

    @Test
    void textIsWrittenExactlyAsJacksonWritesIt() throws Exception {
        for (String s : List.of("plain ascii", "Donetsk People\u2019s Republic", "quote \" inside", "back \\ slash",
                "tab\tand\nnewline\u0001 \b\f\r\u001f\u007f", "emoji \uD83C\uDDFA\uD83C\uDDE6 flag", "Олег Синєгубов", "", "</script>")) {
            assertEquals(jackson(s), hand(s), s);
            assertEquals(s, JSON.readTree(hand(s)).asText());
        }
    }

    private static String jackson(String s) throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeString(s);
        }
        return out.toString();
    }

    private static String hand(String s) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            PostViewJson.text(g, s);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
