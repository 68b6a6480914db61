package dev.newsfeed.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Custom topics: web-search queries and places matched against posts, with evidence. */
class CustomTopicMatcherTest {

    private static final String HEADLINE = "Grain deal talks resume in Istanbul";
    private static final List<String> BODY = List.of(
            "Turkish officials said talks on extending the Black Sea grain deal resumed on Monday.",
            "Russia has threatened to quit the deal, saying its own exports were attacked by sanctions.",
            "Ships carrying Ukrainian grain left Odesa overnight.");

    private static Optional<TopicMatch> match(String query, List<String> places) {
        return new CustomTopicMatcher("custom", query, places).match(HEADLINE, BODY);
    }

    @Test
    void allWordsAreRequiredAndMatchByStem() {
        assertTrue(match("grain deals", List.of()).isPresent());
        assertTrue(match("sanction attack", List.of()).isPresent(), "sanctions, attacked");
        assertTrue(match("grain fertiliser", List.of()).isEmpty(), "fertiliser is not named");
    }

    @Test
    void quotedWordsMustFollowOneAnother() {
        assertTrue(match("\"Black Sea grain\"", List.of()).isPresent());
        assertTrue(match("\"grain Black Sea\"", List.of()).isEmpty());
    }

    @Test
    void orTakesEitherAndAMinusExcludes() {
        assertTrue(match("grain (fertiliser or exports)", List.of()).isPresent());
        assertTrue(match("fertiliser or ammonia", List.of()).isEmpty());
        assertTrue(match("grain -Turkish", List.of()).isEmpty());
        assertTrue(match("grain -Egypt", List.of()).isPresent());
    }

    @Test
    void oneOfThePlacesMustBeNamed() {
        assertTrue(match("grain", List.of("Kherson", "Odesa")).isPresent());
        assertTrue(match("grain", List.of("Kherson", "Nova Kakhovka")).isEmpty());
        assertTrue(match("grain", List.of("Black Sea")).isPresent(), "a place of two words is one phrase");
    }

    @Test
    void evidenceSaysWhichTermsAndPlacesWhereAndWithWhatWeight() throws Exception {
        TopicMatch m = match("grain deal", List.of("Odesa")).orElseThrow();
        assertEquals("custom", m.slug());
        JsonNode e = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(m)).get("evidence");
        JsonNode grain = e.get("terms").get(0);
        assertEquals("grain", grain.get("term").asText());
        assertEquals("query", grain.get("kind").asText());
        assertEquals(1, grain.get("headline").asInt());
        assertEquals(1, grain.get("lead").asInt());
        assertEquals(1, grain.get("body").asInt());
        assertEquals(3.0, grain.get("weight").get("headline").asDouble());
        assertEquals(6.0, grain.get("contribution").asDouble(), "3 + 2 + 1");
        JsonNode odesa = e.get("places").get(0);
        assertEquals("Odesa", odesa.get("term").asText());
        assertEquals(1, odesa.get("body").asInt());
        double sum = CustomTopicMatcher.BIAS + 6 + 5 + 1; // grain, deal (headline and lead), Odesa
        assertEquals(1 / (1 + Math.exp(-sum)), m.score(), 0.001);
    }

    @Test
    void aSingleBodyMentionScoresHalfAndMoreScoresMore() {
        double once = match("Odesa", List.of()).orElseThrow().score();
        double everywhere = match("grain", List.of()).orElseThrow().score();
        assertEquals(0.5, once, 0.001);
        assertTrue(everywhere > 0.99, "headline, lead and body: " + everywhere);
    }

    @Test
    void aQueryOfStopWordsAloneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CustomTopicMatcher("x", "the of and", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new CustomTopicMatcher("x", "-grain", List.of()));
    }

    @Test
    void porterStemsAsPostgresEnglishSearchDoesForCommonWords() {
        assertEquals("attack", PorterStemmer.stem("attacked"));
        assertEquals("attack", PorterStemmer.stem("attacking"));
        assertEquals("sanction", PorterStemmer.stem("sanctions"));
        assertEquals("sanction", PorterStemmer.stem("sanctioned"));
        assertEquals(PorterStemmer.stem("mobilization"), PorterStemmer.stem("mobilized"));
        assertEquals("caress", PorterStemmer.stem("caresses"));
        assertEquals("poni", PorterStemmer.stem("ponies"));
        assertEquals("relat", PorterStemmer.stem("relational"));
        assertEquals("hope", PorterStemmer.stem("hoping"));
        assertEquals("us", PorterStemmer.stem("us"));
    }
}
