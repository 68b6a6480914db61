package dev.newsfeed.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The posts a live page shows: the element that repeats under one parent (same tag and first class, most
 * copies, each with some structure of its own) is a post; its heading, {@code <time>}, byline and paragraphs
 * are read inside it. Nothing here knows any outlet's class names.
 */
final class HtmlPosts {

    private static final Set<String> ITEM_TAGS = Set.of("div", "article", "li", "section");
    private static final int MIN_ITEMS = 3;
    private static final int MIN_ITEM_TEXT = 15;
    private static final String HEADING = "h1, h2, h3, h4, h5, h6, [class*=title], [class*=headline], "
            + "[class*=Title], [class*=Headline]";
    private static final String TIME = "time, [class*=time], [class*=date], [class*=Time], [class*=Date]";
    /** Bylines by their class; or a highlighted name printed beside the post's time in its info line. */
    private static final String BYLINE = "[itemprop=author], [class*=author], [class*=byline], [rel=author], "
            + "[class*=Author], [class*=Byline], [class*=info] > time ~ mark, [class*=meta] > time ~ mark";

    /** The dash a closing byline opens with ("— Jane Doe and John Roe"). */
    private static final java.util.regex.Pattern CLOSING_DASH =
            java.util.regex.Pattern.compile("^[\\s\\u00A0]*[-–—][\\s\\u00A0]*");

    private HtmlPosts() {
    }

    /** The repeated post elements of the page, in page order; empty when nothing repeats. */
    static List<Element> items(Document doc) {
        List<Element> best = List.of();
        int bestText = -1; // the winner's text length, only worked out when a group ties with it
        for (Element parent : shallowElements(doc.body())) {
            Map<String, List<Element>> groups = null; // made for the few elements with item children
            for (int i = 0, n = parent.childNodeSize(); i < n; i++) {
                if (parent.childNode(i) instanceof Element child && ITEM_TAGS.contains(child.normalName())) {
                    groups = groups == null ? new HashMap<>() : groups;
                    groups.computeIfAbsent(signature(child), k -> new ArrayList<>()).add(child);
                }
            }
            if (groups == null) {
                continue;
            }
            for (List<Element> group : groups.values()) {
                if (group.size() < MIN_ITEMS || group.size() < best.size()) {
                    continue;
                }
                List<Element> items = group.stream().filter(HtmlPosts::isItem).toList();
                if (items.size() < MIN_ITEMS || items.size() * 10 < group.size() * 6 || items.size() < best.size()) {
                    continue;
                }
                boolean tie = items.size() == best.size();
                int text = tie ? textLength(items) : -1;
                if (tie && bestText < 0) {
                    bestText = textLength(best);
                }
                if (items.size() > best.size() || text > bestText) {
                    best = items;
                    bestText = text;
                }
            }
        }
        return best;
    }

    /** Building each item's text costs a pass over it, so it is only done to break a tie. */
    private static int textLength(List<Element> items) {
        return items.stream().mapToInt(e -> e.text().length()).sum();
    }

    /**
     * Elements at most {@value #MAX_DEPTH} levels below the body: posts sit there on real pages, and reading
     * deeper parents' items would cost more than linear time on hostile nesting.
     */
    private static List<Element> shallowElements(Element body) {
        List<Element> out = new ArrayList<>();
        List<Element> level = List.of(body);
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            out.addAll(level);
            List<Element> next = new ArrayList<>();
            for (Element e : level) {
                addChildElements(e, next);
            }
            level = next;
        }
        return out;
    }

    private static final int MAX_DEPTH = 30;

    /**
     * What {@code e.children()} holds, added to {@code out} without the copies {@link Element#children} makes:
     * a large page has tens of thousands of elements.
     */
    private static void addChildElements(Element e, List<Element> out) {
        for (int i = 0, n = e.childNodeSize(); i < n; i++) {
            if (e.childNode(i) instanceof Element child) {
                out.add(child);
            }
        }
    }

    /** The tag and first class: a class list may be split by any white space, new lines and tabs too. */
    private static String signature(Element e) {
        String cls = e.className().strip();
        int end = 0;
        while (end < cls.length() && !Character.isWhitespace(cls.charAt(end))) {
            end++;
        }
        return e.normalName() + "." + cls.substring(0, end);
    }

    /** Some text, held in elements of its own (a paragraph, a heading, a time), not a bare link or label. */
    private static boolean isItem(Element e) {
        return e.selectFirst("p, h1, h2, h3, h4, h5, h6, time, header, blockquote") != null
                && hasText(e, MIN_ITEM_TEXT);
    }

    /** Whether {@code e} holds at least {@code min} characters of text, read only as far as needed. */
    private static boolean hasText(Element e, int min) {
        int[] seen = {0};
        org.jsoup.select.NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof org.jsoup.nodes.TextNode t) {
                    seen[0] += t.text().trim().length();
                }
                return seen[0] >= min ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, e);
        return seen[0] >= min;
    }

    /**
     * Whether the repeated elements look like posts: a quarter or more print a heading or a time of their own.
     * Elements that are only blocks of text (an article's sections, a copy of a whole page) are not read as
     * posts, which spares reading them.
     */
    static boolean structured(List<Element> items) {
        int marked = 0;
        for (Element item : items) {
            if (hasMark(item)) {
                marked++;
            }
        }
        return marked * 4 >= items.size() && marked > 0;
    }

    /**
     * Whether {@code item} holds a heading or a time (as {@link #HEADING} and {@link #TIME} select them), found
     * in one walk that stops at the first.
     */
    private static boolean hasMark(Element item) {
        boolean[] found = {false};
        org.jsoup.select.NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                if (node != item && node instanceof Element e) {
                    String name = e.normalName();
                    String cls = e.className().toLowerCase(java.util.Locale.ROOT);
                    found[0] = name.equals("time") || name.length() == 2 && name.charAt(0) == 'h'
                            && Character.isDigit(name.charAt(1)) || cls.contains("title") || cls.contains("headline")
                            || cls.contains("time") || cls.contains("date");
                }
                return found[0] ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, item);
        return found[0];
    }

    /** Each repeated element read as a post. */
    static List<ExtractedPost> posts(List<Element> items, ZoneId zone, java.time.LocalDate pageDate) {
        List<ExtractedPost> posts = new ArrayList<>();
        Map<Element, List<String>> bareNames = RepeatedNames.of(items);
        for (Element item : items) {
            post(item, zone, pageDate, bareNames.getOrDefault(item, List.of())).ifPresent(posts::add);
        }
        return posts;
    }

    private static Optional<ExtractedPost> post(Element item, ZoneId zone, java.time.LocalDate pageDate,
                                                List<String> bareNames) {
        Element heading = first(item, HEADING, 2, 300);
        Element time = first(item, TIME, 1, 80);
        Element byline = first(item, BYLINE, 3, 200, true);
        Stamp stamp = time == null ? null : stamp(time, zone, pageDate);
        List<String> body = new ArrayList<>();
        List<Caption> captions = new ArrayList<>();
        for (Element c : item.select("figcaption")) {
            captions.add(new Caption(Text.strip(c.text()), null));
        }
        for (Element p : item.select("p, li, blockquote")) {
            if (inside(p, heading) || inside(p, time) || inside(p, byline) || inFigcaption(p, item)
                    || !p.select("p, li").isEmpty() && !p.is("p")) {
                continue;
            }
            String text = Text.strip(p.text());
            if (!text.isEmpty() && !body.contains(text)) {
                body.add(text);
            }
        }
        String headline = heading == null ? null : Text.strip(heading.text());
        if (body.isEmpty()) {
            String rest = Text.strip(remove(item.text(), headline, time == null ? null : time.text(),
                    byline == null ? null : byline.text()));
            if (!rest.isEmpty() && (headline == null || !rest.equals(headline))) {
                body.add(rest);
            }
        }
        if ((headline == null || headline.isEmpty()) && body.isEmpty()) {
            return Optional.empty();
        }
        boolean printed = headline != null && !headline.isEmpty();
        if (!printed) {
            headline = Text.sentences(body.get(0)).get(0);
        }
        List<String> authors = byline == null ? bareNames : authors(byline.text());
        return Optional.of(new ExtractedPost(headline, stamp == null ? null : stamp.text(),
                stamp == null ? null : stamp.instant(), stamp == null ? Precision.UNKNOWN : stamp.precision(),
                authors, null, body, captions, item.id().isEmpty() ? null : item.id(),
                stamp == null ? null : stamp.relative(), List.of(), null, printed, true));
    }

    /** The first element matching {@code query} whose text is a plausible length, or null. */
    private static Element first(Element item, String query, int min, int max) {
        return first(item, query, min, max, false);
    }

    /**
     * The first element matching {@code query} (an element before those inside it) whose text is a plausible
     * length and that holds no paragraph; with {@code mayBeParagraph}, it may be one (a byline printed as a
     * paragraph closing the post, its names marked inside it).
     */
    private static Element first(Element item, String query, int min, int max, boolean mayBeParagraph) {
        Elements found = item.select(query);
        for (Element e : found) {
            if (e == item) {
                continue;
            }
            int n = Text.strip(e.text()).length();
            Elements paragraphs = e.select("p");
            boolean holdsParagraph = paragraphs.size() > (mayBeParagraph && e.is("p") ? 1 : 0);
            if (n >= min && n <= max && !holdsParagraph) {
                return e;
            }
        }
        return null;
    }

    /** The time as printed, its instant from a machine-readable datetime when there is one. */
    private static Stamp stamp(Element time, ZoneId zone, java.time.LocalDate pageDate) {
        String printed = Text.strip(time.text());
        Optional<Stamp> parsed = printed.isEmpty() ? Optional.empty()
                : Stamps.atStart(printed, null, pageDate, zone);
        Instant machine = JsonLd.instant(time.attr("datetime"));
        if (machine != null) {
            return new Stamp(0, printed.length(), printed.isEmpty() ? time.attr("datetime") : printed, machine,
                    Precision.EXACT, parsed.map(Stamp::relative).orElse(null));
        }
        return parsed.map(s -> new Stamp(0, printed.length(), s.text(), s.instant(), s.precision(), s.relative()))
                .orElse(null);
    }

    /** Whether {@code e} stands in a figcaption inside {@code item} (walking up, never searching down). */
    private static boolean inFigcaption(Element e, Element item) {
        for (Element p = e.parent(); p != null && p != item; p = p.parent()) {
            if (p.normalName().equals("figcaption")) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(Element e, Element container) {
        if (container == null) {
            return false;
        }
        for (Element p = e; p != null; p = p.parent()) {
            if (p == container) {
                return true;
            }
        }
        return false;
    }

    private static String remove(String text, String... parts) {
        String out = text;
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                out = out.replace(p, " ");
            }
        }
        return out;
    }

    /** The names a byline element prints; none when it holds a label ("KEY EVENT") where a name would stand. */
    private static List<String> authors(String text) {
        String t = Text.strip(CLOSING_DASH.matcher(text).replaceFirst(""));
        if (Labels.isLabel(t)) {
            return List.of();
        }
        return Bylines.names(t);
    }
}
