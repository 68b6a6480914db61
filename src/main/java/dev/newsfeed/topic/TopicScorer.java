package dev.newsfeed.topic;

import java.util.ArrayList;
import java.util.List;

/** One topic's weights applied to a post: the sum that decides, and the evidence that explains it. */
final class TopicScorer {

    /** The logistic of {@code sum} is the score; {@code evidence} itemises the sum. */
    record Scored(double sum, TopicEvidence evidence) {
        double score() {
            return 1 / (1 + Math.exp(-sum));
        }
    }

    private final TopicModel.TopicWeights weights;
    private final Lexicon lexicon;

    TopicScorer(TopicModel.TopicWeights weights) {
        this.weights = weights;
        List<Lexicon.Entry> entries = new ArrayList<>();
        for (TopicModel.WeightedTerm w : weights.terms()) {
            entries.add(new Lexicon.Entry(Term.parse(w.term()), Lexicon.Kind.of(w.kind())));
        }
        this.lexicon = new Lexicon(entries);
    }

    String slug() {
        return weights.slug();
    }

    Lexicon lexicon() {
        return lexicon;
    }

    boolean claimsHeadline(PostText text, Lexicon.Hits hits) {
        return lexicon.claimsHeadline(text, hits);
    }

    /**
     * @param others topics whose words stand in the headline when this topic's do not: the post is about
     *               them, and this topic's words further down are likely a passing mention
     */
    Scored score(PostText text, Lexicon.Hits hits, TopicModel model, boolean context, List<String> others,
                 TopicEvidence.Rivals rivals) {
        TopicModel.Settings settings = model.settings();
        int words = text.wordCount();
        int body = text.bodyWordCount();
        double sum = weights.bias();
        List<TopicEvidence.Hit> terms = new ArrayList<>();
        List<TopicEvidence.Hit> places = new ArrayList<>();
        for (int e = 0; e < lexicon.entries().size(); e++) {
            int[] c = hits.counts()[e];
            if (c[0] + c[1] + c[2] == 0) {
                continue;
            }
            TopicModel.WeightedTerm w = weights.terms().get(e);
            double contribution = w.weight().of(settings.counts(c, body));
            sum += contribution;
            TopicEvidence.Hit hit = new TopicEvidence.Hit(w.term(), w.kind(), c[0], c[1], c[2], shown(w.weight()),
                    TopicModel.round(contribution));
            (lexicon.entries().get(e).kind() == Lexicon.Kind.PLACE ? places : terms).add(hit);
        }
        int[] t = hits.together();
        TopicEvidence.Together together = null;
        if (t[0] + t[1] + t[2] > 0) {
            double contribution = weights.together().of(settings.counts(t, body));
            sum += contribution;
            together = new TopicEvidence.Together(t[0], t[1], t[2], shown(weights.together()),
                    TopicModel.round(contribution));
        }
        TopicEvidence.Elsewhere headlineOfOthers = null;
        if (!others.isEmpty()) {
            sum += model.otherHeadlineWeight();
            headlineOfOthers = new TopicEvidence.Elsewhere(List.copyOf(others), model.otherHeadlineWeight());
        }
        if (rivals != null) {
            sum += rivals.value() * rivals.weight();
        }
        Double noContext = null;
        if (!context) {
            sum += model.noContextWeight();
            noContext = model.noContextWeight();
        }
        TopicEvidence evidence = new TopicEvidence(words, TopicModel.round(lexicon.share(text, hits)),
                weights.bias(), byContribution(terms), byContribution(places), together, headlineOfOthers, rivals,
                noContext);
        return new Scored(sum, evidence);
    }

    private static TopicEvidence.Weights shown(TopicModel.ZoneWeights w) {
        return new TopicEvidence.Weights(w.headline(), w.lead(), w.body());
    }

    private static List<TopicEvidence.Hit> byContribution(List<TopicEvidence.Hit> hits) {
        List<TopicEvidence.Hit> sorted = new ArrayList<>(hits);
        sorted.sort((a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())));
        return sorted;
    }
}
