package dev.newsfeed.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which built-in topics a post is about, with weights learned from labelled posts
 * ({@code topics/model.json}, written by {@code bench/topics/train.sh}). For each topic, every sentence naming
 * one of its terms adds the term's weight for where the sentence stands (headline, lead, body), and so does a
 * sentence naming a place or subject with an action; a headline about other topics and not this one costs a
 * fixed amount, and a post naming nothing of the war gets no topic. The logistic of the sum is the score; a
 * topic is given from 0.5, with every addend as evidence. Plain Java.
 */
public final class TopicClassifier {

    /** A topic is given when its score reaches this: the sum of its evidence is positive. */
    static final double THRESHOLD = 0.5;

    private final List<TopicDefinition> definitions;
    private final TopicModel model;
    private final List<TopicScorer> scorers;
    /** The topics' lexicons, in definition order, then the context words' (the last). */
    private final LexiconIndex lexicons;

    TopicClassifier(List<TopicDefinition> definitions, TopicModel model) {
        List<String> slugs = definitions.stream().map(TopicDefinition::slug).toList();
        List<String> modelSlugs = model.topics().stream().map(TopicModel.TopicWeights::slug).toList();
        if (!slugs.equals(modelSlugs)) {
            throw new IllegalStateException("The model's topics " + modelSlugs + " are not the built-in topics "
                    + slugs + ": retrain with bench/topics/train.sh");
        }
        this.definitions = List.copyOf(definitions);
        this.model = model;
        this.scorers = model.topics().stream().map(TopicScorer::new).toList();
        List<Lexicon> all = new ArrayList<>(scorers.stream().map(TopicScorer::lexicon).toList());
        all.add(new Lexicon(model.context().stream()
                .map(c -> new Lexicon.Entry(Term.parse(c), Lexicon.Kind.TERM)).toList()));
        this.lexicons = new LexiconIndex(all);
    }

    /** The built-in topics ({@code topics/builtin.json}) with the shipped model ({@code topics/model.json}). */
    public static TopicClassifier builtin() {
        try (InputStream in = TopicClassifier.class.getResourceAsStream("/topics/model.json")) {
            if (in == null) {
                throw new IllegalStateException("topics/model.json is not on the class path");
            }
            return new TopicClassifier(BuiltinTopics.load().definitions(), TopicModel.read(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("topics/model.json is unreadable", e);
        }
    }

    /** Names the model: stored posts are reclassified when it changes. */
    public String version() {
        return model.version();
    }

    public List<TopicDefinition> definitions() {
        return definitions;
    }

    TopicModel model() {
        return model;
    }

    /** Topics of a post, in the order of the definitions. */
    public List<TopicMatch> classify(String headline, List<String> body) {
        return classify(PostText.of(headline, body));
    }

    /** Topics of a post already cut into words (by ingest, for custom topics too). */
    List<TopicMatch> classify(PostText text) {
        List<TopicMatch> matches = new ArrayList<>();
        List<TopicScorer.Scored> scores = scores(text);
        for (int t = 0; t < scorers.size(); t++) {
            TopicScorer.Scored s = scores.get(t);
            if (s.score() >= THRESHOLD) {
                matches.add(new TopicMatch(scorers.get(t).slug(), TopicModel.round(s.score()), s.evidence()));
            }
        }
        return matches;
    }

    /** Scores of every topic, matched or not, in definition order. */
    List<TopicScorer.Scored> scores(String headline, List<String> body) {
        return scores(PostText.of(headline, body));
    }

    private List<TopicScorer.Scored> scores(PostText text) {
        LexiconIndex.Candidates found = lexicons.candidates(text);
        boolean inWar = aboutTheWar(lexicons.find(text, found, scorers.size()), text,
                model.settings().contextSentences());
        List<Lexicon.Hits> hits = lexicons.findAll(text, found, scorers.size());
        List<String> claimants = new ArrayList<>();
        for (int t = 0; t < scorers.size(); t++) {
            if (scorers.get(t).claimsHeadline(text, hits.get(t))) {
                claimants.add(scorers.get(t).slug());
            }
        }
        List<TopicScorer.Scored> out = new ArrayList<>();
        for (int t = 0; t < scorers.size(); t++) {
            List<String> others = claimants.contains(scorers.get(t).slug()) ? List.of() : claimants;
            out.add(scorers.get(t).score(text, hits.get(t), model, inWar, others));
        }
        return out;
    }

    /**
     * Whether the post is about Russia's war on Ukraine by its context words: one stands in the headline or
     * the lead, or in {@code bodySentences} sentences of the body (one further down is a passing mention).
     *
     * @param hits the context words found
     */
    static boolean aboutTheWar(Lexicon.Hits hits, PostText text, int bodySentences) {
        int body = 0;
        for (int s = 0; s < text.sentenceCount(); s++) {
            if (hits.bySentence().get(s).isEmpty()) {
                continue;
            }
            if (text.zoneOf(s) != PostText.Zone.BODY) {
                return true;
            }
            body++;
        }
        return body > 0 && body >= bodySentences;
    }
}
