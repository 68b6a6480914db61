package dev.newsfeed.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * schema.org JSON-LD: a LiveBlogPosting's {@code liveBlogUpdate} items as posts, and an article's headline, date
 * and authors. Publishers put HTML and entities inside the strings; both are read as text.
 */
final class JsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx");

    /** What a page's JSON-LD says about an article. */
    record ArticleMeta(String headline, Instant published, List<String> authors) {
    }

    private JsonLd() {
    }

    /** The page's JSON-LD objects, parsed once. */
    static List<JsonNode> nodes(List<Element> scripts) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : scripts) {
            try {
                flatten(JSON.readTree(script.data()), out);
            } catch (Exception e) {
                // Malformed JSON-LD is common on the web; the page's text is read instead.
            }
        }
        return out;
    }

    /** Posts from {@code liveBlogUpdate}, in the order given; empty when the page carries none. */
    static List<ExtractedPost> liveBlogPosts(List<JsonNode> nodes) {
        List<ExtractedPost> posts = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (isType(node, "LiveBlogPosting") && node.has("liveBlogUpdate")) {
                String pageHeadline = text(node.path("headline").asText(""));
                List<String> pageAuthors = authors(node.path("author"));
                JsonNode updates = node.get("liveBlogUpdate");
                for (JsonNode u : updates.isArray() ? updates : JSON.createArrayNode().add(updates)) {
                    update(u, pageHeadline, pageAuthors).ifPresent(posts::add);
                }
            }
        }
        return posts;
    }

    /** True when the page declares a live blog, in JSON-LD or microdata. */
    static boolean declaresLiveBlog(boolean microdata, List<JsonNode> nodes) {
        for (JsonNode node : nodes) {
            if (isType(node, "LiveBlogPosting")) {
                return true;
            }
        }
        return microdata;
    }

    /** The first NewsArticle-like object's headline, date and authors. */
    static Optional<ArticleMeta> article(List<JsonNode> nodes) {
        for (JsonNode node : nodes) {
            String type = node.path("@type").toString();
            if (type.contains("Article") || type.contains("Posting")) {
                String headline = text(node.path("headline").asText(""));
                return Optional.of(new ArticleMeta(headline.isEmpty() ? null : headline,
                        instant(node.path("datePublished").asText(null)), authors(node.path("author"))));
            }
        }
        return Optional.empty();
    }

    private static void flatten(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> flatten(n, out));
            return;
        }
        if (node.has("@graph")) {
            flatten(node.get("@graph"), out);
        }
        if (node.isObject()) {
            out.add(node);
        }
    }

    private static boolean isType(JsonNode node, String type) {
        JsonNode t = node.path("@type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (x.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return t.asText().equals(type);
    }

    /**
     * One update. A headline that only repeats the live blog's own title is no headline of the post's; the
     * post is then headed by its first sentence.
     */
    private static Optional<ExtractedPost> update(JsonNode u, String pageHeadline, List<String> pageAuthors) {
        String headline = text(u.path("headline").asText(""));
        if (!pageHeadline.isEmpty() && Text.key(headline).equals(Text.key(pageHeadline))) {
            headline = "";
        }
        List<String> paragraphs = paragraphs(u.path("articleBody").asText(""));
        if (headline.isEmpty() && paragraphs.isEmpty()) {
            return Optional.empty();
        }
        boolean printed = !headline.isEmpty();
        if (!printed) {
            headline = Text.sentences(paragraphs.get(0)).get(0);
        }
        String published = u.path("datePublished").asText(null);
        Instant at = instant(published);
        String url = u.path("url").asText(null);
        String anchor = url != null && url.contains("#") ? url.substring(url.indexOf('#') + 1) : null;
        List<String> authors = authors(u.path("author"));
        if (authors.size() > 1 && authors.equals(pageAuthors)) {
            authors = List.of(); // the blog's byline repeated on every update is no post's byline
        }
        return Optional.of(new ExtractedPost(headline, published, at,
                at == null ? Precision.UNKNOWN : Precision.EXACT, authors, null, paragraphs,
                List.of(), anchor, null, List.of(), null, printed, true));
    }

    /** The paragraphs of an articleBody: plain text, or HTML whose block elements are the paragraphs. */
    static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        if (body.indexOf('<') >= 0 && body.indexOf('>') > body.indexOf('<')) {
            Document fragment = Jsoup.parseBodyFragment(body);
            for (Element e : fragment.body().select("p, h2, h3, h4, li, blockquote")) {
                if (e.select("p, li").size() <= (e.is("p, li") ? 1 : 0)) {
                    addParagraph(out, e.text());
                }
            }
            if (out.isEmpty()) {
                addParagraph(out, fragment.body().text());
            }
            return out;
        }
        for (String p : body.split("\\n+")) {
            addParagraph(out, text(p));
        }
        return out;
    }

    private static void addParagraph(List<String> out, String text) {
        String s = Text.strip(text);
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /** Entities decoded, NBSP kept, ends trimmed. */
    private static String text(String s) {
        return Text.strip(s.indexOf('&') >= 0 ? Parser.unescapeEntities(s, false) : s);
    }

    /** People only: organisations are not authors; "JANE DOE and JOHN ROE" gives two names in their case. */
    static List<String> authors(JsonNode author) {
        List<String> names = new ArrayList<>();
        if (author.isArray()) {
            author.forEach(a -> names.addAll(authors(a)));
        } else if (author.isObject() && author.has("name")) {
            if (!author.path("@type").asText().contains("Organization")) {
                names.addAll(names(author.get("name").asText()));
            }
        } else if (author.isTextual()) {
            names.addAll(names(author.asText()));
        }
        return names;
    }

    private static List<String> names(String raw) {
        List<String> out = new ArrayList<>();
        for (String part : text(raw).split("\\s*,\\s*(?:and\\s+)?|\\s+(?:and|&)\\s+")) {
            String name = Text.strip(part);
            if (!name.isEmpty()) {
                out.add(name.equals(name.toUpperCase(Locale.ROOT)) ? titleCase(name) : name);
            }
        }
        return out;
    }

    private static String titleCase(String upper) {
        StringBuilder b = new StringBuilder(upper.length());
        boolean start = true;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            b.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return b.toString();
    }

    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s, COMPACT_OFFSET).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
