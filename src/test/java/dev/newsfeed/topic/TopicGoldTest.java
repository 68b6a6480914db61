package dev.newsfeed.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsfeed.extract.ExtractedPost;
import dev.newsfeed.extract.Extractor;
import dev.newsfeed.extract.PageContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The classifier against gold topics: the shipped model on the 27 seed posts (in-sample: it was trained on
 * them), and models trained by the trainer on posts they then never score: the seeds one seed page left out at
 * a time, the seeds by a model trained on the corpus alone, and k-fold cross-validation on the corpus, by page.
 * Per-topic precision and recall and the micro figures are printed; README.md's "Topics" section quotes them.
 */
class TopicGoldTest {

    /** Folds of the cross-validation. */
    static final int K = 5;

    private static BuiltinTopics priors;
    private static List<LabelledPost> seeds;
    private static List<LabelledPost> corpus;

    @BeforeAll
    static void load() {
        priors = BuiltinTopics.load();
        seeds = LabelledPosts.seeds(Path.of("seeds"), Path.of("src/test/resources/gold/seed-posts.jsonl"));
        corpus = LabelledPosts.corpus(LabelledPosts.corpusDir());
    }

    @Test
    void seedPostsMicroF1IsAtLeast092() {
        List<String> errors = new ArrayList<>();
        TopicScores scores = CrossValidation.score(TopicClassifier.builtin(), seeds, errors);
        System.out.print(scores.table("Seed posts, shipped model, trained on them too (" + seeds.size() + " posts)"));
        errors.forEach(e -> System.out.println("    " + e));
        assertTrue(scores.microF1() >= 0.92, "micro-F1 on the seeds " + scores.microF1() + " is below 0.92");
    }

    /** The seeds as the service gets them, through the extractor: the same figure, give or take its cut. */
    @Test
    void seedPostsAsExtractedMicroF1IsAtLeast092() throws Exception {
        TopicClassifier classifier = TopicClassifier.builtin();
        TopicScores scores = new TopicScores(slugs());
        Extractor extractor = new Extractor();
        for (String file : seeds.stream().map(p -> p.page().substring("seed:".length())).distinct().toList()) {
            String text = Files.readString(Path.of("seeds", file), StandardCharsets.UTF_8);
            List<ExtractedPost> posts = extractor.extract(text,
                    PageContext.capturedAt(Instant.parse("2022-10-05T00:00:00Z"))).posts();
            for (LabelledPost gold : seeds.stream().filter(p -> p.page().equals("seed:" + file)).toList()) {
                ExtractedPost post = posts.stream().filter(p -> gold.headline().equals(p.headline())).findFirst()
                        .orElseThrow(() -> new AssertionError("the extractor has no post headed " + gold.headline()));
                Set<String> got = new TreeSet<>();
                classifier.classify(post.headline(), post.body()).forEach(m -> got.add(m.slug()));
                scores.add(gold.topics(), got);
            }
        }
        System.out.print(scores.table("Seed posts as the extractor reads them, shipped model"));
        assertTrue(scores.microF1() >= 0.92, "micro-F1 on the extracted seeds " + scores.microF1() + " is below 0.92");
    }

    private static CrossValidation.Result crossValidation;

    /** One cross-validation for the tests that read it: it trains K models. */
    private static synchronized CrossValidation.Result crossValidation() {
        if (crossValidation == null) {
            crossValidation = CrossValidation.run(priors, seeds, corpus, K, TopicTrainer.Options.standard());
        }
        return crossValidation;
    }

    /**
     * Deals of the corpus's pages to folds scored by {@link #crossValidatedMicroF1OnHighConfidenceCorpusPosts}:
     * the fixed deal (pages in name order) and this many shuffled ones more. One deal's figure moves by about
     * three points with which pages share a fold (87 high-confidence posts), so the floor is on the mean.
     */
    static final int SHUFFLED_DEALS = 9;

    /**
     * Ratchet: the cross-validated micro-F1 on the corpus's high-confidence posts, averaged over the deals,
     * set a little below the mean last measured over these ten deals (bench/topics/README.md has it; a few
     * deals are not a figure); raise it when the model gets better, never lower it to let a change through.
     */
    static final double CROSS_VALIDATED_FLOOR = 0.870;

    @Test
    void crossValidatedMicroF1OnHighConfidenceCorpusPosts() {
        CrossValidation.Result r = crossValidation();
        System.out.print(r.high().table(K + "-fold cross-validation by page, high-confidence corpus posts ("
                + corpus.stream().filter(LabelledPost::high).count() + ")"));
        System.out.print(r.low().table("The same folds, low-confidence corpus posts (for information, "
                + corpus.stream().filter(p -> !p.high()).count() + ")"));
        r.errors().forEach(e -> System.out.println("    " + e));
        List<String> pages = new ArrayList<>(new TreeSet<>(corpus.stream().map(LabelledPost::page).toList()));
        double[] f1 = new double[SHUFFLED_DEALS + 1];
        f1[0] = r.high().microF1();
        java.util.stream.IntStream.rangeClosed(1, SHUFFLED_DEALS).parallel().forEach(deal -> {
            List<String> shuffled = new ArrayList<>(pages);
            java.util.Collections.shuffle(shuffled, new java.util.Random(deal));
            f1[deal] = CrossValidation.run(priors, seeds, corpus, K, TopicTrainer.Options.standard(), shuffled)
                    .high().microF1();
        });
        double mean = java.util.Arrays.stream(f1).average().orElse(0);
        System.out.printf("cross-validated micro-F1 (high confidence) over %d deals: mean %.3f, min %.3f, max %.3f, "
                + "fixed deal %.3f%n", f1.length, mean, java.util.Arrays.stream(f1).min().orElse(0),
                java.util.Arrays.stream(f1).max().orElse(0), f1[0]);
        assertTrue(mean >= CROSS_VALIDATED_FLOOR, "cross-validated micro-F1 " + mean + " is below the floor "
                + CROSS_VALIDATED_FLOOR);
    }

    /** Election and Gaza posts scored by models that never saw their page get no war topic. */
    @Test
    void otherNewsGetsNoWarTopicFromModelsThatNeverSawIt() {
        List<LabelledPost> other = corpus.stream().filter(LabelledPost::otherNews).toList();
        assertTrue(other.size() >= 15, "the corpus has its election and Gaza pages");
        List<String> wrong = new ArrayList<>();
        for (LabelledPost p : other) {
            Set<String> got = crossValidation().topics().get(p);
            if (!got.isEmpty()) {
                wrong.add(p.id() + " got " + got);
            }
        }
        assertEquals(List.of(), wrong, "posts of other news given war topics");
    }

    /**
     * Micro-F1 of leave-one-seed-page-out cross-validation must reach issue 19's 0.92 on the seeds; it measures
     * 0.930 (bench/topics/README.md; training is deterministic). Raise it when the model gets better, never lower
     * it to let a change through.
     */
    static final double SEED_PAGES_FLOOR = 0.92;

    /**
     * The seeds' honest figure: each seed page is read by a model trained on the corpus and the other seed
     * pages, never on a post of the page it reads; the 27 posts' decisions are pooled.
     */
    @Test
    void seedPostsByLeaveOneSeedPageOutCrossValidation() {
        CrossValidation.Result r = CrossValidation.seedPages(priors, seeds, corpus, TopicTrainer.Options.standard());
        System.out.print(r.high().table("Seed posts, one seed page left out at a time (trained on the corpus and the "
                + "other seed pages)"));
        r.errors().forEach(e -> System.out.println("    " + e));
        assertEquals(seeds.size(), r.topics().size(), "every seed post is scored once");
        assertTrue(r.high().microF1() >= SEED_PAGES_FLOOR, "leave-one-seed-page-out micro-F1 " + r.high().microF1()
                + " is below the floor " + SEED_PAGES_FLOOR);
    }

    /** A check on the seeds' figure: a model that never saw the seeds, trained on the corpus alone. */
    @Test
    void modelTrainedWithoutTheSeedsReadsThemAtLeast085() {
        TopicClassifier classifier = new TopicClassifier(priors.definitions(),
                TopicTrainer.train(priors, corpus, TopicTrainer.Options.standard()));
        List<String> errors = new ArrayList<>();
        TopicScores scores = CrossValidation.score(classifier, seeds, errors);
        System.out.print(scores.table("Seed posts, model trained on the corpus only"));
        errors.forEach(e -> System.out.println("    " + e));
        assertTrue(scores.microF1() >= 0.85, "micro-F1 on the unseen seeds " + scores.microF1() + " is below 0.85");
    }

    private static List<String> slugs() {
        return priors.definitions().stream().map(TopicDefinition::slug).toList();
    }
}
