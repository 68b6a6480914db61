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
 * fixed amount, as does, for a front, a post whose front places are mostly another front's ({@link #rivals}),
 * and a post naming nothing of the war gets no topic. The logistic of the sum is the score; a
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
        List<TopicEvidence.Rivals> rivals = rivals(model.settings().fronts(),
                scorers.stream().map(TopicScorer::lexicon).toList(),
                scorers.stream().map(TopicScorer::slug).toList(), hits, text, model.otherFrontWeight());
        List<TopicScorer.Scored> out = new ArrayList<>();
        for (int t = 0; t < scorers.size(); t++) {
            List<String> others = claimants.contains(scorers.get(t).slug()) ? List.of() : claimants;
            out.add(scorers.get(t).score(text, hits.get(t), model, inWar, others, rivals.get(t)));
        }
        return out;
    }

    /**
     * Fronts compete for a post: the topics with places (kherson-front, eastern-front). A post mostly about one
     * front that names another's towns in a sentence or two is not about that other front, so a front whose
     * places stand in few of the sentences naming front places gets {@code value} times the learned
     * {@link TopicModel#otherFrontWeight} (negative). Per topic, null where no other front competes.
     * {@code mode} ({@link TopicModel.Settings#fronts}): 3 (shipped), the share of the sentences naming this
     * front's places or only another front's that name only another front's; 2, the same with a sentence naming
     * both counted for both; 1, value 1 when this front's places stand only in the body and another front's in
     * the headline or lead; 0, no competition.
     */
    static List<TopicEvidence.Rivals> rivals(int mode, List<Lexicon> lexicons, List<String> slugs,
                                             List<Lexicon.Hits> hits, PostText text, double weight) {
        int n = lexicons.size();
        List<TopicEvidence.Rivals> out = new ArrayList<>(java.util.Collections.nCopies(n, null));
        if (mode == 0) {
            return out;
        }
        boolean[][] places = new boolean[n][];
        for (int t = 0; t < n; t++) {
            places[t] = lexicons.get(t).hasPlaces() ? lexicons.get(t).placeSentences(text, hits.get(t)) : null;
        }
        for (int t = 0; t < n; t++) {
            if (places[t] == null) {
                continue;
            }
            int ownTop = 0;
            int ownBody = 0;
            for (int s = 0; s < places[t].length; s++) {
                if (places[t][s]) {
                    if (text.zoneOf(s) == PostText.Zone.BODY) {
                        ownBody++;
                    } else {
                        ownTop++;
                    }
                }
            }
            if (ownTop + ownBody == 0) {
                continue;
            }
            List<String> others = new ArrayList<>();
            int theirs = 0;
            boolean[] any = new boolean[places[t].length];
            for (int o = 0; o < n; o++) {
                if (o == t || places[o] == null) {
                    continue;
                }
                boolean named = false;
                for (int s = 0; s < any.length; s++) {
                    boolean counts = places[o][s] && (mode == 1 ? text.zoneOf(s) != PostText.Zone.BODY
                            : mode == 2 || !places[t][s]);
                    if (counts) {
                        named = true;
                        any[s] = true;
                    }
                }
                if (named) {
                    others.add(slugs.get(o));
                }
            }
            for (boolean a : any) {
                theirs += a ? 1 : 0;
            }
            double value;
            if (mode == 1) {
                value = ownTop == 0 && theirs > 0 ? 1 : 0;
            } else {
                int mine = ownTop + ownBody;
                value = theirs == 0 ? 0 : (double) theirs / (mine + theirs);
            }
            if (value > 0) {
                out.set(t, new TopicEvidence.Rivals(List.copyOf(others), ownTop + ownBody, theirs,
                        TopicModel.round(value), weight, TopicModel.round(value * weight)));
            }
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
