package dev.newsfeed.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped model: where it comes from, how it explains itself, what it does with plain cases. */
class TopicModelTest {

    private static final Path SHIPPED = Path.of("src/main/resources/topics/model.json");

    @Test
    void shippedModelIsWhatTheTrainerWritesFromTheLabelledPosts() throws Exception {
        List<LabelledPost> posts = new ArrayList<>(
                LabelledPosts.seeds(Path.of("seeds"), Path.of("src/test/resources/gold/seed-posts.jsonl")));
        posts.addAll(LabelledPosts.corpus(LabelledPosts.corpusDir()));
        TopicModel trained = TopicTrainer.train(BuiltinTopics.load(), posts, TopicTrainer.Options.standard());
        assertEquals(trained.toJson(TopicTrainer.note(posts)), Files.readString(SHIPPED, StandardCharsets.UTF_8),
                "topics/model.json is not the trainer's output: run bench/topics/train.sh");
        assertEquals(trained.version(), TopicClassifier.builtin().version());
    }

    @Test
    void everyTopicGivenIsExplainedByItsEvidence() {
        TopicClassifier classifier = TopicClassifier.builtin();
        List<LabelledPost> posts = new ArrayList<>(
                LabelledPosts.seeds(Path.of("seeds"), Path.of("src/test/resources/gold/seed-posts.jsonl")));
        posts.addAll(LabelledPosts.corpus(LabelledPosts.corpusDir()));
        int matches = 0;
        for (LabelledPost p : posts) {
            for (TopicMatch m : classifier.classify(p.headline(), p.body())) {
                matches++;
                TopicEvidence e = m.evidence();
                assertFalse(e.terms().isEmpty() && e.places().isEmpty(), p.id() + " " + m.slug() + " names nothing");
                double sum = e.bias() + (e.noContext() == null ? 0 : e.noContext())
                        + (e.headlineOfOthers() == null ? 0 : e.headlineOfOthers().weight())
                        + (e.placesOfOthers() == null ? 0 : e.placesOfOthers().contribution())
                        + (e.together() == null ? 0 : e.together().contribution());
                for (TopicEvidence.Hit h : e.terms()) {
                    sum += h.contribution();
                }
                for (TopicEvidence.Hit h : e.places()) {
                    sum += h.contribution();
                }
                assertEquals(m.score(), 1 / (1 + Math.exp(-sum)), 0.01, p.id() + " " + m.slug()
                        + ": the evidence does not add up to the score");
                assertTrue(m.score() >= 0.5 && m.score() <= 1, p.id() + " score " + m.score());
            }
        }
        assertTrue(matches > 50, "the posts get topics: " + matches);
    }

    @Test
    void evidenceIsAJsonObjectSayingWhichTermsWhereAndWithWhatWeight() throws Exception {
        TopicMatch m = TopicClassifier.builtin().classify("EU agrees new sanctions on Russian banks",
                List.of("The European Union agreed on Friday a new package of sanctions against Russia over its "
                        + "invasion of Ukraine.", "The sanctions freeze the assets of three more banks.")).stream()
                .filter(x -> x.slug().equals("sanctions")).findFirst().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(m));
        JsonNode evidence = json.get("evidence");
        assertTrue(evidence.isObject());
        JsonNode first = evidence.get("terms").get(0);
        assertEquals("sanction*", first.get("term").asText());
        assertEquals("strong", first.get("kind").asText());
        assertEquals(1, first.get("headline").asInt());
        assertEquals(1, first.get("lead").asInt());
        assertEquals(1, first.get("body").asInt());
        assertTrue(first.get("weight").get("headline").asDouble() > first.get("weight").get("body").asDouble(),
                "a headline occurrence weighs more than a body one");
        assertTrue(first.get("contribution").asDouble() > 0);
        assertTrue(evidence.get("bias").asDouble() < 0);
    }

    @Test
    void versionNamesTheWeights() {
        TopicModel shipped = TopicClassifier.builtin().model();
        assertEquals(shipped.version(), shipped.rounded().version(), "the same weights, the same version");
        TopicModel.TopicWeights first = shipped.topics().get(0);
        List<TopicModel.TopicWeights> changed = new ArrayList<>(shipped.topics());
        changed.set(0, new TopicModel.TopicWeights(first.slug(), first.bias() + 0.01, first.together(), first.terms()));
        TopicModel other = new TopicModel("", shipped.settings(), shipped.context(), shipped.noContextWeight(),
                shipped.otherHeadlineWeight(), changed);
        assertNotEquals(shipped.version(), other.rounded().version(), "another bias, another version");
        TopicModel.Settings s = shipped.settings();
        TopicModel rule = new TopicModel("", new TopicModel.Settings(s.minWords(), s.exponent(),
                s.contextSentences() + 1), shipped.context(), shipped.noContextWeight(), shipped.otherHeadlineWeight(),
                shipped.topics());
        assertNotEquals(shipped.version(), rule.rounded().version(), "another rule, another version");
    }

    @Test
    void aFrontNamedInPassingInAPostAboutAnotherFrontCountsLess() {
        List<TopicScorer.Scored> scores = TopicClassifier.builtin().scores(
                "Ukrainian forces push towards Kherson as Russians pull back across the Dnipro",
                List.of("Ukrainian troops advanced on Kherson on Tuesday, retaking villages north of the city.",
                        "Russian forces were seen withdrawing towards Nova Kakhovka and the Dnipro crossings.",
                        "Residents of Kherson said shelling had eased overnight.",
                        "Fighting also continued near Bakhmut in the Donetsk region, the general staff said."));
        TopicEvidence eastern = scores.get(1).evidence();
        assertNotNull(eastern.placesOfOthers(), "eastern-front's places compete with kherson-front's");
        assertEquals(List.of("kherson-front"), eastern.placesOfOthers().topics());
        assertTrue(eastern.placesOfOthers().contribution() < 0);
        assertEquals(eastern.placesOfOthers().value() * eastern.placesOfOthers().weight(),
                eastern.placesOfOthers().contribution(), 0.001);
        assertTrue(scores.get(1).sum() < 0, "one sentence about the east in a Kherson post: " + scores.get(1).sum());
        assertTrue(scores.get(0).sum() > 0, "the Kherson post is about kherson-front");
    }

    @Test
    void newsOfAnotherWarGetsNoWarTopic() {
        List<TopicMatch> matches = TopicClassifier.builtin().classify(
                "Israeli airstrikes kill dozens in Gaza as ceasefire talks stall",
                List.of("Israeli airstrikes killed at least 40 civilians in Gaza overnight, the health ministry said, "
                        + "as negotiations on a ceasefire and the release of hostages stalled in Cairo.",
                        "Hospitals in the south of the strip said they were overwhelmed with wounded children."));
        assertEquals(List.of(), matches);
    }

    /**
     * Russia or Ukraine named once, down the body of a post about something else, does not make it a post
     * about the war; the same words with the war in the headline do.
     */
    @Test
    void anotherWarNamingRussiaOnceGetsNoWarTopic() {
        TopicClassifier classifier = TopicClassifier.builtin();
        List<String> body = List.of("Israeli airstrikes on Gaza City killed at least 40 people, including children, "
                + "the health ministry said.", "Residents said several homes were destroyed and a hospital was damaged.",
                "Rescuers searched the rubble through the night.", "Russia's foreign ministry called for restraint.");
        assertEquals(List.of(), classifier.classify("Israeli strikes kill dozens in Gaza", body));
        assertTrue(classifier.scores("Israeli strikes kill dozens in Gaza", body).get(0).evidence().noContext() < 0);
        assertEquals(null, classifier.scores("Russian strikes kill dozens in Kharkiv", body).get(0).evidence()
                .noContext(), "the war in the headline");
        assertEquals(null, classifier.scores("Israeli strikes kill dozens in Gaza", List.of(body.get(0), body.get(1),
                body.get(3), "Ukraine's foreign minister said the same.")).get(0).evidence().noContext(),
                "the war in two sentences of the body");
        List<TopicMatch> aside = classifier.classify("Biden meets Netanyahu", List.of("US President Joe Biden met "
                + "Israeli Prime Minister Benjamin Netanyahu to discuss a ceasefire and hostage negotiations.",
                "Talks mediated by Qatar and Egypt continue.", "Biden also spoke about support for Ukraine."));
        assertEquals(List.of(), aside);
    }

    @Test
    void aNatoSummitNamingKhersonOnceIsNotTheKhersonFront() {
        List<String> slugs = TopicClassifier.builtin().classify(
                "NATO leaders gather in Vilnius to discuss Ukraine's membership bid",
                List.of("NATO leaders met in Vilnius on Tuesday for a summit dominated by Ukraine's request to join "
                        + "the alliance.",
                        "Secretary General Jens Stoltenberg said allies agreed Ukraine's future was in NATO but set no "
                        + "date for its accession.",
                        "Zelensky, who arrived from Kyiv after visiting troops near Kherson, called the absence of a "
                        + "timetable absurd.",
                        "Several allies want a clear path to membership before the next summit in Washington."))
                .stream().map(TopicMatch::slug).toList();
        assertEquals(List.of("nato-diplomacy"), slugs);
    }

    @Test
    void fightingAroundKhersonIsTheKhersonFront() {
        List<String> slugs = TopicClassifier.builtin().classify(
                "Ukrainian forces advance toward Kherson as Russians pull back across the Dnipro",
                List.of("Ukrainian troops pushed south along the Inhulets river on Wednesday and retook several "
                        + "villages north of Kherson, the southern command said.",
                        "Russian forces have been withdrawing equipment across the Dnipro River near Nova Kakhovka, "
                        + "according to satellite images.",
                        "Fighting continued around Snihurivka, where shelling hit Ukrainian positions overnight."))
                .stream().map(TopicMatch::slug).toList();
        assertEquals(List.of("kherson-front"), slugs);
    }

    @Test
    void roundingTakesItsShortcutOnlyWhereTheDecimalWayAgrees() {
        java.util.Random random = new java.util.Random(7);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.0005, -0.0005, 0.0015, 0.0025, 1.2345, -2.0005,
                0.1234999999, 0.12350000001, 999999.9995, 1e6 + 0.0005, 3e9, -7.77e12, Double.MIN_VALUE, 1e-300));
        for (int i = 0; i < 2_000_000; i++) {
            double weight = Math.round((random.nextDouble() - 0.5) * 8000) / 1000.0;
            values.add(weight * random.nextInt(6) / Math.pow(random.nextInt(900) / 100.0 + 1, 0.5));
            values.add((double) random.nextInt(400) / (random.nextInt(2000) + 1));
            values.add((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(14) - 6));
            values.add((random.nextInt(2_000_000) - 1_000_000 + 0.5) / 1000);
        }
        for (double v : values) {
            double decimal = java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_EVEN).doubleValue();
            decimal = decimal == 0 ? 0 : decimal;
            assertEquals(Double.doubleToRawLongBits(decimal), Double.doubleToRawLongBits(TopicModel.round(v)),
                    () -> "round(" + v + ")");
        }
    }
}
