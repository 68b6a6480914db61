package dev.newsfeed.extract;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What each JSON-LD update's own block on the page shows and its JSON-LD lacks. An update is found on the page by
 * the opening of its first or second paragraph (one reading may lead with a reporter's line the other leaves
 * out); its block is the nearest ancestor holding a machine-readable time, and only when it holds exactly one, so
 * that nothing of a neighbouring post is borrowed. From the block:
 * <ul>
 * <li>its machine-readable time ({@code <time datetime>}, or an element printing a relative time from the same
 * attribute), when JSON-LD gives most updates the same time (the blog's, or its last edit's), or when most updates
 * have a block of their own, so that the page shows each update's time and that is the one readers see;
 * <li>its one heading, when the update has no headline of its own in JSON-LD (the page prints one).
 * </ul>
 */
final class UpdateBlocks {

    private static final int MIN_OPENING = 20;
    private static final int PARAGRAPHS = 2;
    /** Fewer updates than this say nothing about whether their times are their own. */
    private static final int MIN_UPDATES = 3;
    /** Levels walked up from a paragraph: a post's block is a few elements above its text, never the page. */
    private static final int MAX_DEPTH = 8;

    private UpdateBlocks() {
    }

    static List<ExtractedPost> apply(Document doc, List<ExtractedPost> posts) {
        Map<Instant, Integer> times = timeCounts(posts);
        boolean shared = sharedTimes(times);
        Walk walk = Walk.of(doc);
        Map<String, List<Element>> byOpening = byOpening(walk.paragraphs());
        Map<Element, Held> held = held(walk.times());
        if (byOpening.isEmpty()) {
            return posts;
        }
        List<Element> blocks = held.isEmpty() ? Collections.nCopies(posts.size(), null)
                : blocks(posts, byOpening, held);
        boolean ownTimes = !shared && printsOwnTimes(blocks, posts, held);
        if (!shared && !ownTimes && posts.stream().allMatch(p -> p.headlinePrinted() && !glued(p))) {
            return posts;
        }
        Map<Element, Held> headings = held(walk.headings());
        Map<Element, String[]> texts = new IdentityHashMap<>(); // each paragraph read once, whatever the updates
        Map<Element, Integer> order = new IdentityHashMap<>();
        for (Element p : walk.paragraphs()) {
            order.put(p, order.size());
        }
        List<ExtractedPost> out = new ArrayList<>(posts.size());
        for (int i = 0; i < posts.size(); i++) {
            ExtractedPost read = posts.get(i);
            if (glued(read)) {
                read = paragraphed(read, byOpening, walk.paragraphs(), order, texts);
            }
            Element block = blocks.get(i);
            if (block != null) {
                boolean sharedTime = read.publishedAt() != null && times.get(read.publishedAt()) > 1;
                if (ownTimes || shared && sharedTime) {
                    read = retimed(read, held.get(block).first);
                }
                if (!read.headlinePrinted()) {
                    read = headed(read, headings.get(block));
                }
            }
            out.add(read);
        }
        return out;
    }

    /** Empty paragraphs (spacers) passed over in a row before the walk gives up. */
    private static final int MAX_EMPTY = 20;
    /** A text this long in one run is several paragraphs JSON-LD ran together, as many publishers print it. */
    private static final int GLUED = 280;

    private static boolean glued(ExtractedPost p) {
        return p.body().size() == 1 && p.body().get(0).length() >= GLUED;
    }

    /**
     * The update's one run of text cut where the page's paragraphs are: from the paragraph it opens with, the
     * paragraphs that follow on the page as long as they hold the run's next letters and digits, up to its end. A
     * caption or link the page puts between them, or another post's text, ends the walk and leaves JSON-LD's run
     * as it is. Each paragraph's text is read once however many updates walk past it.
     */
    private static ExtractedPost paragraphed(ExtractedPost p, Map<String, List<Element>> byOpening,
                                             List<Element> paragraphs, Map<Element, Integer> order,
                                             Map<Element, String[]> texts) {
        String whole = Text.key(p.body().get(0));
        List<Element> starts = null;
        // The first paragraph may be shorter than an opening's key ("Jane Doe reports from Brussels"): a shorter
        // key is tried for each length down to the least that names a paragraph.
        for (int n = Math.min(whole.length(), PostMatching.OPENING); starts == null && n >= MIN_OPENING; n--) {
            starts = byOpening.get(whole.substring(0, n));
        }
        if (starts == null || starts.size() != 1) {
            return p;
        }
        List<String> cut = new ArrayList<>();
        int seen = 0;
        int empty = 0;
        for (int at = order.get(starts.get(0)); at < paragraphs.size() && seen < whole.length(); at++) {
            String[] read = texts.computeIfAbsent(paragraphs.get(at), e -> {
                String text = Text.strip(e.text());
                return new String[] {text, Text.key(text)};
            });
            String text = read[0];
            String key = read[1];
            if (key.isEmpty()) {
                if (++empty > MAX_EMPTY) {
                    return p;
                }
                continue;
            }
            empty = 0;
            if (!whole.startsWith(key, seen)) {
                return p;
            }
            seen += key.length();
            cut.add(text);
        }
        return seen != whole.length() || cut.size() < 2 ? p : p.withBody(cut);
    }

    /**
     * Each update's block, or null where it has none of its own: a block two updates lead to is neither's for
     * certain, and both keep what JSON-LD says.
     */
    private static List<Element> blocks(List<ExtractedPost> posts, Map<String, List<Element>> byOpening,
                                        Map<Element, Held> held) {
        List<Element> blocks = new ArrayList<>(posts.size());
        Map<Element, Integer> uses = new IdentityHashMap<>();
        for (ExtractedPost post : posts) {
            Element block = null;
            for (int i = 0; block == null && i < Math.min(PARAGRAPHS, post.body().size()); i++) {
                String key = opening(post.body().get(i));
                List<Element> at = key == null ? null : byOpening.get(key);
                block = at == null ? null : block(at, held);
            }
            blocks.add(block);
            if (block != null) {
                uses.merge(block, 1, Integer::sum);
            }
        }
        blocks.replaceAll(b -> b != null && uses.get(b) == 1 ? b : null);
        return blocks;
    }

    /**
     * Whether the page prints each update's time in its block, and JSON-LD's times are not those: most updates
     * have a block of their own with one machine-readable time, and most of those times differ from JSON-LD's.
     * The page's time is then what readers see (a publisher's system can stamp JSON-LD again when it republishes
     * the blog). Where most agree, JSON-LD's are the updates' own and a block whose time differs is a wrong one
     * (a card's, an "updated" time), so none is replaced.
     */
    private static boolean printsOwnTimes(List<Element> blocks, List<ExtractedPost> posts, Map<Element, Held> held) {
        int own = 0;
        int differ = 0;
        for (int i = 0; i < posts.size(); i++) {
            Element b = blocks.get(i);
            if (b != null) {
                own++;
                Instant shown = JsonLd.instant(held.get(b).first.attr("datetime").trim());
                differ += shown != null && !shown.equals(posts.get(i).publishedAt()) ? 1 : 0;
            }
        }
        return own >= MIN_UPDATES && own * 2 > posts.size() && differ * 2 > own;
    }

    /** A post shown more than this many times (pinned, and in its place) is not one post shown again. */
    private static final int MAX_COPIES = 3;

    /**
     * What blocks are made of, found in one walk of the page: its paragraphs, leaving out one that holds another
     * (a lenient parser nests them: its text is its inner ones', and reading it for each level would make a page
     * of nested paragraphs quadratic, while paragraphs none of which holds another are read once each), its
     * machine-readable times and its headings.
     */
    private record Walk(List<Element> paragraphs, List<Element> times, List<Element> headings) {

        static Walk of(Document doc) {
            List<Element> paragraphs = new ArrayList<>();
            List<Element> times = new ArrayList<>();
            List<Element> headings = new ArrayList<>();
            Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
            ArrayDeque<Element> open = new ArrayDeque<>();
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (!(node instanceof Element e)) {
                        return;
                    }
                    switch (e.normalName()) {
                        case "p" -> {
                            if (!open.isEmpty()) {
                                holders.add(open.peek());
                            }
                            open.push(e);
                            paragraphs.add(e);
                        }
                        case "h2", "h3", "h4" -> headings.add(e);
                        // <time>, and the custom elements that print a relative time (amp-timeago,
                        // relative-time) from the same attribute; an edit's <ins>/<del> dates the edit.
                        case "ins", "del" -> {
                        }
                        default -> {
                            if (e.hasAttr("datetime") && !embedded(e)) {
                                times.add(e);
                            }
                        }
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element e && e.normalName().equals("p")) {
                        open.pop();
                    }
                }
            }, doc);
            paragraphs.removeIf(holders::contains);
            return new Walk(paragraphs, times, headings);
        }
    }

    /** Levels looked up for quoted or embedded content around a time. */
    private static final int EMBED_DEPTH = 6;

    /**
     * Whether a time belongs to content the post quotes or embeds (a social post in a blockquote, a video in a
     * figure): that time is the quoted item's, not the post's.
     */
    private static boolean embedded(Element time) {
        Element a = time.parent();
        for (int depth = 0; a != null && depth < EMBED_DEPTH; depth++, a = a.parent()) {
            String name = a.normalName();
            if (name.equals("blockquote") || name.equals("figure") || name.equals("iframe")) {
                return true;
            }
        }
        return false;
    }

    /** The paragraphs by the key of their opening, up to {@link #MAX_COPIES} for one opening (then none). */
    private static Map<String, List<Element>> byOpening(List<Element> paragraphs) {
        Map<String, List<Element>> byOpening = new HashMap<>();
        for (Element p : paragraphs) {
            String key = opening(p.text());
            if (key != null) {
                List<Element> same = byOpening.computeIfAbsent(key, k -> new ArrayList<>(1));
                if (same.size() <= MAX_COPIES) {
                    same.add(p);
                }
            }
        }
        return byOpening;
    }

    /** The update headed by its block's one heading, when the block has exactly one. */
    private static ExtractedPost headed(ExtractedPost p, Held headings) {
        String heading = headings != null && headings.count == 1 ? Text.strip(headings.first.text()) : "";
        if (heading.isEmpty()) {
            return p;
        }
        return new ExtractedPost(heading, p.timestampText(), p.publishedAt(), p.publishedAtPrecision(), p.authors(),
                p.location(), p.body(), p.captions(), p.anchor(), p.timestampRelative(), p.labels(), p.dateline(),
                true, p.complete());
    }

    /**
     * Whether JSON-LD gives most updates a time another update has too: times that are not the updates' own.
     * Where each update has a time of its own, JSON-LD's is kept (a block's nearest time can be the page's), and
     * so is the time of an update that no other shares.
     */
    private static boolean sharedTimes(Map<Instant, Integer> counts) {
        int timed = counts.values().stream().mapToInt(Integer::intValue).sum();
        int shared = counts.values().stream().filter(n -> n > 1).mapToInt(Integer::intValue).sum();
        return timed >= MIN_UPDATES && shared * 2 > timed;
    }

    /** How many updates JSON-LD gives each time. */
    private static Map<Instant, Integer> timeCounts(List<ExtractedPost> posts) {
        Map<Instant, Integer> counts = new HashMap<>();
        for (ExtractedPost p : posts) {
            if (p.publishedAt() != null) {
                counts.merge(p.publishedAt(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static ExtractedPost retimed(ExtractedPost p, Element time) {
        String datetime = time.attr("datetime").trim();
        Instant shown = JsonLd.instant(datetime);
        if (shown == null || shown.equals(p.publishedAt())) {
            return p;
        }
        return new ExtractedPost(p.headline(), datetime, shown, Precision.EXACT, p.authors(), p.location(), p.body(),
                p.captions(), p.anchor(), p.timestampRelative(), p.labels(), p.dateline(), p.headlinePrinted(),
                p.complete());
    }

    /** The elements of a kind (times, headings) an element holds within {@link #MAX_DEPTH} levels: how many, the first. */
    private static final class Held {
        final Element first;
        int count;

        Held(Element first) {
            this.first = first;
        }
    }

    /**
     * For every element up to {@link #MAX_DEPTH} levels above one of {@code found}, those it holds: made in one
     * pass over them, so that each update's block is never searched again (a page of thousands of updates, whose
     * block were the page, would otherwise be searched once per update).
     */
    private static Map<Element, Held> held(List<Element> found) {
        Map<Element, Held> held = new IdentityHashMap<>();
        for (Element f : found) {
            Element a = f.parent();
            for (int depth = 0; a != null && depth < MAX_DEPTH; depth++, a = a.parent()) {
                held.computeIfAbsent(a, x -> new Held(f)).count++;
            }
        }
        return held;
    }

    /**
     * The block of the paragraphs that open the same way: one paragraph's; when several do, the one block among
     * them that prints a time of its own (a copy in a summary or a pinned slot shows none), or the first if each
     * prints the same time (one post shown twice); otherwise the opening names none of them (updates opening with
     * the same reporter's line).
     */
    private static Element block(List<Element> paragraphs, Map<Element, Held> held) {
        if (paragraphs.size() > MAX_COPIES) {
            return null;
        }
        Element found = null;
        for (Element p : paragraphs) {
            Element b = block(p, held);
            if (b == null || b == found) {
                continue;
            }
            if (found != null && !held.get(b).first.attr("datetime").equals(held.get(found).first.attr("datetime"))) {
                return null;
            }
            found = found == null ? b : found;
        }
        return found;
    }

    /** The nearest ancestor that holds a machine-readable time, or null when it holds several. */
    private static Element block(Element paragraph, Map<Element, Held> held) {
        Element a = paragraph.parent();
        for (int depth = 0; a != null && depth < MAX_DEPTH; depth++, a = a.parent()) {
            Held h = held.get(a);
            if (h != null) {
                return h.count == 1 ? a : null;
            }
        }
        return null;
    }

    /** The opening's key, or null when it is too short to name a paragraph. */
    private static String opening(String text) {
        String key = PostMatching.openingKey(text);
        return key.length() < MIN_OPENING ? null : key;
    }
}
