package dev.newsfeed.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The text path measured on pages printed by outlets the corpus does not have: the 13 live blogs of
 * {@code ../shared/html/} rendered to the text a crawler stores (visible text, one line per block element), whole
 * and cut as the corpus's pages are (from the main element, from just above the first post, at 2,000 and 6,000
 * bytes, with time-only lines glued to the next line as crawlers glue them), read by the extractor as text and
 * scored against the HTML gold: posts covered by the text, found, and their time, authors and first sentence.
 * A dev tool, not a test: its figures are in bench/README.md.
 * Usage: java RenderedPagesMeasurement [outDir] [pageFilter]  (texts, posts and misses in outDir);
 *        java RenderedPagesMeasurement --dump file.txt  (one text file's blocks and posts).
 */
public final class RenderedPagesMeasurement {
    static final Path HTML = CorpusMeasurement.SHARED.resolve("html");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "body", "dd", "details",
            "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
            "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
            "table", "tr", "ul", "time", "caption", "tbody", "thead", "tfoot", "picture", "center", "menu");
    static final char MAIN = '\u0001';
    static final Pattern TIME_LINE = Pattern.compile(
            "(?U)^.{0,25}(\\b\\d{1,2}[:.hu]\\d{2}\\b|\\b\\d{1,3}(\\+\\d+)?'|\\b\\d+\\s*(min|mins|minutes|h|hr|hours?)\\s+ago\\b).{0,25}$");

    record Variant(String name, String text) { }

    // ---------------------------------------------------------------- rendering
    static String render(Document doc, boolean bullets, boolean markMain) {
        doc.select("script,style,noscript,svg,template,iframe,object,video,audio,canvas,select,textarea,input,head,[hidden]").remove();
        doc.select("[style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]").remove();
        Element main = markMain ? mainElement(doc) : null;
        StringBuilder b = new StringBuilder();
        Deque<int[]> olCounters = new ArrayDeque<>();
        doc.body().traverse(new NodeVisitor() {
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String s = t.getWholeText().replaceAll("[ \\t\\n\\r\\f]+", " ");
                    if (s.equals(" ") && (b.length() == 0 || b.charAt(b.length() - 1) == '\n'
                            || b.charAt(b.length() - 1) == ' ')) {
                        return;
                    }
                    if (s.startsWith(" ") && (b.length() == 0 || b.charAt(b.length() - 1) == '\n'
                            || b.charAt(b.length() - 1) == ' ')) {
                        s = s.substring(1);
                    }
                    b.append(s);
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (e == main) {
                        nl(b);
                        b.append(MAIN).append('\n');
                    }
                    if (tag.equals("br")) {
                        b.append('\n');
                    } else if (BLOCK.contains(tag)) {
                        nl(b);
                        if (tag.equals("ol")) olCounters.push(new int[]{0});
                        if (tag.equals("ul")) olCounters.push(new int[]{-1});
                        if (bullets && tag.equals("li")) {
                            int[] c = olCounters.isEmpty() ? new int[]{-1} : olCounters.peek();
                            b.append(c[0] < 0 ? "  • " : "  " + (++c[0]) + ". ");
                        }
                    } else if (tag.equals("td") || tag.equals("th")) {
                        b.append(' ');
                    }
                }
            }

            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCK.contains(e.normalName())) {
                    nl(b);
                    if (e.normalName().equals("ol") || e.normalName().equals("ul")) {
                        if (!olCounters.isEmpty()) olCounters.pop();
                    }
                }
            }
        });
        StringBuilder out = new StringBuilder();
        for (String line : b.toString().split("\n")) {
            String t = bullets ? stripEnd(line) : line.strip();
            if (t.isBlank() || t.equals("  •") || t.matches("\\s*\\d+\\.")) continue;
            out.append(t).append('\n');
        }
        return out.toString();
    }

    static String stripEnd(String s) {
        return s.replaceAll("[ \\t]+$", "");
    }

    static void nl(StringBuilder b) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') b.append('\n');
    }

    static Element mainElement(Document doc) {
        Element m = doc.selectFirst("main");
        if (m == null) m = doc.selectFirst("[role=main]");
        if (m == null) {
            Element best = null;
            for (Element a : doc.select("article")) {
                if (a.parents().stream().anyMatch(p -> p.normalName().equals("article"))) continue;
                if (best == null || a.text().length() > best.text().length()) best = a;
            }
            m = best;
        }
        return m;
    }

    static String truncate(String s, int bytes) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        if (u.length <= bytes) return s;
        int n = bytes;
        while (n > 0 && (u[n] & 0xC0) == 0x80) n--;
        return new String(u, 0, n, StandardCharsets.UTF_8);
    }

    /** Glues a line holding little but a time onto the next line, with no separator. */
    static String glue(String text) {
        String[] lines = text.split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            boolean timeOnly = TIME_LINE.matcher(lines[i].strip()).matches()
                    && !lines[i].strip().matches(".*[.!?]$") && i + 1 < lines.length;
            if (!timeOnly) out.append('\n');
        }
        return out.toString();
    }

    /** The page's h1, then the text from a few lines above the first gold post on: a feed-like excerpt. */
    static String fromFirstPost(String html, String main, JsonNode first) {
        Element h1 = Jsoup.parse(html).selectFirst("h1");
        String[] lines = main.split("\n");
        String h = t(first, "headline"), time = t(first, "timestamp_text"), sent = t(first, "first_sentence");
        int at = -1;
        for (int i = 0; i < lines.length && at < 0; i++) {
            String k = Text.key(lines[i]);
            if (k.isEmpty()) continue;
            if (h != null && k.contains(Text.key(h))
                    || sent != null && k.startsWith(Text.key(sent).substring(0, Math.min(20, Text.key(sent).length())))) {
                at = i;
            }
        }
        // back up over the post's own header lines (time, author, label) to just above its time
        if (at > 0 && time != null) {
            for (int i = at; i >= Math.max(0, at - 4); i--) {
                if (norm(lines[i]).contains(norm(time))) { at = i; break; }
            }
        }
        if (at < 0) return main;
        StringBuilder b = new StringBuilder(h1 == null ? "" : h1.text() + "\n");
        for (int i = Math.max(0, at - 1); i < lines.length; i++) b.append(lines[i]).append('\n');
        return b.toString();
    }

    static List<Variant> variants(String html, JsonNode first) {
        List<Variant> v = new ArrayList<>();
        String body = render(Jsoup.parse(html), false, true);
        int m = body.indexOf(MAIN);
        String whole = body.replace(MAIN + "\n", "");
        String main = m < 0 ? whole : body.substring(m + 2).replace(MAIN + "\n", "");
        String bul = render(Jsoup.parse(html), true, true);
        int mb = bul.indexOf(MAIN);
        String mainBul = mb < 0 ? bul : bul.substring(mb + 2).replace(MAIN + "\n", "");
        v.add(new Variant("body", whole));
        v.add(new Variant("main", main));
        v.add(new Variant("main6k", truncate(main, 6000)));
        v.add(new Variant("main2k", truncate(main, 2000)));
        v.add(new Variant("body6k", truncate(whole, 6000)));
        v.add(new Variant("glue6k", truncate(glue(main), 6000)));
        v.add(new Variant("glue2k", truncate(glue(main), 2000)));
        v.add(new Variant("bul6k", truncate(mainBul, 6000)));
        String feed = fromFirstPost(html, main, first);
        v.add(new Variant("post2k", truncate(feed, 2000)));
        v.add(new Variant("post6k", truncate(feed, 6000)));
        v.add(new Variant("pglue2k", truncate(glue(feed), 2000)));
        return v;
    }

    // ---------------------------------------------------------------- scoring
    static final class S {
        int gold, covered, found, time, auth, sentGold, sent, sentNA, extra, beyond;
        void add(S o) {
            gold += o.gold; covered += o.covered; found += o.found; time += o.time; auth += o.auth;
            sentGold += o.sentGold; sent += o.sent; sentNA += o.sentNA; extra += o.extra; beyond += o.beyond;
        }
    }

    static String t(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String norm(String s) { return CorpusMeasurement.norm(s); }

    static S score(String file, String vname, String text, List<JsonNode> gold, List<String> log, Path out)
            throws Exception {
        S s = new S();
        if (text.stripLeading().startsWith("<")) log.add("WARNING text starts with '<'");
        ExtractedDocument doc;
        try {
            doc = new Extractor().extract(text, new PageContext(null, null, null));
        } catch (ExtractionException e) {
            log.add("REFUSED " + e.getMessage());
            return s;
        }
        List<ExtractedPost> posts = doc.posts();
        StringBuilder pd = new StringBuilder("layout=" + doc.layout() + " source=" + doc.source() + " title="
                + doc.title() + " conf=" + doc.confidence() + " warn=" + doc.warnings() + "\n");
        for (int i = 0; i < posts.size(); i++) {
            ExtractedPost p = posts.get(i);
            pd.append("#").append(i).append(" [").append(p.timestampText()).append("] H=").append(p.headline())
                    .append(p.headlinePrinted() ? "" : " (derived)").append(" A=").append(p.authors())
                    .append(" L=").append(p.location()).append(" lab=").append(p.labels())
                    .append("\n     S=").append(clip(CorpusMeasurement.firstSentence(p), 120)).append('\n');
        }
        Files.writeString(out.resolve(file.substring(0, 2) + "." + vname + ".posts"), pd.toString());
        String keyText = Text.key(text);
        String normText = norm(text);
        boolean[] used = new boolean[posts.size()];
        int nTotal = gold.get(0).path("n_posts_total").asInt();
        int prev = 0;
        int lastGoldPos = -1;
        boolean lastCovered = false;
        for (JsonNode g : gold) {
            s.gold++;
            String h = t(g, "headline"), sent = t(g, "first_sentence"), time = t(g, "timestamp_text");
            // coverage: the post's header and the start of its body are in the text (or the text ends there)
            String hk = h == null ? null : Text.key(h);
            String sk = sent == null ? null : Text.key(sent);
            int pos = -1;
            if (sk != null) {
                String pre = sk.substring(0, Math.min(30, sk.length()));
                pos = keyText.indexOf(pre, prev);
                if (pos < 0) pos = endsWithPrefix(keyText, sk, 8);
            }
            if (pos < 0 && hk != null && !hk.isEmpty()) {
                int hp = keyText.indexOf(hk, prev);
                if (hp >= 0 && (sk == null || keyText.length() - hp - hk.length() < 40)) pos = hp;
            }
            if (pos < 0 && hk == null && sk == null && time != null) pos = keyText.indexOf(Text.key(time), prev);
            boolean covered = pos >= 0;
            if (g == gold.get(gold.size() - 1)) { lastCovered = covered; lastGoldPos = pos; }
            if (!covered) continue;
            prev = pos;
            s.covered++;
            int at = match(g, posts, used, text);
            if (at < 0) {
                log.add("MISSING #" + g.get("index").asInt() + " [" + time + "] H=" + clip(h, 70) + " | S="
                        + clip(sent, 60));
                continue;
            }
            used[at] = true;
            s.found++;
            ExtractedPost p = posts.get(at);
            String n = "#" + g.get("index").asInt() + "(post " + at + ") ";
            if (timeMatches(g, p)) s.time++;
            else log.add(n + "time: want " + q(time) + " got " + q(p.timestampText()));
            List<String> wa = new ArrayList<>();
            g.get("authors").forEach(a -> wa.add(norm(a.asText())));
            List<String> ga = p.authors().stream().map(RenderedPagesMeasurement::norm).toList();
            if (wa.equals(ga)) s.auth++;
            else log.add(n + "authors: want " + wa + " got " + ga);
            if (sent != null) {
                String want = expectedSentence(normText, norm(sent));
                if (want == null) {
                    s.sentNA++;
                    log.add(n + "sentence not rendered verbatim: " + q(clip(sent, 60)));
                } else {
                    s.sentGold++;
                    String got = norm(CorpusMeasurement.firstSentence(p));
                    if (want.equals(got)) s.sent++;
                    else log.add(n + "sentence: want " + q(clip(want, 80)) + " got " + q(clip(got, 80)));
                }
            }
        }
        // extras: unmatched posts located before the end of the gold's last post (all, when the gold lists
        // every post of the page or the text ends before the gold's last post)
        boolean allGold = gold.size() >= nTotal || !lastCovered;
        int ppos = 0;
        for (int i = 0; i < posts.size(); i++) {
            ExtractedPost p = posts.get(i);
            String anchor = p.body().isEmpty() ? Text.key(p.headline())
                    : Text.key(p.body().get(0));
            anchor = anchor.substring(0, Math.min(30, anchor.length()));
            int pp = anchor.isEmpty() ? -1 : keyText.indexOf(anchor, ppos);
            if (pp >= 0) ppos = pp;
            if (used[i]) continue;
            if (allGold || pp < 0 || pp <= lastGoldPos) {
                s.extra++;
                log.add("EXTRA post " + i + " [" + p.timestampText() + "] H=" + clip(p.headline(), 60) + " | S="
                        + clip(CorpusMeasurement.firstSentence(p), 50));
            } else {
                s.beyond++;
            }
        }
        return s;
    }

    /** The offset where keyText ends with a prefix (at least min chars) of sk, else -1. */
    static int endsWithPrefix(String keyText, String sk, int min) {
        for (int k = Math.min(sk.length(), keyText.length()); k >= min; k--) {
            if (keyText.endsWith(sk.substring(0, k))) return keyText.length() - k;
        }
        return -1;
    }

    static String expectedSentence(String normText, String ns) {
        if (normText.contains(ns)) return ns;
        for (int k = ns.length() - 1; k >= 10; k--) {
            if (normText.endsWith(ns.substring(0, k))) return ns.substring(0, k).strip();
        }
        return null;
    }

    static int match(JsonNode g, List<ExtractedPost> posts, boolean[] used, String text) {
        String headline = t(g, "headline");
        String sentence = t(g, "first_sentence");
        for (int i = 0; i < posts.size(); i++) {
            if (!used[i] && headline != null && Text.key(headline).equals(Text.key(posts.get(i).headline()))) {
                return i;
            }
        }
        if (headline == null && sentence == null) {
            String time = norm(t(g, "timestamp_text"));
            for (int i = 0; i < posts.size(); i++) {
                if (!used[i] && time != null && time.equals(norm(posts.get(i).timestampText()))
                        && posts.get(i).body().isEmpty()) return i;
            }
            return -1;
        }
        if (headline != null) return -1;
        String want = Text.key(sentence);
        for (int i = 0; i < posts.size(); i++) {
            if (used[i]) continue;
            String got = Text.key(Objects.requireNonNullElse(CorpusMeasurement.firstSentence(posts.get(i)), ""));
            // cut sentences: a shorter got that the wanted one starts, when the text ends right there
            if (got.equals(want) || Math.min(got.length(), want.length()) >= 30
                    && (got.startsWith(want) || want.startsWith(got))
                    || got.length() >= 10 && want.startsWith(got) && Text.key(text).endsWith(got)) return i;
        }
        return -1;
    }

    static boolean timeMatches(JsonNode g, ExtractedPost p) {
        if (Objects.equals(norm(t(g, "timestamp_text")), norm(p.timestampText()))) return true;
        String machine = t(g, "datetime_attr");
        return machine != null && p.publishedAt() != null && p.publishedAt().equals(instant(machine));
    }

    static Instant instant(String iso) {
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (RuntimeException e) {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx")).toInstant();
        }
    }

    static String clip(String s, int n) {
        return s == null ? null : s.length() <= n ? s : s.substring(0, n) + "…";
    }

    static String q(String s) { return s == null ? "null" : "'" + s + "'"; }

    // ---------------------------------------------------------------- dump
    static void dump(String text) throws Exception {
        List<RawLine> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            String st = Text.strip(l, 0, l.length());
            if (!st.isEmpty()) lines.add(RawLine.of(st));
        }
        String source = Outlets.detect(text);
        List<Block> blocks = Lines.classify(lines, null, Outlets.zone(source));
        System.out.println("source=" + source + " live=" + LivePages.looksLive(lines, blocks));
        for (Block b : blocks) {
            System.out.println(String.format("%-14s %s%s", b.kind(), b.glued() ? "(glued) " : "",
                    clip(b.text(), 110) + (b.stamp() != null ? "  {stamp=" + b.stamp().text() + "}" : "")
                            + (b.byline() != null ? "  {byline=" + b.byline() + "}" : "")));
        }
        ExtractedDocument doc = new Extractor().extract(text, new PageContext(null, null, null));
        System.out.println("---- posts: " + doc.posts().size() + " layout=" + doc.layout());
        for (ExtractedPost p : doc.posts()) {
            System.out.println("[" + p.timestampText() + "] H=" + p.headline() + " A=" + p.authors() + " S="
                    + clip(CorpusMeasurement.firstSentence(p), 80));
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("--dump")) {
            dump(Files.readString(Path.of(args[1])));
            return;
        }
        Path out = Path.of(args.length > 0 ? args[0] : "target/rendered-pages");
        String only = args.length > 1 ? args[1] : "";
        Files.createDirectories(out);
        Map<String, List<JsonNode>> gold = new LinkedHashMap<>();
        for (String line : Files.readAllLines(HTML.resolve("gold.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode g = JSON.readTree(line);
            gold.computeIfAbsent(g.get("file").asText(), k -> new ArrayList<>()).add(g);
        }
        Map<String, S> byVariant = new TreeMap<>();
        StringBuilder misses = new StringBuilder();
        System.out.printf("%-16s %-7s %6s %4s %4s %5s %4s %4s %7s %5s %6s%n", "page", "variant", "bytes", "gold",
                "cov", "found", "time", "auth", "sent", "extra", "beyond");
        for (Map.Entry<String, List<JsonNode>> e : gold.entrySet()) {
            String file = e.getKey();
            if (file.compareTo("14") >= 0 || !file.contains(only)) continue;
            String html = Files.readString(HTML.resolve("pages").resolve(file), StandardCharsets.UTF_8);
            for (Variant v : variants(html, e.getValue().get(0))) {
                Files.writeString(out.resolve(file.substring(0, 2) + "." + v.name() + ".txt"), v.text());
                List<String> log = new ArrayList<>();
                S s = score(file, v.name(), v.text(), e.getValue(), log, out);
                byVariant.computeIfAbsent(v.name(), k -> new S()).add(s);
                System.out.printf("%-16s %-7s %6d %4d %4d %5d %4d %4d %3d/%-3d %5d %6d%n", file.substring(0, 16),
                        v.name(), v.text().getBytes(StandardCharsets.UTF_8).length, s.gold, s.covered, s.found,
                        s.time, s.auth, s.sent, s.sentGold, s.extra, s.beyond);
                if (!log.isEmpty()) {
                    misses.append("== ").append(file).append(" / ").append(v.name()).append('\n');
                    log.forEach(l -> misses.append("   ").append(l).append('\n'));
                }
            }
        }
        System.out.println("\nTOTAL by variant");
        byVariant.forEach((k, s) -> System.out.printf("%-16s %-7s %6s %4d %4d %5d %4d %4d %3d/%-3d %5d %6d%n", "ALL",
                k, "", s.gold, s.covered, s.found, s.time, s.auth, s.sent, s.sentGold, s.extra, s.beyond));
        Files.writeString(out.resolve("misses.txt"), misses.toString());
    }
}
