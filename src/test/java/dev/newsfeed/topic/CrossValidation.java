package dev.newsfeed.topic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * k-fold cross-validation on the corpus, grouped by page: the pages are dealt round-robin in name order
 * (names start with the outlet, so every fold gets a mix of outlets), and a fold's model is trained on the
 * other folds' posts (and the seeds, when asked), never on a post of the pages it scores. The seeds are
 * cross-validated the same way, one seed page left out at a time ({@link #seedPages}).
 */
final class CrossValidation {

    /** Figures on the posts scored: high-confidence gold, low-confidence gold, and each post's topics. */
    record Result(TopicScores high, TopicScores low, Map<LabelledPost, Set<String>> topics) {

        /** Posts given other topics than their gold ones, one line each. */
        List<String> errors() {
            List<String> out = new ArrayList<>();
            topics.forEach((p, got) -> {
                if (!got.equals(p.topics())) {
                    out.add(String.format("%-4s %-60s gold %s got %s", p.high() ? "high" : "low",
                            p.id().length() > 60 ? p.id().substring(0, 60) : p.id(), new TreeSet<>(p.topics()), got));
                }
            });
            return out;
        }
    }

    private CrossValidation() {
    }

    static Result run(BuiltinTopics priors, List<LabelledPost> seeds, List<LabelledPost> corpus, int k,
                      TopicTrainer.Options options) {
        return run(priors, seeds, corpus, k, options,
                new ArrayList<>(new TreeSet<>(corpus.stream().map(LabelledPost::page).toList())));
    }

    /** As above with the pages dealt in the given order. */
    static Result run(BuiltinTopics priors, List<LabelledPost> seeds, List<LabelledPost> corpus, int k,
                      TopicTrainer.Options options, List<String> pages) {
        List<String> slugs = priors.definitions().stream().map(TopicDefinition::slug).toList();
        TopicScores high = new TopicScores(slugs);
        TopicScores low = new TopicScores(slugs);
        Map<LabelledPost, Set<String>> topics = new LinkedHashMap<>();
        for (int fold = 0; fold < k; fold++) {
            Set<String> held = heldOut(pages, fold, k);
            List<LabelledPost> training = training(seeds, corpus, held);
            TopicClassifier classifier = new TopicClassifier(priors.definitions(),
                    TopicTrainer.train(priors, training, options));
            for (LabelledPost p : corpus) {
                if (!held.contains(p.page())) {
                    continue;
                }
                Set<String> got = topics(classifier, p);
                (p.high() ? high : low).add(p.topics(), got);
                topics.put(p, got);
            }
        }
        return new Result(high, low, topics);
    }

    /**
     * Leave-one-seed-page-out cross-validation: for each seed page, a model trained on the corpus and the other
     * seed pages' posts scores that page's posts, so no seed post is scored by a model that saw it or a post of
     * its page. The 27 posts' decisions are pooled (all seeds are of high confidence: {@code low} stays empty).
     */
    static Result seedPages(BuiltinTopics priors, List<LabelledPost> seeds, List<LabelledPost> corpus,
                            TopicTrainer.Options options) {
        List<String> slugs = priors.definitions().stream().map(TopicDefinition::slug).toList();
        TopicScores high = new TopicScores(slugs);
        Map<LabelledPost, Set<String>> topics = new LinkedHashMap<>();
        List<String> pages = seeds.stream().map(LabelledPost::page).distinct().toList();
        List<TopicClassifier> models = pages.parallelStream()
                .map(page -> withoutSeedPage(priors, seeds, corpus, page, options)).toList();
        for (int i = 0; i < pages.size(); i++) {
            for (LabelledPost p : seeds) {
                if (p.page().equals(pages.get(i))) {
                    Set<String> got = topics(models.get(i), p);
                    high.add(p.topics(), got);
                    topics.put(p, got);
                }
            }
        }
        return new Result(high, new TopicScores(slugs), topics);
    }

    /** A model trained on the corpus and every seed post but those of the given seed page. */
    static TopicClassifier withoutSeedPage(BuiltinTopics priors, List<LabelledPost> seeds, List<LabelledPost> corpus,
                                           String page, TopicTrainer.Options options) {
        List<LabelledPost> training = new ArrayList<>(seeds.stream().filter(p -> !p.page().equals(page)).toList());
        training.addAll(corpus);
        return new TopicClassifier(priors.definitions(), TopicTrainer.train(priors, training, options));
    }

    /** The pages fold {@code fold} of {@code k} scores: every k-th page, so a page's posts stay together. */
    static Set<String> heldOut(List<String> pages, int fold, int k) {
        Set<String> held = new HashSet<>();
        for (int i = fold; i < pages.size(); i += k) {
            held.add(pages.get(i));
        }
        return held;
    }

    /** What a fold's model learns from: the seeds and every corpus post of a page it does not score. */
    static List<LabelledPost> training(List<LabelledPost> seeds, List<LabelledPost> corpus, Set<String> held) {
        List<LabelledPost> training = new ArrayList<>(seeds);
        corpus.stream().filter(p -> !held.contains(p.page())).forEach(training::add);
        return training;
    }

    static Set<String> topics(TopicClassifier classifier, LabelledPost p) {
        Set<String> got = new TreeSet<>();
        classifier.classify(p.headline(), p.body()).forEach(m -> got.add(m.slug()));
        return got;
    }

    /** The classifier on the given posts, with each wrong post in {@code errors}. */
    static TopicScores score(TopicClassifier classifier, List<LabelledPost> posts, List<String> errors) {
        TopicScores s = new TopicScores(classifier.definitions().stream().map(TopicDefinition::slug).toList());
        for (LabelledPost p : posts) {
            Set<String> got = topics(classifier, p);
            s.add(p.topics(), got);
            if (!got.equals(p.topics()) && errors != null) {
                errors.add(String.format("%-40s gold %s got %s", p.id(), new TreeSet<>(p.topics()), got));
            }
        }
        return s;
    }
}
