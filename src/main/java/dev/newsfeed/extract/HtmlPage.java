package dev.newsfeed.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/** Reads HTML pages: schema.org LiveBlogPosting JSON-LD first, else the page's text as lines. */
final class HtmlPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BLOCK_TAGS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li",
            "ul", "ol", "section", "article", "header", "figure", "blockquote", "time", "br", "tr", "td", "main",
            "dt", "dd", "pre", "address", "table", "hr");
    private static final String FURNITURE = "script, style, noscript, nav, footer, aside, form, svg, iframe, "
            + "button, template, [aria-hidden=true]";

    private HtmlPage() {
    }

    /** Posts from {@code liveBlogUpdate}, or an empty list when the page carries none. */
    static List<ExtractedPost> jsonLdPosts(Document doc) {
        List<ExtractedPost> posts = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collect(JSON.readTree(script.data()), posts);
            } catch (Exception e) {
                // Malformed JSON-LD is common on the web; the page's text is read instead.
            }
        }
        return posts;
    }

    private static void collect(JsonNode node, List<ExtractedPost> posts) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, posts));
            return;
        }
        if (node.has("@graph")) {
            collect(node.get("@graph"), posts);
        }
        if (node.path("@type").asText().equals("LiveBlogPosting") && node.has("liveBlogUpdate")) {
            JsonNode updates = node.get("liveBlogUpdate");
            for (JsonNode u : updates.isArray() ? updates : JSON.createArrayNode().add(updates)) {
                update(u).ifPresent(posts::add);
            }
        }
    }

    private static java.util.Optional<ExtractedPost> update(JsonNode u) {
        String headline = Text.strip(u.path("headline").asText(""));
        String body = u.path("articleBody").asText("");
        if (headline.isEmpty() && body.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> paragraphs = new ArrayList<>();
        for (String p : body.split("\\n+")) {
            String s = Text.strip(p);
            if (!s.isEmpty()) {
                paragraphs.add(s);
            }
        }
        boolean printed = !headline.isEmpty();
        if (!printed) {
            headline = Text.sentences(paragraphs.get(0)).get(0);
        }
        String published = u.path("datePublished").asText(null);
        Instant at = parseInstant(published);
        String url = u.path("url").asText(null);
        String anchor = url != null && url.contains("#") ? url.substring(url.indexOf('#') + 1) : null;
        return java.util.Optional.of(new ExtractedPost(headline, published, at,
                at == null ? Precision.UNKNOWN : Precision.EXACT, authors(u.path("author")), null, paragraphs,
                List.of(), anchor, null, List.of(), null, printed, true));
    }

    private static List<String> authors(JsonNode author) {
        List<String> names = new ArrayList<>();
        if (author.isArray()) {
            author.forEach(a -> names.addAll(authors(a)));
        } else if (author.isObject() && author.has("name")) {
            if (!author.path("@type").asText().equals("Organization")) {
                names.add(Text.strip(author.get("name").asText()));
            }
        } else if (author.isTextual()) {
            names.add(Text.strip(author.asText()));
        }
        return names;
    }

    private static Instant parseInstant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The page's visible text, one line per block element; figure captions come typed, post anchors attached. */
    static List<RawLine> lines(Document doc) {
        doc.select(FURNITURE).remove();
        LineSink sink = new LineSink();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sink.current.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("figcaption")) {
                        sink.flush();
                        Caption c = caption(e);
                        sink.add(new RawLine(c.text(), c, null));
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCK_TAGS.contains(e.normalName())) {
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
                if (node instanceof Element e && BLOCK_TAGS.contains(e.normalName())) {
                    sink.flush();
                }
                return FilterResult.CONTINUE;
            }
        }, doc.body());
        sink.flush();
        return sink.lines;
    }

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

    /** Collects lines; the first line after a post element opens carries that element's id. */
    private static final class LineSink {
        final List<RawLine> lines = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        String anchor;

        void add(RawLine line) {
            lines.add(anchor == null ? line : line.withAnchor(anchor));
            anchor = null;
        }

        void flush() {
            if (current.length() > 0) {
                String s = Text.strip(collapseSpaces(current));
                if (!s.isEmpty()) {
                    add(RawLine.of(s));
                }
                current.setLength(0);
            }
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
