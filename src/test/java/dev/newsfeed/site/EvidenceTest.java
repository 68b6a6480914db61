package dev.newsfeed.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    @Test
    void aScoredMatchIsReadOutBiggestFirstWithWhereEachTermStands() {
        String evidence = """
                {"words": 60, "share": 0.42, "bias": -4.0,
                 "terms": [{"term": "forces", "kind": "action", "headline": 1, "lead": 0, "body": 0,
                            "weight": {"headline": -0.37, "lead": -0.25, "body": -0.12}, "contribution": -0.37},
                           {"term": "counteroffensive", "kind": "strong", "headline": 0, "lead": 1, "body": 2,
                            "weight": {"headline": 3, "lead": 2, "body": 1}, "contribution": 4.0}],
                 "places": [{"term": "kherson", "kind": "place", "headline": 1, "lead": 0, "body": 0,
                             "weight": {"headline": 1.5, "lead": 1, "body": 0.5}, "contribution": 1.5}],
                 "headlineOfOthers": {"topics": ["nato-diplomacy"], "weight": -2.6}}""";
        assertEquals(List.of(
                        "“counteroffensive” (strong) in the lead, twice in the body: adds 4.00",
                        "“kherson” (place) in the headline: adds 1.50",
                        "“forces” (action) in the headline: counts against, -0.37",
                        "the headline is about nato-diplomacy: counts against, -2.60",
                        "42% of its words are in sentences about it"),
                Evidence.reasons(evidence));
    }

    @Test
    void anotherFrontsPlacesAreReadOut() {
        String evidence = """
                {"words": 300, "share": 0.1, "bias": -4.5, "terms": [],
                 "places": [{"term": "Donetsk", "kind": "place", "headline": 0, "lead": 0, "body": 2,
                             "weight": {"headline": 1.7, "lead": 0.5, "body": 0.65}, "contribution": 1.3}],
                 "placesOfOthers": {"topics": ["kherson-front"], "sentences": 2, "theirs": 8, "value": 0.8,
                                    "weight": -4.3, "contribution": -3.44}}""";
        assertEquals(List.of(
                        "“Donetsk” (place) twice in the body: adds 1.30",
                        "places of kherson-front alone in 8 sentences, this topic's in 2 sentences: counts against, -3.44",
                        "10% of its words are in sentences about it"),
                Evidence.reasons(evidence));
    }

    @Test
    void classifierTermsOfTheOlderShapeAreCounted() {
        assertEquals(List.of("“himars” found once", "“kherson” found twice", "“ukraine” found 5 times"),
                Evidence.reasons("{\"himars\": 1, \"kherson\": 2, \"ukraine\": 5}"));
    }

    @Test
    void aCustomTopicsQueryAndPlacesAreNamed() {
        assertEquals(List.of("query: \"grain deal\" -turkey", "places: Odesa, Mykolaiv"),
                Evidence.reasons("{\"query\": \"\\\"grain deal\\\" -turkey\", \"places\": [\"Odesa\", \"Mykolaiv\"]}"));
        assertEquals(List.of("query: grain"), Evidence.reasons("{\"query\": \"grain\", \"places\": []}"),
                "no places, nothing said of them");
    }

    @Test
    void anythingElseIsShownAsStoredRatherThanHidden() {
        assertEquals(List.of("weights: {\"a\":1}"), Evidence.reasons("{\"weights\": {\"a\": 1}}"));
        assertEquals(List.of("[1, 2]"), Evidence.reasons("[1, 2]"));
        assertEquals(List.of("not json"), Evidence.reasons("not json"));
    }
}
