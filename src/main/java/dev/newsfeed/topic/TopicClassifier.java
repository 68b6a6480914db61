package dev.newsfeed.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.newsfeed.extract.Text;

/**
 * Decides which topics a post is about, by what share of its words sits in sentences about each topic.
 * A sentence is about a topic when it holds a strong term, or an anchor (a place, a subject) together with an
 * action. A passing mention fills one short sentence, so it stays under the threshold. Plain Java.
 */
public final class TopicClassifier {

    /** Share of the post's words a topic needs. */
    static final double MIN_SHARE = 0.10;
    /** A headline about the topic lowers the share needed to this. */
    static final double MIN_SHARE_WITH_HEADLINE = 0.05;
    /** The headline counts as this many body words per headline word: it says what the post is about. */
    private static final int HEADLINE_WEIGHT = 2;

    private final String version;
    private final List<TopicDefinition> definitions;
    private final List<Compiled> compiled;

    private record Compiled(TopicDefinition topic, Terms anchors, Terms actions, Terms strong) {
    }

    public TopicClassifier(String version, List<TopicDefinition> definitions) {
        this.version = version;
        this.definitions = List.copyOf(definitions);
        this.compiled = definitions.stream()
                .map(t -> new Compiled(t, new Terms(t.anchors()), new Terms(t.actions()), new Terms(t.strong())))
                .toList();
    }

    /** The built-in topics shipped in {@code topics/builtin.json}. */
    public static TopicClassifier builtin() {
        try (InputStream in = TopicClassifier.class.getResourceAsStream("/topics/builtin.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<TopicDefinition> defs = new ArrayList<>();
            for (JsonNode t : root.get("topics")) {
                defs.add(new TopicDefinition(t.get("slug").asText(), t.get("name").asText(),
                        t.get("description").asText(), strings(t.get("anchors")), strings(t.get("actions")),
                        strings(t.get("strong"))));
            }
            return new TopicClassifier(root.get("version").asText(), defs);
        } catch (IOException e) {
            throw new UncheckedIOException("topics/builtin.json is unreadable", e);
        }
    }

    public String version() {
        return version;
    }

    public List<TopicDefinition> definitions() {
        return definitions;
    }

    /** Topics of a post, in the order of the definitions. */
    public List<TopicMatch> classify(String headline, List<String> body) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : body) {
            sentences.addAll(Text.sentences(paragraph));
        }
        int totalWords = 0;
        for (String s : sentences) {
            totalWords += words(s);
        }
        List<TopicMatch> matches = new ArrayList<>();
        for (Compiled c : compiled) {
            Map<String, Integer> evidence = new LinkedHashMap<>();
            boolean inHeadline = about(c, headline, evidence);
            int topicWords = inHeadline ? words(headline) * HEADLINE_WEIGHT : 0;
            for (String s : sentences) {
                if (about(c, s, evidence)) {
                    topicWords += words(s);
                }
            }
            int denominator = totalWords + words(headline) * HEADLINE_WEIGHT;
            double share = denominator == 0 ? 0 : (double) topicWords / denominator;
            double needed = inHeadline ? MIN_SHARE_WITH_HEADLINE : MIN_SHARE;
            if (share >= needed && !evidence.isEmpty()) {
                matches.add(new TopicMatch(c.topic().slug(), Math.round(share * 1000) / 1000.0, evidence));
            }
        }
        return matches;
    }

    private static boolean about(Compiled c, String sentence, Map<String, Integer> evidence) {
        Map<String, Integer> found = new HashMap<>();
        boolean strong = c.strong().count(sentence, found) > 0;
        if (!strong) {
            Map<String, Integer> anchors = new HashMap<>();
            Map<String, Integer> actions = new HashMap<>();
            if (c.anchors().count(sentence, anchors) > 0 && c.actions().count(sentence, actions) > 0) {
                found.putAll(anchors);
                found.putAll(actions);
            } else {
                return false;
            }
        }
        found.forEach((k, v) -> evidence.merge(k, v, Integer::sum));
        return true;
    }

    private static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\u00A0';
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
