package dev.newsfeed.topic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The figures of bench/README.md's "Topics" section: the trainer's standard options measured on the seeds (the
 * shipped model, a model trained on the corpus only, and one seed page left out at a time) and,
 * by k-fold cross-validation by page, on the corpus; then the same over other deals of the pages to folds
 * (shuffled with seeds 1..n), since with 87 high-confidence posts one deal's figure moves by a few points.
 * Run by {@code bench/topics/report.sh [corpus-dir] [deals]}.
 */
final class TopicReport {

    private TopicReport() {
    }

    public static void main(String[] args) {
        Path corpusDir = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
        int deals = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        BuiltinTopics priors = BuiltinTopics.load();
        List<LabelledPost> seeds = LabelledPosts.seeds(Path.of("seeds"),
                Path.of("src/test/resources/gold/seed-posts.jsonl"));
        List<LabelledPost> corpus = LabelledPosts.corpus(corpusDir);
        TopicTrainer.Options options = TopicTrainer.Options.standard();
        List<LabelledPost> all = new ArrayList<>(seeds);
        all.addAll(corpus);
        TopicClassifier shipped = new TopicClassifier(priors.definitions(), TopicTrainer.train(priors, all, options));
        System.out.print(CrossValidation.score(shipped, seeds, null).table("Seeds, model trained on everything"));
        TopicClassifier corpusOnly = new TopicClassifier(priors.definitions(),
                TopicTrainer.train(priors, corpus, options));
        System.out.print(CrossValidation.score(corpusOnly, seeds, null).table("Seeds, model trained on the corpus only"));
        CrossValidation.Result seedPages = CrossValidation.seedPages(priors, seeds, corpus, options);
        System.out.print(seedPages.high().table("Seeds, one seed page left out at a time (trained on the corpus and "
                + "the other seed pages)"));
        seedPages.errors().forEach(e -> System.out.println("    " + e));
        int k = TopicGoldTest.K;
        CrossValidation.Result fixed = CrossValidation.run(priors, seeds, corpus, k, options);
        System.out.print(fixed.high().table(k + "-fold by page (the test's deal), high confidence"));
        System.out.print(fixed.low().table(k + "-fold by page (the test's deal), low confidence"));
        long other = corpus.stream().filter(LabelledPost::otherNews).count();
        long otherWrong = corpus.stream().filter(LabelledPost::otherNews)
                .filter(p -> !fixed.topics().get(p).isEmpty()).count();
        System.out.printf("other news (election and Gaza pages): %d of %d posts given a war topic%n", otherWrong, other);
        List<String> pages = new ArrayList<>(new TreeSet<>(corpus.stream().map(LabelledPost::page).toList()));
        TopicScores high = new TopicScores(priors.definitions().stream().map(TopicDefinition::slug).toList());
        TopicScores low = new TopicScores(priors.definitions().stream().map(TopicDefinition::slug).toList());
        double min = 1;
        double max = 0;
        double sum = 0;
        long otherGiven = 0;
        for (int deal = 1; deal <= deals; deal++) {
            List<String> shuffled = new ArrayList<>(pages);
            Collections.shuffle(shuffled, new Random(deal));
            CrossValidation.Result r = CrossValidation.run(priors, seeds, corpus, k, options, shuffled);
            otherGiven += corpus.stream().filter(LabelledPost::otherNews).filter(p -> !r.topics().get(p).isEmpty())
                    .count();
            high.addAll(r.high());
            low.addAll(r.low());
            double f1 = r.high().microF1();
            min = Math.min(min, f1);
            max = Math.max(max, f1);
            sum += f1;
            System.out.printf("deal %d: high %.3f, low %.3f%n", deal, f1, r.low().microF1());
        }
        System.out.print(high.table(deals + " shuffled deals pooled, high confidence"));
        System.out.print(low.table(deals + " shuffled deals pooled, low confidence"));
        System.out.printf("high-confidence micro-F1 over %d deals: mean %.3f, min %.3f, max %.3f%n", deals,
                sum / deals, min, max);
        System.out.printf("other news given a war topic over %d deals: %d of %d%n", deals, otherGiven, other * deals);
    }
}
