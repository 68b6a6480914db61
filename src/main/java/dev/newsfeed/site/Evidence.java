package dev.newsfeed.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a post is in a topic, in words. The classifier (built-in or custom topic) stores each term and place it
 * found, in which part of the post (headline, lead, body) and what it added to the score; the reasons are read
 * out biggest first, those that counted against the topic included. Evidence of an older shape ({"himars": 2})
 * is read out as counts, and anything else stored there is shown as it is rather than hidden.
 */
final class Evidence {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Evidence() {
    }

    static List<String> reasons(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            return List.of(json);
        }
        if (root == null || !root.isObject()) {
            return json == null ? List.of() : List.of(json);
        }
        return root.path("terms").isArray() ? scored(root) : counted(root);
    }

    /** A scored match: every hit with where it stands and what it added, then what counted against. */
    private static List<String> scored(JsonNode root) {
        List<JsonNode> hits = new ArrayList<>();
        root.path("terms").forEach(hits::add);
        root.path("places").forEach(hits::add);
        hits.sort(Comparator.comparingDouble((JsonNode h) -> -Math.abs(h.path("contribution").asDouble())));
        List<String> out = new ArrayList<>();
        for (JsonNode h : hits) {
            String kind = h.path("kind").asText();
            out.add("“" + h.path("term").asText() + "”" + (kind.isEmpty() ? "" : " (" + kind + ")") + " "
                    + where(h) + ": " + effect(h.path("contribution").asDouble()));
        }
        JsonNode together = root.path("together");
        if (together.isObject()) {
            out.add("a place or subject with an action in one sentence, " + where(together) + ": "
                    + effect(together.path("contribution").asDouble()));
        }
        JsonNode others = root.path("headlineOfOthers");
        if (others.isObject()) {
            List<String> topics = new ArrayList<>();
            others.path("topics").forEach(t -> topics.add(t.asText()));
            out.add("the headline is about " + String.join(", ", topics) + ": "
                    + effect(others.path("weight").asDouble()));
        }
        JsonNode rivals = root.path("placesOfOthers");
        if (rivals.isObject()) {
            List<String> topics = new ArrayList<>();
            rivals.path("topics").forEach(t -> topics.add(t.asText()));
            int own = rivals.path("sentences").asInt();
            int theirs = rivals.path("theirs").asInt();
            out.add("places of " + String.join(", ", topics) + " alone in " + sentences(theirs) + ", this topic's in "
                    + sentences(own) + ": " + effect(rivals.path("contribution").asDouble()));
        }
        if (root.path("noContext").isNumber()) {
            out.add("the post names nothing of the war: " + effect(root.path("noContext").asDouble()));
        }
        if (root.path("share").isNumber()) {
            out.add(Math.round(root.path("share").asDouble() * 100) + "% of its words are in sentences about it");
        }
        return out;
    }

    /** "in the headline, twice in the body". */
    private static String where(JsonNode hit) {
        List<String> parts = new ArrayList<>();
        for (String zone : new String[] {"headline", "lead", "body"}) {
            int n = hit.path(zone).asInt();
            if (n > 0) {
                parts.add((n == 1 ? "" : times(n) + " ") + "in the " + zone);
            }
        }
        return parts.isEmpty() ? "nowhere" : String.join(", ", parts);
    }

    private static String effect(double contribution) {
        return String.format(Locale.ROOT, contribution >= 0 ? "adds %.2f" : "counts against, %.2f", contribution);
    }

    private static String sentences(int n) {
        return n == 1 ? "one sentence" : n + " sentences";
    }

    private static String times(int n) {
        return n == 2 ? "twice" : n + " times";
    }

    /** The older shape: terms and their counts, and for custom topics their query and places. */
    private static List<String> counted(JsonNode root) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                int n = v.asInt();
                out.add("“" + e.getKey() + "” found " + (n == 1 ? "once" : times(n)));
            } else if (v.isTextual()) {
                out.add(e.getKey() + ": " + v.asText());
            } else if (v.isArray()) {
                List<String> items = new ArrayList<>();
                v.forEach(i -> items.add(i.isTextual() ? i.asText() : i.toString()));
                if (!items.isEmpty()) {
                    out.add(e.getKey() + ": " + String.join(", ", items));
                }
            } else {
                out.add(e.getKey() + ": " + v);
            }
        }
        return out;
    }
}
