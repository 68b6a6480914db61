package dev.newsfeed.extract;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * An HTML page to a document. A live page's posts come from its JSON-LD {@code liveBlogUpdate} items or from
 * the elements it repeats, whichever covers the page: JSON-LD listing clearly fewer updates than the page shows
 * (or far more, as when it carries the whole blog's history) gives way to the visible posts. The two are
 * matched to fill each other's gaps. Other pages are read as lines of text, like crawler text.
 */
final class HtmlDocuments {

    /** JSON-LD covering less than this share of the visible posts is partial. */
    private static final double PARTIAL = 0.6;
    /** JSON-LD holding more than this many times the visible posts is the blog's history, not this page. */
    private static final int HISTORY = 2;
    private static final Pattern LIVE_TITLE = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:live|liveblog|ticker|relacja)(?![\\p{L}])");

    private HtmlDocuments() {
    }

    static ExtractedDocument read(Document doc, String source, PageContext context) throws ExtractionException {
        Scan scan = Scan.of(doc);
        List<com.fasterxml.jackson.databind.JsonNode> nodes = JsonLd.nodes(scan.jsonLdScripts());
        List<ExtractedPost> jsonLd = JsonLd.liveBlogPosts(nodes);
        boolean live = !jsonLd.isEmpty() || JsonLd.declaresLiveBlog(scan.liveBlogMicrodata(), nodes)
                || LIVE_TITLE.matcher(doc.title()).find()
                || context.url() != null && LIVE_TITLE.matcher(context.url()).find() || HtmlPage.postElements(doc) >= 2;
        Optional<JsonLd.ArticleMeta> meta = JsonLd.article(nodes).map(scan.metaTags()::fill)
                .or(() -> scan.metaTags().meta());
        String title = doc.title();
        scan.furniture().forEach(Element::remove); // what doc.select(HtmlPage.FURNITURE).remove() removes
        ZoneId zone = Outlets.zone(source);
        List<org.jsoup.nodes.Element> items = live ? HtmlPosts.items(doc) : List.of();
        List<ExtractedPost> visible = HtmlPosts.structured(items)
                ? HtmlPosts.posts(items, zone, pageDate(context, zone)) : List.of();
        List<String> warnings = new ArrayList<>();
        if (!jsonLd.isEmpty()) {
            boolean partial = visible.size() >= 3 && jsonLd.size() < visible.size() * PARTIAL;
            boolean history = visible.size() >= 3 && jsonLd.size() > visible.size() * HISTORY;
            if (partial || history) {
                warnings.add(partial ? Warnings.JSONLD_PARTIAL : Warnings.JSONLD_HISTORY);
                return new ExtractedDocument(title, source, Layout.LINE_LIVEBLOG, List.of(), null,
                        PostMatching.fill(visible, jsonLd, false), warnings, Confidence.MEDIUM);
            }
            return new ExtractedDocument(title, source, Layout.JSONLD_LIVEBLOG, List.of(), null,
                    UpdateBlocks.apply(doc, PostMatching.fill(jsonLd, visible, true)), warnings, Confidence.HIGH);
        }
        List<RawLine> text = HtmlPage.lines(doc);
        // Read now, so that the page's tree is garbage while its lines are read: a large page's tree would
        // otherwise be copied by every collection that runs meanwhile.
        String heading = firstHeading(scan.headings());
        Optional<ArticleBodies.Story> story = live ? Optional.empty() : ArticleBodies.story(doc);
        java.time.Instant headerTime = live ? null : ArticleBodies.headerTime(doc);
        ExtractedDocument lines = Extractor.fromLines(text, source, context, live);
        if (visible.size() >= 2 && score(visible) >= score(lines.posts())) {
            return new ExtractedDocument(title, source, Layout.LINE_LIVEBLOG, List.of(), null, visible, warnings,
                    Confidence.MEDIUM);
        }
        if (lines.layout() == Layout.ARTICLE && (meta.isPresent() || heading != null)) {
            JsonLd.ArticleMeta stated = meta.orElse(new JsonLd.ArticleMeta(null, null, List.of()));
            if (stated.published() == null && headerTime != null) {
                stated = new JsonLd.ArticleMeta(stated.headline(), headerTime, stated.authors());
            }
            return withMeta(lines, stated, heading, story);
        }
        return lines;
    }

    /**
     * How well a reading marks its posts: each post with a time, and each with a printed headline, counts. The
     * repeated elements of a page and its lines are both readings; the one that marks more posts wins.
     */
    private static int score(List<ExtractedPost> posts) {
        int score = 0;
        for (ExtractedPost p : posts) {
            score += (p.timestampText() != null ? 1 : 0) + (p.headlinePrinted() ? 1 : 0);
        }
        return score;
    }

    private static LocalDate pageDate(PageContext context, ZoneId zone) {
        return context.capturedAt() == null ? null : context.capturedAt().atZone(zone).toLocalDate();
    }

    /** The first {@code <h1>} still on the page: one inside furniture left with it. */
    private static String firstHeading(List<Element> headings) {
        for (Element h1 : headings) {
            if (h1.ownerDocument() != null) {
                return Text.strip(h1.text()).isEmpty() ? null : Text.strip(h1.text());
            }
        }
        return null;
    }

    /**
     * What is looked for across the whole page before it is read, found in one walk of its tree: a large page's
     * tree is tens of thousands of elements, and a walk for each of these was a tenth of an HTML page's time.
     */
    private record Scan(List<Element> jsonLdScripts, boolean liveBlogMicrodata, List<Element> headings,
                        List<Element> furniture, MetaTags metaTags) {

        /** The page's furniture is found in the same walk, in the order a select would give it. */
        static Scan of(Document doc) {
            List<Element> scripts = new ArrayList<>();
            List<Element> headings = new ArrayList<>();
            List<Element> furniture = new ArrayList<>();
            Evaluator isFurniture = QueryParser.parse(HtmlPage.FURNITURE); // fresh: nothing to reset
            boolean[] microdata = {false};
            MetaTags metaTags = new MetaTags();
            org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
                if (node instanceof Element e) {
                    if (isFurniture.matches(doc, e) && !HtmlPage.isTimeMargin(e)) {
                        furniture.add(e);
                    }
                    String tag = e.normalName();
                    if (tag.equals("script") && e.attr("type").trim().equalsIgnoreCase("application/ld+json")) {
                        scripts.add(e);
                    } else if (tag.equals("h1")) {
                        headings.add(e);
                    } else if (tag.equals("meta")) {
                        metaTags.read(e);
                    }
                    microdata[0] |= e.hasAttr("itemtype")
                            && e.attr("itemtype").toLowerCase(java.util.Locale.ROOT).contains("liveblogposting");
                }
            }, doc);
            return new Scan(scripts, microdata[0], headings, furniture, metaTags);
        }
    }

    /**
     * An article read from its lines, with the headline, date and authors its markup states: the page's {@code
     * <h1>} (or JSON-LD headline), JSON-LD's datePublished and authors where the lines gave none. The body starts
     * after the headline when the lines put the headline inside it, and at the story's first paragraph when the
     * markup shows where that is.
     */
    private static ExtractedDocument withMeta(ExtractedDocument lines, JsonLd.ArticleMeta meta, String h1,
                                              Optional<ArticleBodies.Story> story) {
        ExtractedPost p = lines.posts().get(0);
        String headline = h1 != null ? h1 : meta.headline() != null ? meta.headline() : p.headline();
        List<String> body = new ArrayList<>(p.body());
        int at = indexOfKey(body, headline);
        if (at >= 0 && at < body.size() - 1) {
            body = new ArrayList<>(body.subList(at + 1, body.size()));
        }
        int opening = story.isPresent() ? indexOfKey(body, story.get().first()) : -1;
        if (opening > 0) {
            body = new ArrayList<>(body.subList(opening, body.size()));
        }
        Optional<String> last = story.flatMap(ArticleBodies.Story::last);
        int closing = last.isPresent() ? lastIndexOfKey(body, last.get()) : -1;
        if (closing >= 0 && closing < body.size() - 1) {
            body = new ArrayList<>(body.subList(0, closing + 1));
        }
        boolean stamped = p.timestampText() != null;
        ExtractedPost post = new ExtractedPost(headline, stamped ? p.timestampText() : null,
                stamped ? p.publishedAt() : meta.published(),
                stamped ? p.publishedAtPrecision() : meta.published() == null ? Precision.UNKNOWN : Precision.EXACT,
                p.authors().isEmpty() ? meta.authors() : p.authors(), p.location(), body, p.captions(), p.anchor(),
                p.timestampRelative(), p.labels(), p.dateline(), true, p.complete());
        return new ExtractedDocument(headline, lines.source(), lines.layout(), lines.summary(), lines.updatedAt(),
                List.of(post), lines.warnings(), lines.confidence());
    }

    private static int lastIndexOfKey(List<String> body, String paragraph) {
        String key = Text.key(paragraph);
        for (int i = body.size() - 1; i >= 0; i--) {
            if (Text.key(body.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfKey(List<String> body, String headline) {
        String key = Text.key(headline);
        for (int i = 0; i < Math.min(body.size(), 40); i++) {
            if (Text.key(body.get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
