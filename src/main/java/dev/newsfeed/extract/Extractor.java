package dev.newsfeed.extract;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Page text or HTML in, a document and its posts out. Plain Java: no framework, no I/O, no shared state,
 * so one instance serves any number of threads.
 */
public final class Extractor {

    /** Bumped whenever extraction changes, so stored documents can be extracted again. */
    public static final int VERSION = 7;

    private static final Pattern HTML = Pattern.compile(
            "(?is)^\\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[ >]|<section|<main|<meta|<!--)");

    public ExtractedDocument extract(String input, PageContext context) throws ExtractionException {
        checkReadable(input);
        boolean html = HTML.matcher(input.length() > 4096 ? input.substring(0, 4096) : input).lookingAt();
        String source = context.source() != null ? context.source() : Outlets.detect(input);
        if (html) {
            Document doc = Jsoup.parse(input, context.url() == null ? "" : context.url());
            return ReporterLines.apply(HtmlDocuments.read(doc, source, context));
        }
        return ReporterLines.apply(fromLines(textLines(input), source, context, true));
    }

    /** The outlet a page comes from, "unknown" when nothing names it. */
    public static String detectSource(String input) {
        return input == null ? Outlets.UNKNOWN : Outlets.detect(input);
    }

    /** A source's display name: the outlet's, when the extractor knows it. */
    public static String sourceName(String slug) {
        return Outlets.name(slug);
    }

    /**
     * @param mayHavePosts false for an HTML page that neither declares a live blog nor calls itself live: it is
     *                     one article, however many sub-headed sections it has
     */
    static ExtractedDocument fromLines(List<RawLine> lines, String source, PageContext context, boolean mayHavePosts)
            throws ExtractionException {
        ZoneId zone = Outlets.zone(source);
        List<Block> blocks = Lines.classify(lines, context.capturedAt(), zone);
        boolean live = LivePages.looksLive(lines, blocks);
        Segmenter.Cut cut = Segmenter.cut(blocks, live);
        PostAssembler.Result result = PostAssembler.assemble(blocks, cut.opens(), cut.headlineFirst());
        Header.Parsed header = Header.parse(result.header());
        List<String> summary = new ArrayList<>(result.summary());
        summary.addAll(header.summary());
        List<String> warnings = new ArrayList<>();
        if (mayHavePosts && !result.posts().isEmpty() && cut.form() != Segmenter.Form.NONE) {
            boolean flat = blocks.stream().anyMatch(b -> b.kind() == Block.Kind.BREAK);
            Layout layout = !flat ? Layout.LINE_LIVEBLOG
                    : lines.size() > 5 ? Layout.TEASER_AND_LINES : Layout.FLAT_LIVEBLOG;
            Confidence confidence = cut.form() == Segmenter.Form.MARKED ? Confidence.HIGH : Confidence.MEDIUM;
            if (cut.form() == Segmenter.Form.GUESSED) {
                warnings.add(Warnings.BOUNDARIES_GUESSED);
            }
            if (result.posts().size() == 1 && live) {
                warnings.add(Warnings.LIVE_BUT_ONE_POST);
                confidence = Confidence.LOW;
            }
            return new ExtractedDocument(header.title(), source, layout, summary, header.updatedAt(),
                    result.posts(), warnings, confidence);
        }
        ExtractedPost article = Article.from(blocks);
        if (live) {
            warnings.add(Warnings.LIVE_BUT_ONE_POST);
        }
        return new ExtractedDocument(article.headline(), source, Layout.ARTICLE, summary, header.updatedAt(),
                List.of(article), warnings, live ? Confidence.LOW : Confidence.HIGH);
    }

    private static List<RawLine> textLines(String input) {
        if (input.indexOf('\r') < 0 && input.indexOf('\u2028') < 0 && input.indexOf('\u2029') < 0) {
            return newlineLines(input);
        }
        List<RawLine> lines = new ArrayList<>();
        int start = 0;
        int n = input.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? input.charAt(i) : '\n';
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                String s = Text.strip(input, start, i);
                if (!s.isEmpty()) {
                    lines.add(RawLine.of(s));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /**
     * {@link #textLines} of a page whose only line break is '\n', found by {@link String#indexOf(int, int)}, which
     * is far quicker than a loop testing every character for four kinds of break.
     */
    private static List<RawLine> newlineLines(String input) {
        List<RawLine> lines = new ArrayList<>();
        int start = 0;
        while (start <= input.length()) {
            int end = input.indexOf('\n', start);
            end = end < 0 ? input.length() : end;
            String s = Text.strip(input, start, end);
            if (!s.isEmpty()) {
                lines.add(RawLine.of(s));
            }
            start = end + 1;
        }
        return lines;
    }

    private static void checkReadable(String input) throws ExtractionException {
        if (input == null || Text.isBlank(input)) {
            throw new ExtractionException("The document is empty.");
        }
        int controls = 0;
        int sample = Math.min(input.length(), 65_536);
        for (int i = 0; i < sample; i++) {
            char c = input.charAt(i);
            if (c == 0 || c == '\uFFFD' || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                controls++;
            }
        }
        if (controls > sample / 100 + 1) {
            throw new ExtractionException("The document is not text: it holds binary or undecodable bytes.");
        }
    }
}
