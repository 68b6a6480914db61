package dev.newsfeed.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Runs the extractor over the real pages in {@code ../shared/corpus/} and {@code ../shared/html/} and scores it
 * against their gold posts. {@link CorpusMeasurementTest} holds the floors; {@link #main} prints the table and
 * every miss, for working on the extractor.
 *
 * <p>A gold post is <em>found</em> when one extracted post (each used once, in page order) has the same
 * headline; a gold post without a headline is found by its body's first sentence. "The same" compares
 * {@link Text#key} (letters and digits, lower case), so spacing, NBSP and punctuation do not count, words do.
 * A first sentence cut by the page's end matches an extracted one that it starts (or that starts it), when at
 * least 30 letters long. A post with neither (an empty entry) is found by its time, when it has no text either. On found posts each field is compared after collapsing white space (NBSP included):
 * time (the time token as printed; for HTML gold with a machine time, the same instant also counts), authors
 * (the list), location, first sentence. An extracted post matching no gold post is an <em>extra</em>: on
 * corpus pages some extras are real posts without any header, which have no gold row (see the corpus README).
 */
final class CorpusMeasurement {

    static final Path SHARED = Path.of("..", "shared");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIN_CUT_MATCH = 30;

    /** Counts for one group of pages. */
    static final class Score {
        int gold;
        int found;
        int extra;
        int time;
        int authors;
        int location;
        int firstSentence;
        int firstSentenceGold;

        void add(Score o) {
            gold += o.gold;
            found += o.found;
            extra += o.extra;
            time += o.time;
            authors += o.authors;
            location += o.location;
            firstSentence += o.firstSentence;
            firstSentenceGold += o.firstSentenceGold;
        }

        double foundRate() {
            return rate(found, gold);
        }

        double timeRate() {
            return rate(time, found);
        }

        double authorRate() {
            return rate(authors, found);
        }

        double locationRate() {
            return rate(location, found);
        }

        double firstSentenceRate() {
            return rate(firstSentence, firstSentenceGold);
        }

        private static double rate(int n, int of) {
            return of == 0 ? 1.0 : (double) n / of;
        }
    }

    /** One page's outcome. */
    record PageResult(String file, String outlet, Score score, List<String> misses, int posts, boolean article,
                      ExtractedDocument doc) {
    }

    /** Every page of one data set, with the per-outlet and overall scores. */
    record Report(String name, List<PageResult> pages) {
        Map<String, Score> byOutlet() {
            Map<String, Score> out = new TreeMap<>();
            for (PageResult p : pages) {
                out.computeIfAbsent(p.outlet(), k -> new Score()).add(p.score());
            }
            return out;
        }

        Score total() {
            return total(p -> true);
        }

        Score total(Predicate<PageResult> which) {
            Score s = new Score();
            pages.stream().filter(which).forEach(p -> s.add(p.score()));
            return s;
        }

        String table() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("%s%n%-28s %5s %5s %6s %5s %6s %6s %6s %6s%n", name, "outlet", "gold", "found",
                    "found%", "extra", "time%", "auth%", "loc%", "sent%"));
            byOutlet().forEach((outlet, s) -> b.append(row(outlet, s)));
            b.append(row("ALL", total()));
            return b.toString();
        }

        static String row(String label, Score s) {
            return String.format("%-28s %5d %5d %6.1f %5d %6.1f %6.1f %6.1f %6.1f%n", label, s.gold, s.found,
                    100 * s.foundRate(), s.extra, 100 * s.timeRate(), 100 * s.authorRate(), 100 * s.locationRate(),
                    100 * s.firstSentenceRate());
        }
    }

    private CorpusMeasurement() {
    }

    static Report corpus() throws IOException {
        Path dir = SHARED.resolve("corpus");
        Map<String, String> outlets = outlets(dir.resolve("index.tsv"), 2);
        Map<String, List<JsonNode>> gold = gold(dir.resolve("gold.jsonl"));
        List<PageResult> pages = new ArrayList<>();
        for (Map.Entry<String, String> page : outlets.entrySet()) {
            String text = Files.readString(dir.resolve("pages").resolve(page.getKey()), StandardCharsets.UTF_8);
            pages.add(score(page.getKey(), page.getValue(), text, gold.getOrDefault(page.getKey(), List.of()),
                    false));
        }
        return new Report("corpus (" + pages.size() + " text pages)", pages);
    }

    static Report html() throws IOException {
        Path dir = SHARED.resolve("html");
        Map<String, String> outlets = outlets(dir.resolve("index.tsv"), 4);
        Map<String, List<JsonNode>> gold = gold(dir.resolve("gold.jsonl"));
        List<PageResult> pages = new ArrayList<>();
        for (Map.Entry<String, String> page : outlets.entrySet()) {
            String text = Files.readString(dir.resolve("pages").resolve(page.getKey()), StandardCharsets.UTF_8);
            List<JsonNode> posts = gold.getOrDefault(page.getKey(), List.of());
            boolean article = posts.size() == 1 && posts.get(0).path("n_posts_total").asInt() == 1;
            PageResult r = score(page.getKey(), page.getValue(), text, posts, article);
            if (!article && !posts.isEmpty()) {
                // The gold lists only a live page's first posts: unmatched later posts are not extras, posts
                // beyond the page's own count are.
                r.score().extra = Math.max(0, r.posts() - posts.get(0).path("n_posts_total").asInt());
            }
            pages.add(r);
        }
        return new Report("html (" + pages.size() + " pages)", pages);
    }

    private static PageResult score(String file, String outlet, String text, List<JsonNode> gold, boolean article) {
        Score s = new Score();
        List<String> misses = new ArrayList<>();
        ExtractedDocument doc;
        try {
            doc = new Extractor().extract(text, new PageContext(null, null, null));
        } catch (ExtractionException e) {
            s.gold = gold.size();
            misses.add("REFUSED: " + e.getMessage());
            return new PageResult(file, outlet, s, misses, 0, article, null);
        }
        List<ExtractedPost> posts = doc.posts();
        boolean[] used = new boolean[posts.size()];
        for (JsonNode g : gold) {
            s.gold++;
            int at = match(g, posts, used);
            if (at < 0) {
                misses.add("MISSING #" + g.get("index").asInt() + " " + describe(g));
                continue;
            }
            used[at] = true;
            s.found++;
            compare(g, posts.get(at), s, misses);
        }
        for (int i = 0; i < posts.size(); i++) {
            if (!used[i]) {
                s.extra++;
                misses.add("EXTRA " + i + ": " + clip(posts.get(i).headline()) + " | "
                        + clip(firstSentence(posts.get(i))));
            }
        }
        return new PageResult(file, outlet, s, misses, posts.size(), article, doc);
    }

    private static int match(JsonNode g, List<ExtractedPost> posts, boolean[] used) {
        String headline = text(g, "headline");
        String sentence = text(g, "first_sentence");
        for (int i = 0; i < posts.size(); i++) {
            if (!used[i] && headline != null && Text.key(headline).equals(Text.key(posts.get(i).headline()))) {
                return i;
            }
        }
        if (headline == null && sentence == null) {
            // A post with neither (an empty "9:02 p.m.:" entry) is found by its time alone.
            String time = norm(text(g, "timestamp_text"));
            for (int i = 0; i < posts.size(); i++) {
                if (!used[i] && time != null && time.equals(norm(posts.get(i).timestampText()))
                        && posts.get(i).body().isEmpty()) {
                    return i;
                }
            }
            return -1;
        }
        if (headline != null) {
            return -1;
        }
        String want = Text.key(sentence);
        for (int i = 0; i < posts.size(); i++) {
            if (used[i]) {
                continue;
            }
            String got = Text.key(Objects.requireNonNullElse(firstSentence(posts.get(i)), ""));
            if (got.equals(want) || Math.min(got.length(), want.length()) >= MIN_CUT_MATCH
                    && (got.startsWith(want) || want.startsWith(got))) {
                return i;
            }
        }
        return -1;
    }

    private static void compare(JsonNode g, ExtractedPost p, Score s, List<String> misses) {
        String n = "#" + g.get("index").asInt() + " ";
        if (timeMatches(g, p)) {
            s.time++;
        } else {
            misses.add(n + "time: want " + quote(text(g, "timestamp_text")) + " got " + quote(p.timestampText()));
        }
        List<String> wantAuthors = new ArrayList<>();
        g.get("authors").forEach(a -> wantAuthors.add(norm(a.asText())));
        List<String> gotAuthors = p.authors().stream().map(CorpusMeasurement::norm).toList();
        if (wantAuthors.equals(gotAuthors)) {
            s.authors++;
        } else {
            misses.add(n + "authors: want " + wantAuthors + " got " + gotAuthors);
        }
        if (!g.has("location") || Objects.equals(norm(text(g, "location")), norm(p.location()))) {
            s.location++;
        } else {
            misses.add(n + "location: want " + quote(text(g, "location")) + " got " + quote(p.location()));
        }
        String sentence = text(g, "first_sentence");
        if (sentence != null) {
            s.firstSentenceGold++;
            if (norm(sentence).equals(norm(firstSentence(p)))) {
                s.firstSentence++;
            } else {
                misses.add(n + "sentence: want " + quote(clip(sentence)) + " got " + quote(clip(firstSentence(p))));
            }
        }
    }

    private static boolean timeMatches(JsonNode g, ExtractedPost p) {
        if (Objects.equals(norm(text(g, "timestamp_text")), norm(p.timestampText()))) {
            return true;
        }
        String machine = text(g, "datetime_attr");
        return machine != null && p.publishedAt() != null && p.publishedAt().equals(instant(machine));
    }

    private static Instant instant(String iso) {
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (RuntimeException e) {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")).toInstant();
        }
    }

    static String firstSentence(ExtractedPost p) {
        return p.body().isEmpty() ? null : Text.sentences(p.body().get(0)).get(0);
    }

    /** White space collapsed to one space (NBSP and zero-width spaces included), ends trimmed. */
    static String norm(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Text.isSpace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                }
                b.append(c);
                space = false;
            }
        }
        return b.toString();
    }

    private static String describe(JsonNode g) {
        return quote(text(g, "timestamp_text")) + " " + quote(clip(text(g, "headline"))) + " | "
                + quote(clip(text(g, "first_sentence")));
    }

    private static String clip(String s) {
        return s == null ? null : s.length() <= 90 ? s : s.substring(0, 90) + "…";
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Map<String, String> outlets(Path index, int column) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
            out.put(cols[0], cols[column]);
        }
        return out;
    }

    private static Map<String, List<JsonNode>> gold(Path file) throws IOException {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode g = JSON.readTree(line);
                out.computeIfAbsent(g.get("file").asText(), k -> new ArrayList<>()).add(g);
            }
        }
        return out;
    }

    /**
     * The held-out half: pages picked by a stable hash of their file name, not by outlet or form, so both halves
     * hold a mix. Work on the misses of the other half only ({@code -v} prints those); this half's score is the
     * honest estimate of how the extractor does on pages it was not shaped on.
     */
    static boolean heldOut(String file) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(file.getBytes(StandardCharsets.UTF_8));
        return (crc.getValue() & 1) == 1;
    }

    /**
     * Prints both tables, and with {@code -v} every miss and extra of the development half's pages (or of pages
     * matching args[1]; {@code -v all} shows the held-out half's too).
     */
    public static void main(String[] args) throws IOException {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        String only = args.length > 1 ? args[1] : "";
        for (Report r : List.of(corpus(), html())) {
            if (verbose) {
                for (PageResult p : r.pages()) {
                    boolean shown = only.equals("all") || (only.isEmpty() ? !heldOut(p.file()) : p.file().contains(only));
                    if (shown && !p.misses().isEmpty()) {
                        System.out.println("== " + p.file() + " (" + p.posts() + " posts)");
                        p.misses().forEach(m -> System.out.println("   " + m));
                    }
                }
            }
            System.out.println(r.table());
            Score dev = r.total(p -> !heldOut(p.file()));
            Score held = r.total(p -> heldOut(p.file()));
            System.out.printf("%s%n%s", Report.row("development half", dev), Report.row("held-out half", held));
            r.pages().stream().filter(PageResult::article).forEach(p -> System.out.printf(
                    "article %s: %d post(s)%n", p.file(), p.posts()));
        }
    }
}
