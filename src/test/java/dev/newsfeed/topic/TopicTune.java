package dev.newsfeed.topic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Compares trainer options by the same cross-validation as {@link TopicGoldTest} (5 folds by page, the fixed
 * deal and shuffled ones), so a change of {@link TopicTrainer.Options} is judged on a mean, not on one deal.
 * Run by {@code bench/topics/tune.sh}:
 * <ul>
 * <li>{@code tune.sh 10 learnedL1=3 headline=2,lead=1}: the standard options and each variant (names as in
 * {@link TopicTrainer.Options}; {@code minWords}, {@code exponent}, {@code contextSentences} and {@code fronts}
 * are the settings').</li>
 * <li>With {@code -Dtopics.detail=true} in {@code JAVA_TOOL_OPTIONS}, each variant's per-topic figures
 * pooled over the deals; with {@code -Dtopics.skipStandard=true}, the variants only.</li>
 * <li>{@code tune.sh errors}: the fixed deal's wrong high-confidence posts with each wrong topic's sum;
 * {@code tune.sh errors 10}: every wrong post over the fixed deal and nine shuffled ones, with how many deals
 * got each of its topics wrong.</li>
 * <li>{@code tune.sh seeds}: the seeds by leave-one-seed-page-out cross-validation (each page read by a
 * model trained on the corpus and the other seed pages), then read by a model trained on the corpus only, with
 * the wrong posts of each (and, with {@code -Dtopics.detail=true}, each wrong topic's sum and evidence).</li>
 * <li>{@code tune.sh learned}: the learned words of the model trained on everything.</li>
 * </ul>
 */
final class TopicTune {

    private TopicTune() {
    }

    public static void main(String[] args) {
        BuiltinTopics priors = BuiltinTopics.load();
        List<LabelledPost> seeds = LabelledPosts.seeds(Path.of("seeds"),
                Path.of("src/test/resources/gold/seed-posts.jsonl"));
        List<LabelledPost> corpus = LabelledPosts.corpus(LabelledPosts.corpusDir());
        TopicTrainer.Options standard = TopicTrainer.Options.standard();
        if (args.length > 0 && args[0].equals("errors")) {
            if (args.length > 1) {
                pooledErrors(priors, seeds, corpus, standard, Integer.parseInt(args[1]));
            } else {
                errors(priors, seeds, corpus, standard);
            }
            return;
        }
        if (args.length > 0 && args[0].equals("seeds")) {
            boolean detail = Boolean.getBoolean("topics.detail");
            List<String> slugs = priors.definitions().stream().map(TopicDefinition::slug).toList();
            CrossValidation.Result byPage = CrossValidation.seedPages(priors, seeds, corpus, standard);
            System.out.print(byPage.high().table("Seeds, one seed page left out at a time (model trained on the "
                    + "corpus and the other seed pages)"));
            byPage.errors().forEach(System.out::println);
            if (detail) {
                for (String page : seeds.stream().map(LabelledPost::page).distinct().toList()) {
                    sums(slugs, CrossValidation.withoutSeedPage(priors, seeds, corpus, page, standard),
                            seeds.stream().filter(p -> p.page().equals(page)).toList());
                }
            }
            TopicClassifier corpusOnly = new TopicClassifier(priors.definitions(),
                    TopicTrainer.train(priors, corpus, standard));
            List<String> wrong = new ArrayList<>();
            System.out.print(CrossValidation.score(corpusOnly, seeds, wrong).table("Seeds, model trained on the corpus only"));
            wrong.forEach(System.out::println);
            if (detail) {
                sums(slugs, corpusOnly, seeds);
            }
            return;
        }
        if (args.length > 0 && args[0].equals("learned")) {
            List<LabelledPost> all = new ArrayList<>(seeds);
            all.addAll(corpus);
            for (TopicModel.TopicWeights t : TopicTrainer.train(priors, all, standard).topics()) {
                t.terms().stream().filter(w -> w.kind().equals("learned")).forEach(w ->
                        System.out.printf("%-16s %-16s %s%n", t.slug(), w.term(), w.weight()));
            }
            return;
        }
        int deals = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> pages = new ArrayList<>(new TreeSet<>(corpus.stream().map(LabelledPost::page).toList()));
        Map<String, TopicTrainer.Options> variants = new LinkedHashMap<>();
        if (!Boolean.getBoolean("topics.skipStandard")) {
            variants.put("standard", standard);
        }
        for (int a = 1; a < args.length; a++) {
            TopicTrainer.Options o = standard;
            for (String part : args[a].split(",")) {
                String[] kv = part.split("=");
                o = with(o, kv[0], Double.parseDouble(kv[1]));
            }
            variants.put(args[a], o);
        }
        boolean detail = Boolean.getBoolean("topics.detail");
        List<String> slugs = priors.definitions().stream().map(TopicDefinition::slug).toList();
        for (var v : variants.entrySet()) {
            long t0 = System.nanoTime();
            List<CrossValidation.Result> results = IntStream.range(0, deals).parallel().mapToObj(deal -> {
                List<String> shuffled = new ArrayList<>(pages);
                if (deal > 0) {
                    Collections.shuffle(shuffled, new Random(deal));
                }
                return CrossValidation.run(priors, seeds, corpus, TopicGoldTest.K, v.getValue(), shuffled);
            }).toList();
            double[] f = results.stream().mapToDouble(r -> r.high().microF1()).toArray();
            double low = results.stream().mapToDouble(r -> r.low().microF1()).average().orElse(0);
            TopicClassifier corpusOnly = new TopicClassifier(priors.definitions(),
                    TopicTrainer.train(priors, corpus, v.getValue()));
            double seedF1 = CrossValidation.score(corpusOnly, seeds, null).microF1();
            double seedPagesF1 = CrossValidation.seedPages(priors, seeds, corpus, v.getValue()).high().microF1();
            System.out.printf("%-40s fixed deal %.3f, mean of %d %.3f, min %.3f, max %.3f; low %.3f; seeds by "
                            + "page left out %.3f, by corpus only %.3f (%.0f s)%n", v.getKey(), f[0], deals,
                    Arrays.stream(f).average().orElse(0), Arrays.stream(f).min().orElse(0),
                    Arrays.stream(f).max().orElse(0), low, seedPagesF1, seedF1, (System.nanoTime() - t0) / 1e9);
            if (detail) {
                TopicScores high = new TopicScores(slugs);
                results.forEach(r -> high.addAll(r.high()));
                System.out.print(high.table("  " + deals + " deals pooled, high confidence"));
            }
        }
    }

    private static void errors(BuiltinTopics priors, List<LabelledPost> seeds, List<LabelledPost> corpus,
                               TopicTrainer.Options options) {
        List<String> slugs = priors.definitions().stream().map(TopicDefinition::slug).toList();
        List<String> pages = new ArrayList<>(new TreeSet<>(corpus.stream().map(LabelledPost::page).toList()));
        int k = TopicGoldTest.K;
        for (int fold = 0; fold < k; fold++) {
            Set<String> held = CrossValidation.heldOut(pages, fold, k);
            List<LabelledPost> training = CrossValidation.training(seeds, corpus, held);
            TopicClassifier c = new TopicClassifier(priors.definitions(), TopicTrainer.train(priors, training, options));
            for (LabelledPost p : corpus) {
                if (!held.contains(p.page()) || !p.high()) {
                    continue;
                }
                List<TopicScorer.Scored> scores = c.scores(p.headline(), p.body());
                StringBuilder b = new StringBuilder();
                for (int t = 0; t < slugs.size(); t++) {
                    boolean got = scores.get(t).sum() >= 0;
                    boolean want = p.topics().contains(slugs.get(t));
                    if (got != want) {
                        b.append(String.format(" %s %s (%.2f)", want ? "missed" : "added", slugs.get(t),
                                scores.get(t).sum()));
                    }
                }
                if (!b.isEmpty()) {
                    System.out.printf("%s:%s%n   %s / %.200s%n", p.id(), b, p.headline(), String.join(" / ", p.body()));
                }
            }
        }
    }

    /** Over the fixed deal and shuffled ones: each post's wrong topics, with how many deals got each wrong. */
    private static void pooledErrors(BuiltinTopics priors, List<LabelledPost> seeds, List<LabelledPost> corpus,
                                     TopicTrainer.Options options, int deals) {
        List<String> pages = new ArrayList<>(new TreeSet<>(corpus.stream().map(LabelledPost::page).toList()));
        List<CrossValidation.Result> results = IntStream.range(0, deals).parallel().mapToObj(deal -> {
            List<String> shuffled = new ArrayList<>(pages);
            if (deal > 0) {
                Collections.shuffle(shuffled, new Random(deal));
            }
            return CrossValidation.run(priors, seeds, corpus, TopicGoldTest.K, options, shuffled);
        }).toList();
        for (LabelledPost p : corpus) {
            Map<String, Integer> wrong = new java.util.TreeMap<>();
            for (CrossValidation.Result r : results) {
                Set<String> got = r.topics().get(p);
                for (String t : new TreeSet<>(union(got, p.topics()))) {
                    if (got.contains(t) != p.topics().contains(t)) {
                        wrong.merge((got.contains(t) ? "added " : "missed ") + t, 1, Integer::sum);
                    }
                }
            }
            if (!wrong.isEmpty()) {
                System.out.printf("%s %s: %s%n   %s / %.160s%n", p.high() ? "high" : "low ", p.id(), wrong,
                        p.headline(), String.join(" / ", p.body()));
            }
        }
    }

    /** Each wrong topic of the given posts: its sum (below 0: not given), bias and evidence. */
    private static void sums(List<String> slugs, TopicClassifier classifier, List<LabelledPost> posts) {
        for (LabelledPost p : posts) {
            List<TopicScorer.Scored> scores = classifier.scores(p.headline(), p.body());
            for (int t = 0; t < slugs.size(); t++) {
                if ((scores.get(t).sum() >= 0) != p.topics().contains(slugs.get(t))) {
                    TopicEvidence e = scores.get(t).evidence();
                    System.out.printf("%s %s %.2f bias %.2f %s%n   %s%n   %s%n", p.id(), slugs.get(t),
                            scores.get(t).sum(), e.bias(), e.headlineOfOthers(), e.terms(), e.places());
                }
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    static TopicTrainer.Options with(TopicTrainer.Options o, String k, double v) {
        TopicModel.Settings s = new TopicModel.Settings(k.equals("minWords") ? (int) v : o.settings().minWords(),
                k.equals("exponent") ? v : o.settings().exponent(),
                k.equals("contextSentences") ? (int) v : o.settings().contextSentences(),
                k.equals("fronts") ? (int) v : o.settings().fronts());
        return new TopicTrainer.Options(s, k.equals("headline") ? v : o.headline(), k.equals("lead") ? v : o.lead(),
                k.equals("lowWeight") ? v : o.lowWeight(), k.equals("deviation") ? v : o.deviation(),
                k.equals("biasSpread") ? v : o.biasSpread(), k.equals("kindSpread") ? v : o.kindSpread(),
                k.equals("learnedL1") ? v : o.learnedL1(), k.equals("learnedL2") ? v : o.learnedL2(),
                k.equals("minPosts") ? (int) v : o.minPosts(), k.equals("minPages") ? (int) v : o.minPages(),
                k.equals("noContext") ? v : o.noContext(), k.equals("thresholdFolds") ? (int) v : o.thresholdFolds(),
                k.equals("bags") ? (int) v : o.bags());
    }
}
