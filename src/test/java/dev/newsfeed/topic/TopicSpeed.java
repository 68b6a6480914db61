package dev.newsfeed.topic;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsfeed.extract.ExtractedPost;
import dev.newsfeed.extract.ExtractionException;
import dev.newsfeed.extract.Extractor;
import dev.newsfeed.extract.PageContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Classification speed on one thread, for {@code bench/topics/speed.sh}: the posts the extractor finds in the
 * seeds and the corpus's labelled posts, classified over and over after a warm-up as ingest classifies them
 * ({@link TopicLinks#classify}), by the built-in classifier alone and with custom topics beside it. Not a test: a timing on a shared machine says
 * nothing about a change unless it is compared in turns with the timing before it.
 * <p>
 * {@code dump FILE} writes every post's scores and topics instead, to compare a change's output with the
 * output before it byte for byte.
 */
final class TopicSpeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Custom topics as users create them: a phrase, an exclusion, an "or", places. */
    private static final List<CustomTopicMatcher> CUSTOM = List.of(
            new CustomTopicMatcher("grain", "\"grain deal\" -turkey", List.of()),
            new CustomTopicMatcher("power", "power or electricity attack", List.of("Kyiv", "Kharkiv")),
            new CustomTopicMatcher("drones", "drones", List.of()));

    /** A post as the classifier sees it. */
    private record Post(String id, String headline, List<String> body) {
    }

    private TopicSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = LabelledPosts.corpusDir();
        TopicClassifier classifier = TopicClassifier.builtin();
        if (args.length > 0 && args[0].equals("dump")) {
            dump(classifier, corpus, Path.of(args[1]));
            return;
        }
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        List<Post> posts = new ArrayList<>(extracted(Path.of("seeds"), "seed:"));
        posts.addAll(labelled(LabelledPosts.corpus(corpus)));
        long bytes = posts.stream().mapToLong(TopicSpeed::bytes).sum();
        System.out.printf("%d posts, %.2f MB of post text; rounds of %.1f s on one thread%n", posts.size(),
                bytes / 1e6, seconds);
        // Warm the JIT up on both paths before anything is timed.
        time(posts, classifier, List.of(), 2 * seconds);
        time(posts, classifier, CUSTOM, 2 * seconds);
        System.out.printf("%-34s %10s %10s %10s%n", "", "posts/s", "MB/s", "median MB/s");
        report("built-in topics", posts, bytes, classifier, List.of(), seconds);
        report("built-in + " + CUSTOM.size() + " custom topics", posts, bytes, classifier, CUSTOM, seconds);
    }

    /** Seven rounds; the best round's rate and the median's. */
    private static void report(String what, List<Post> posts, long bytes, TopicClassifier classifier,
                               List<CustomTopicMatcher> custom, double seconds) {
        List<Double> perSecond = new ArrayList<>();
        for (int round = 0; round < 7; round++) {
            perSecond.add(time(posts, classifier, custom, seconds));
        }
        perSecond.sort(Double::compare);
        double best = perSecond.get(perSecond.size() - 1);
        double median = perSecond.get(perSecond.size() / 2);
        double mbPerPass = bytes / 1e6;
        System.out.printf("%-34s %10.0f %10.2f %10.2f%n", what, best * posts.size(), best * mbPerPass,
                median * mbPerPass);
    }

    /** Passes over all posts per second, for at least {@code seconds}. */
    private static double time(List<Post> posts, TopicClassifier classifier, List<CustomTopicMatcher> custom,
                               double seconds) {
        long t0 = System.nanoTime();
        long until = t0 + (long) (seconds * 1e9);
        int passes = 0;
        int sink = 0;
        do {
            for (Post p : posts) {
                sink += TopicLinks.classify(null, p.headline(), p.body(), classifier, custom).matches().size();
            }
            passes++;
        } while (System.nanoTime() < until);
        if (sink < 0) {
            System.out.println(sink);
        }
        return passes / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * Every post's scores for every topic (sum and evidence), its topics, and each custom topic's match: the
     * extractor's posts of the seeds and of the corpus pages, and the labelled seeds and corpus posts.
     */
    private static void dump(TopicClassifier classifier, Path corpus, Path file) throws Exception {
        List<Post> posts = new ArrayList<>(extracted(Path.of("seeds"), "seed:"));
        posts.addAll(extracted(corpus.resolve("pages"), "page:"));
        posts.addAll(labelled(LabelledPosts.seeds(Path.of("seeds"), Path.of("src/test/resources/gold/seed-posts.jsonl"))));
        posts.addAll(labelled(LabelledPosts.corpus(corpus)));
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (Post p : posts) {
                out.println(p.id());
                for (TopicScorer.Scored s : classifier.scores(p.headline(), p.body())) {
                    out.println("  score " + s.sum() + " " + JSON.writeValueAsString(s.evidence()));
                }
                out.println("  topics " + JSON.writeValueAsString(classifier.classify(p.headline(), p.body())));
                out.println("  links " + JSON.writeValueAsString(
                        TopicLinks.classify(null, p.headline(), p.body(), classifier, CUSTOM).matches()));
                for (CustomTopicMatcher m : CUSTOM) {
                    out.println("  custom " + JSON.writeValueAsString(m.match(p.headline(), p.body()).orElse(null)));
                }
            }
        }
        System.out.println(posts.size() + " posts written to " + file);
    }

    private static List<Post> extracted(Path dir, String prefix) throws IOException, ExtractionException {
        Extractor extractor = new Extractor();
        PageContext context = PageContext.capturedAt(Instant.parse("2022-10-04T16:00:00Z"));
        List<Post> out = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(dir)) {
            pages = files.filter(f -> !f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path page : pages) {
            List<ExtractedPost> found = extractor.extract(Files.readString(page, StandardCharsets.UTF_8), context)
                    .posts();
            for (int i = 0; i < found.size(); i++) {
                out.add(new Post(prefix + page.getFileName() + "#" + i, found.get(i).headline(), found.get(i).body()));
            }
        }
        return out;
    }

    private static List<Post> labelled(List<LabelledPost> posts) {
        return posts.stream().map(p -> new Post("labelled:" + p.id(), p.headline(), p.body())).toList();
    }

    private static long bytes(Post p) {
        long n = p.headline() == null ? 0 : p.headline().getBytes(StandardCharsets.UTF_8).length;
        for (String paragraph : p.body()) {
            n += paragraph.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }
}
