package dev.newsfeed.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The learned weights that decide topics ({@code topics/model.json}, written by the trainer). A topic's
 * score is the logistic of its bias plus, for every sentence naming one of its terms, the term's weight for
 * where the sentence stands (headline, lead, body): a term in the headline says more than the same term down
 * the body.
 *
 * @param context        words that place a post in Russia's war on Ukraine; a post naming none of them where
 *                       {@link Settings#contextSentences} asks gets {@code noContextWeight} on every topic (Gaza
 *                       and election posts get no war topic)
 * @param noContextWeight added to every topic's sum when the post names no context word
 * @param otherHeadlineWeight added to a topic's sum when the headline is about other topics and not this one
 * @param otherFrontWeight added to a front's sum times the share of the post's front-place sentences that name
 *                       only other fronts' places ({@link TopicClassifier#rivals}); 0 when
 *                       {@link Settings#fronts} is 0
 */
record TopicModel(String version, Settings settings, List<String> context, double noContextWeight,
                  double otherHeadlineWeight, double otherFrontWeight, List<TopicWeights> topics) {

    TopicModel(String version, Settings settings, List<String> context, double noContextWeight,
               double otherHeadlineWeight, List<TopicWeights> topics) {
        this(version, settings, context, noContextWeight, otherHeadlineWeight, 0, topics);
    }

    /**
     * How body sentences are counted. The headline and the lead say what the post is about whatever its
     * length, so they count as they are; body sentences may be divided by the body's length (the shipped
     * model does not: exponent 0, which cross-validated best).
     *
     * @param minWords   a body shorter than this counts as this long
     * @param exponent   body counts are divided by (body words / 100) to this power; 0 counts them as they are
     * @param contextSentences a post is about the war when a context word stands in its headline or lead, or
     *                   in this many sentences of its body: one sentence further down is a passing mention (a
     *                   Gaza post that says Russia called for restraint is not about the war)
     * @param fronts     how fronts compete for a post's places ({@link TopicClassifier#rivals}): 3 is the share
     *                   of front-place sentences naming only another front's places; 0 is no competition
     */
    record Settings(int minWords, double exponent, int contextSentences, int fronts) {

        Settings(int minWords, double exponent, int contextSentences) {
            this(minWords, exponent, contextSentences, 0);
        }

        double lengthFactor(int bodyWords) {
            return Math.pow(Math.max(bodyWords, minWords) / 100.0, exponent);
        }

        /** Sentence counts by zone, the body's divided by its length factor. */
        double[] counts(int[] byZone, int bodyWords) {
            return new double[] {byZone[PostText.Zone.HEADLINE.ordinal()], byZone[PostText.Zone.LEAD.ordinal()],
                    byZone[PostText.Zone.BODY.ordinal()] / lengthFactor(bodyWords)};
        }
    }

    /** What one sentence naming something adds to a topic's sum, by where the sentence stands. */
    record ZoneWeights(double headline, double lead, double body) {

        double of(double[] counts) {
            return headline * counts[0] + lead * counts[1] + body * counts[2];
        }

        ZoneWeights rounded() {
            return new ZoneWeights(round(headline), round(lead), round(body));
        }
    }

    /** A term of a topic and its weights; {@code kind} is a {@link Lexicon.Kind} label. */
    record WeightedTerm(String term, String kind, ZoneWeights weight) {
    }

    /**
     * @param together weights of a sentence naming an anchor (place, subject) together with an action
     */
    record TopicWeights(String slug, double bias, ZoneWeights together, List<WeightedTerm> terms) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static TopicModel read(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode s = root.get("settings");
            Settings settings = new Settings(s.get("minWords").asInt(), s.get("exponent").asDouble(),
                    s.get("contextSentences").asInt(), s.path("fronts").asInt(0));
            List<String> context = new ArrayList<>();
            root.get("context").forEach(n -> context.add(n.asText()));
            List<TopicWeights> topics = new ArrayList<>();
            for (JsonNode t : root.get("topics")) {
                List<WeightedTerm> terms = new ArrayList<>();
                for (JsonNode w : t.get("terms")) {
                    terms.add(new WeightedTerm(w.get("term").asText(), w.get("kind").asText(), zones(w)));
                }
                topics.add(new TopicWeights(t.get("slug").asText(), t.get("bias").asDouble(),
                        zones(t.get("together")), terms));
            }
            return new TopicModel(root.get("version").asText(), settings, context,
                    root.get("noContextWeight").asDouble(), root.get("otherHeadlineWeight").asDouble(),
                    root.path("otherFrontWeight").asDouble(0), topics);
        } catch (IOException e) {
            throw new UncheckedIOException("The topic model is not readable JSON", e);
        }
    }

    private static ZoneWeights zones(JsonNode n) {
        return new ZoneWeights(n.get("headline").asDouble(), n.get("lead").asDouble(), n.get("body").asDouble());
    }

    /**
     * The model as the file people read: one line per term, weights rounded to three decimals, so the same
     * training gives the same bytes. {@code note} says how the file was made.
     */
    String toJson(String note) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"version\": ").append(string(version)).append(",\n");
        b.append("  \"note\": ").append(string(note)).append(",\n");
        b.append("  \"settings\": {\"minWords\": ").append(settings.minWords()).append(", \"exponent\": ")
                .append(round(settings.exponent())).append(", \"contextSentences\": ")
                .append(settings.contextSentences())
                .append(settings.fronts() == 0 ? "" : ", \"fronts\": " + settings.fronts()).append("},\n");
        b.append("  \"noContextWeight\": ").append(round(noContextWeight)).append(",\n");
        b.append("  \"otherHeadlineWeight\": ").append(round(otherHeadlineWeight)).append(",\n");
        if (settings.fronts() != 0) {
            b.append("  \"otherFrontWeight\": ").append(round(otherFrontWeight)).append(",\n");
        }
        b.append("  \"context\": [");
        for (int i = 0; i < context.size(); i++) {
            b.append(i == 0 ? "" : ",").append(i % 8 == 0 ? "\n    " : " ").append(string(context.get(i)));
        }
        b.append("\n  ],\n  \"topics\": [");
        for (int t = 0; t < topics.size(); t++) {
            TopicWeights w = topics.get(t);
            b.append(t == 0 ? "\n" : ",\n").append("    {\n");
            b.append("      \"slug\": ").append(string(w.slug())).append(",\n");
            b.append("      \"bias\": ").append(round(w.bias())).append(",\n");
            b.append("      \"together\": {").append(zones(w.together())).append("},\n");
            b.append("      \"terms\": [");
            for (int i = 0; i < w.terms().size(); i++) {
                WeightedTerm term = w.terms().get(i);
                b.append(i == 0 ? "\n" : ",\n").append("        {\"term\": ").append(string(term.term()))
                        .append(", \"kind\": ").append(string(term.kind())).append(", ")
                        .append(zones(term.weight())).append('}');
            }
            b.append("\n      ]\n    }");
        }
        return b.append("\n  ]\n}\n").toString();
    }

    private static String zones(ZoneWeights w) {
        return "\"headline\": " + round(w.headline()) + ", \"lead\": " + round(w.lead()) + ", \"body\": "
                + round(w.body());
    }

    private static String string(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This model with {@code shift} added to every topic's bias: where the trainer put the threshold. */
    TopicModel shifted(double shift) {
        List<TopicWeights> ts = topics.stream()
                .map(t -> new TopicWeights(t.slug(), t.bias() + shift, t.together(), t.terms())).toList();
        return new TopicModel(version, settings, context, noContextWeight, otherHeadlineWeight, otherFrontWeight, ts);
    }

    /** This model with its weights rounded as in the file and a version that names its content. */
    TopicModel rounded() {
        List<TopicWeights> ts = new ArrayList<>();
        for (TopicWeights t : topics) {
            ts.add(new TopicWeights(t.slug(), round(t.bias()), t.together().rounded(), t.terms().stream()
                    .map(w -> new WeightedTerm(w.term(), w.kind(), w.weight().rounded())).toList()));
        }
        Settings s = new Settings(settings.minWords(), round(settings.exponent()), settings.contextSentences(),
                settings.fronts());
        TopicModel unversioned = new TopicModel("", s, context, round(noContextWeight), round(otherHeadlineWeight),
                round(otherFrontWeight), ts);
        return new TopicModel("learned-" + digest(unversioned.toJson("")), s, context, round(noContextWeight),
                round(otherHeadlineWeight), round(otherFrontWeight), ts);
    }

    /** Beyond this, thousandths of a value are not exact enough in a double for {@link #round}'s shortcut. */
    private static final double SHORTCUT_LIMIT = 1e6;
    /** How far from a half thousandth a value must be for the shortcut to round it as the decimal way does. */
    private static final double SHORTCUT_MARGIN = 1e-6;

    /**
     * To three decimals, half to even, as the decimal the value prints as would round: every contribution of
     * every post's evidence is rounded, and the decimal way is slow. Where the value is clearly not near a half
     * thousandth, rounding its thousandths as a double gives the same; near one (and for large values) the
     * decimal way decides.
     */
    static double round(double v) {
        double thousandths = v * 1000;
        double r = Math.rint(thousandths);
        boolean clear = Math.abs(v) < SHORTCUT_LIMIT && Math.abs(Math.abs(thousandths - r) - 0.5) > SHORTCUT_MARGIN;
        r = clear ? r / 1000 : BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
        return r == 0 ? 0 : r; // no "-0.0" in the file
    }

    /**
     * The version is a digest of the weights: stored posts are reclassified when it changes, so it must change
     * with every change of the model and only then.
     */
    private static String digest(String json) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
