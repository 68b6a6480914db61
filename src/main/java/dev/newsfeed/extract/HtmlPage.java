package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/** An HTML page's visible text as lines (figcaptions typed, post anchors attached), and its post elements. */
final class HtmlPage {

    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "ul", "ol", "section", "article", "header", "figure", "blockquote", "time", "br", "tr", "td", "main",
            "dt", "dd", "pre", "address", "table", "hr");
    static final String FURNITURE = "script, style, noscript, nav, footer, aside, form, svg, iframe, "
            + "button, template, [aria-hidden=true]";

    private HtmlPage() {
    }

    /** Past this many nodes an aside is more than a post's time margin; the look stops there. */
    private static final int MARGIN_NODES = 24;
    private static final int MARGIN_TEXT = 40;

    /**
     * Whether {@code e} is an {@code <aside>} that prints nothing but a post's time beside the post ("19:30" in
     * the post's margin): the post's own, not the page's furniture. Its only text is in its {@code <time>}, it
     * holds no link, and it stands beside other content. Looked at for a few nodes at most, so nested asides cost
     * no more than their count.
     */
    static boolean isTimeMargin(Element e) {
        if (!e.normalName().equals("aside") || e.previousElementSibling() == null && e.nextElementSibling() == null) {
            return false;
        }
        int[] nodes = {0};
        int[] text = {0};
        boolean[] time = {false};
        boolean[] other = {false};
        org.jsoup.select.NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                nodes[0]++;
                if (node instanceof org.jsoup.nodes.TextNode t && !t.isBlank()) {
                    text[0] += t.text().trim().length();
                    other[0] |= !(t.parent() instanceof Element p && p.normalName().equals("time"));
                } else if (node instanceof Element x) {
                    time[0] |= x.normalName().equals("time");
                    other[0] |= x.normalName().equals("a");
                }
                return nodes[0] > MARGIN_NODES || text[0] > MARGIN_TEXT || other[0]
                        ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, e);
        return time[0] && !other[0] && nodes[0] <= MARGIN_NODES && text[0] <= MARGIN_TEXT;
    }

    /** The page's visible text, one line per block element; figure captions come typed, post anchors attached. */
    static List<RawLine> lines(Document doc) {
        LineSink sink = new LineSink();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    if (sink.gluedAt(text)) {
                        sink.flush(); // "Quentin Sommerville" + "International correspondent": two lines
                    }
                    sink.current.append(text);
                    sink.boundary = false;
                } else if (node instanceof Element e) {
                    sink.enter(e);
                    if (e.normalName().equals("figcaption")) {
                        sink.flush();
                        Caption c = caption(e);
                        sink.add(new RawLine(c.text(), c, null));
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCK_TAGS.contains(e.normalName()) || isInlineMeta(e)) {
                        sink.flush();
                    }
                    if (isPost(e)) {
                        sink.anchor = e.id();
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e) {
                    sink.leave(e);
                    if (BLOCK_TAGS.contains(e.normalName()) || isInlineMeta(e)) {
                        sink.flush();
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, doc.body());
        sink.flush();
        return sink.lines;
    }

    /**
     * An inline element whose class names a byline or a date ({@code <span class="byline">}, {@code <span
     * class="date">}) in a row of such elements: a line of its own, as a byline and a date printed side by side
     * would otherwise run together into one line that is neither ("By Jane Doe 8 January 2020, 3:51 pm 11 Edit").
     * Only where the row's block holds no text of its own: a marked span inside prose is part of the sentence.
     */
    private static boolean isInlineMeta(Element e) {
        String name = e.normalName();
        if (!name.equals("span") && !name.equals("time") || e.className().isEmpty() || !namesMeta(e.className())) {
            return false;
        }
        Element block = e.parent();
        for (int up = 0; block != null && !BLOCK_TAGS.contains(block.normalName()); up++, block = block.parent()) {
            if (up > MAX_INLINE_DEPTH || PROSE_TAGS.contains(block.normalName())) {
                return false;
            }
        }
        if (block == null || PROSE_TAGS.contains(block.normalName()) || block.normalName().equals("figcaption")) {
            return false;
        }
        for (org.jsoup.nodes.TextNode t : block.textNodes()) {
            if (!t.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static final int MAX_INLINE_DEPTH = 8;
    private static final Set<String> META_WORDS = Set.of("byline", "bylines", "author", "authors", "date",
            "dateline", "time", "timestamp", "published", "pubdate");

    /** Whether a word of the class list ("byline", "article-date", "post__time") names a byline or a date. */
    private static boolean namesMeta(String classes) {
        String lower = classes.toLowerCase(java.util.Locale.ROOT);
        if (!lower.contains("by") && !lower.contains("auth") && !lower.contains("date") && !lower.contains("time")
                && !lower.contains("publ")) {
            return false; // most classes: no split
        }
        for (String word : lower.split("[\\s_-]+")) {
            if (META_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many elements of the page are marked as posts (see {@link #isPost}), none inside another: an article's
     * wrapper and its body element are one.
     */
    static int postElements(Document doc) {
        java.util.Set<Element> posts = new java.util.HashSet<>();
        for (Element e : doc.select("article[id], div[id], section[id], li[id]")) {
            if (isPost(e) && posts.add(e) && posts.size() >= MAX_POST_ELEMENTS) {
                break;
            }
        }
        java.util.Set<Element> nested = new java.util.HashSet<>();
        for (Element e : posts) {
            Element p = e.parent();
            for (int up = 0; p != null && up < MAX_NESTING; up++, p = p.parent()) {
                if (posts.contains(p)) {
                    nested.add(e);
                    nested.add(p);
                    break;
                }
            }
        }
        return posts.size() - nested.size();
    }

    /** Enough post elements to tell a live page; past this many, counting more tells nothing new. */
    private static final int MAX_POST_ELEMENTS = 500;
    private static final int MAX_NESTING = 50;

    /** An element with an id that holds one post: an article, or a block whose class says post or entry. */
    private static boolean isPost(Element e) {
        if (e.id().isEmpty()) {
            return false;
        }
        String name = e.normalName();
        String cls = e.className().toLowerCase(java.util.Locale.ROOT);
        return name.equals("article")
                || (name.equals("div") || name.equals("section") || name.equals("li"))
                && (cls.contains("post") || cls.contains("entry") || cls.contains("update") || cls.contains("card"));
    }

    /** Elements whose text runs as prose: a word split across two of their children is still one word. */
    private static final Set<String> PROSE_TAGS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a",
            "blockquote", "dt", "dd", "pre", "td");

    /**
     * Collects lines; the first line after a post element opens carries that element's id. Two elements whose
     * texts meet with no space, a lower-case letter running into a capital ("…Sommerville" + "International
     * correspondent"), are two lines the page's style sets apart, as a name and its role in a byline box; inside
     * prose they are left joined.
     */
    private static final class LineSink {
        final List<RawLine> lines = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        String anchor;
        /** An element opened or closed since the last text. */
        boolean boundary;
        /** How many prose elements the walk is inside. */
        int prose;

        void enter(Element e) {
            boundary = true;
            prose += PROSE_TAGS.contains(e.normalName()) ? 1 : 0;
        }

        void leave(Element e) {
            boundary = true;
            prose -= PROSE_TAGS.contains(e.normalName()) ? 1 : 0;
        }

        boolean gluedAt(String text) {
            int n = current.length();
            return boundary && prose == 0 && n > 0 && !text.isEmpty() && Character.isLowerCase(current.charAt(n - 1))
                    && Character.isUpperCase(text.charAt(0));
        }

        void add(RawLine line) {
            lines.add(anchor == null ? line : line.withAnchor(anchor));
            anchor = null;
        }

        void flush() {
            // The white space between block elements makes no line: it is dropped without a copy.
            if (current.length() > 0 && !isBlank(current)) {
                String s = Text.strip(collapseSpaces(current));
                if (!s.isEmpty()) {
                    add(RawLine.of(s));
                }
            }
            current.setLength(0);
        }

        private static boolean isBlank(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                if (!Text.isSpace(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Text nodes come with their own spaces normalised; where two meet, runs of spaces are made one. */
    private static String collapseSpaces(CharSequence text) {
        boolean clean = true;
        for (int i = 0; i < text.length() && clean; i++) {
            char c = text.charAt(i);
            clean = c != '\t' && c != '\r' && c != '\n' && !(c == ' ' && i > 0 && text.charAt(i - 1) == ' ');
        }
        if (clean) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean isSpace = c == ' ' || c == '\t' || c == '\r' || c == '\n';
            if (!isSpace || !space) {
                out.append(isSpace ? ' ' : c);
            }
            space = isSpace;
        }
        return out.toString();
    }

    private static Caption caption(Element figcaption) {
        Element credit = figcaption.selectFirst("[class*=credit], [class*=Credit], small, cite");
        String creditText = credit == null ? null : Text.strip(credit.text());
        String text = Text.strip(figcaption.text());
        if (creditText != null && !creditText.isEmpty()) {
            text = Text.strip(text.replace(creditText, ""));
        }
        return new Caption(text, creditText == null || creditText.isEmpty() ? null : creditText);
    }

}
