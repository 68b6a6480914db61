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
 * {@link TopicTrainer.Options}; {@code minWords} and {@code exponent} are the settings').</li>
 * <li>{@code tune.sh errors}: the fixed deal's wrong high-confidence posts with each wrong topic's sum.</li>
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
            errors(priors, seeds, corpus, standard);
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
        variants.put("standard", standard);
        for (int a = 1; a < args.length; a++) {
            TopicTrainer.Options o = standard;
            for (String part : args[a].split(",")) {
                String[] kv = part.split("=");
                o = with(o, kv[0], Double.parseDouble(kv[1]));
            }
            variants.put(args[a], o);
        }
        for (var v : variants.entrySet()) {
            long t0 = System.nanoTime();
            double[] f = IntStream.range(0, deals).parallel().mapToDouble(deal -> {
                List<String> shuffled = new ArrayList<>(pages);
                if (deal > 0) {
                    Collections.shuffle(shuffled, new Random(deal));
                }
                return CrossValidation.run(priors, seeds, corpus, TopicGoldTest.K, v.getValue(), shuffled).high()
                        .microF1();
            }).toArray();
            System.out.printf("%-40s fixed deal %.3f, mean of %d %.3f, min %.3f, max %.3f (%.0f s)%n", v.getKey(),
                    f[0], deals, Arrays.stream(f).average().orElse(0), Arrays.stream(f).min().orElse(0),
                    Arrays.stream(f).max().orElse(0), (System.nanoTime() - t0) / 1e9);
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

    static TopicTrainer.Options with(TopicTrainer.Options o, String k, double v) {
        TopicModel.Settings s = new TopicModel.Settings(k.equals("minWords") ? (int) v : o.settings().minWords(),
                k.equals("exponent") ? v : o.settings().exponent(),
                k.equals("contextSentences") ? (int) v : o.settings().contextSentences());
        return new TopicTrainer.Options(s, k.equals("headline") ? v : o.headline(), k.equals("lead") ? v : o.lead(),
                k.equals("lowWeight") ? v : o.lowWeight(), k.equals("deviation") ? v : o.deviation(),
                k.equals("biasSpread") ? v : o.biasSpread(), k.equals("kindSpread") ? v : o.kindSpread(),
                k.equals("learnedL1") ? v : o.learnedL1(), k.equals("learnedL2") ? v : o.learnedL2(),
                k.equals("minPosts") ? (int) v : o.minPosts(), k.equals("minPages") ? (int) v : o.minPages(),
                k.equals("noContext") ? v : o.noContext(), k.equals("thresholdFolds") ? (int) v : o.thresholdFolds());
    }
}
