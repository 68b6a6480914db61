package dev.newsfeed.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code topics/builtin.json}: the built-in topics as people wrote them from the scope notes, with the
 * vocabulary the trainer starts from (gazetteer, subjects, actions, strong and other core terms) and the words that place a
 * post in the war at all. What decides a topic is the trained {@code topics/model.json}.
 */
record BuiltinTopics(List<String> context, List<Prior> topics) {

    /** A topic and its starting vocabulary. */
    record Prior(TopicDefinition definition, List<String> places, List<String> subjects, List<String> actions,
                 List<String> strong, List<String> terms) {
    }

    static BuiltinTopics load() {
        try (InputStream in = BuiltinTopics.class.getResourceAsStream("/topics/builtin.json")) {
            if (in == null) {
                throw new IllegalStateException("topics/builtin.json is not on the class path");
            }
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("topics/builtin.json is unreadable", e);
        }
    }

    static BuiltinTopics read(byte[] json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        List<Prior> topics = new ArrayList<>();
        for (JsonNode t : root.get("topics")) {
            topics.add(new Prior(new TopicDefinition(t.get("slug").asText(), t.get("name").asText(),
                    t.get("description").asText()), strings(t.get("places")), strings(t.get("subjects")),
                    strings(t.get("actions")), strings(t.get("strong")), strings(t.get("terms"))));
        }
        return new BuiltinTopics(strings(root.get("context")), topics);
    }

    List<TopicDefinition> definitions() {
        return topics.stream().map(Prior::definition).toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
