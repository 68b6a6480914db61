package dev.newsfeed.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labelled posts, read with a fixed segmentation of our own rather than the extractor's, so the
 * classifier is measured (and trained) on the same text whatever the extractor does next.
 * <ul>
 * <li>Seeds ({@code seeds/*.txt}, gold {@code gold/seed-posts.jsonl}): the body runs from the gold first
 * sentence to the end of the gold last sentence, captions taken out.</li>
 * <li>Corpus ({@code ../shared/corpus}): a post starts at the first of its gold header fields (time,
 * headline, byline, dateline) and ends where the next gold post of the page starts, or at the page's end;
 * its body starts at its gold first sentence. Whatever a page prints between two posts (captions, link
 * lists, widgets) stays in the post before, as it would for a reader of the page.</li>
 * </ul>
 */
final class LabelledPosts {

    /** Where the corpus is: {@code -Dtopics.corpus=...}, by default beside the project. */
    static Path corpusDir() {
        return Path.of(System.getProperty("topics.corpus", "../shared/corpus"));
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] HEADER_FIELDS = {"timestamp_text", "timestamp_relative", "headline",
            "byline_text", "dateline", "first_sentence"};
    /** Fields that can stand first in a post, tried in this order to find the post in its page. */
    private static final String[] ANCHOR_FIELDS = {"headline", "first_sentence", "timestamp_text", "dateline",
            "byline_text"};
    /** How far before its anchor a header field may stand (a time or byline above a headline). */
    private static final int HEADER_REACH = 400;

    private LabelledPosts() {
    }

    static List<LabelledPost> seeds(Path seedsDir, Path gold) {
        List<LabelledPost> out = new ArrayList<>();
        Map<String, String> pages = new LinkedHashMap<>();
        for (JsonNode g : jsonLines(gold)) {
            String file = g.get("file").asText();
            String page = pages.computeIfAbsent(file, f -> read(seedsDir.resolve(f)));
            String first = g.get("first_sentence").asText();
            String last = g.get("last_sentence").asText();
            // 001 prints a flattened teaser before the line-per-paragraph copy: the copy is the last one.
            int start = page.lastIndexOf(first);
            int end = page.indexOf(last, start);
            if (start < 0 || end < 0) {
                throw new IllegalStateException(file + "#" + g.get("index") + ": gold sentences not in the page");
            }
            String body = page.substring(start, end + last.length());
            for (JsonNode c : g.get("captions")) {
                body = body.replace(c.asText(), "");
            }
            out.add(new LabelledPost(file + "#" + g.get("index").asText(), "seed:" + file, true, true, false,
                    g.get("headline").asText(), paragraphs(body), topics(g)));
        }
        return out;
    }

    static List<LabelledPost> corpus(Path dir) {
        Map<String, List<JsonNode>> byPage = new LinkedHashMap<>();
        for (JsonNode g : jsonLines(dir.resolve("gold.jsonl"))) {
            byPage.computeIfAbsent(g.get("file").asText(), f -> new ArrayList<>()).add(g);
        }
        Set<String> otherNews = otherNews(dir.resolve("index.tsv"));
        List<LabelledPost> out = new ArrayList<>();
        for (var e : byPage.entrySet()) {
            String page = read(dir.resolve("pages").resolve(e.getKey()));
            List<JsonNode> gold = e.getValue();
            int[] starts = new int[gold.size()];
            int[] anchors = new int[gold.size()];
            int cursor = 0;
            for (int i = 0; i < gold.size(); i++) {
                anchors[i] = anchor(page, gold.get(i), cursor, e.getKey());
                starts[i] = headerStart(page, gold.get(i), anchors[i], cursor);
                cursor = anchors[i] + 1;
            }
            for (int i = 0; i < gold.size(); i++) {
                JsonNode g = gold.get(i);
                int end = i + 1 < gold.size() ? starts[i + 1] : page.length();
                String first = text(g, "first_sentence");
                List<String> body = List.of();
                if (first != null) {
                    int from = page.indexOf(first, starts[i]);
                    if (from < 0 || from >= end) {
                        throw new IllegalStateException(e.getKey() + "#" + g.get("index") + ": first sentence not in the post");
                    }
                    body = paragraphs(page.substring(from, end));
                }
                String headline = text(g, "headline");
                out.add(new LabelledPost(e.getKey() + "#" + g.get("index").asText(), e.getKey(), false,
                        "high".equals(g.get("topics_confidence").asText()), otherNews.contains(e.getKey()),
                        headline == null ? "" : headline, body, topics(g)));
            }
        }
        return out;
    }

    /** Pages whose layout note in index.tsv starts "non-Ukraine": news of something else than the war. */
    private static Set<String> otherNews(Path index) {
        Set<String> out = new java.util.HashSet<>();
        for (String line : read(index).split("\n")) {
            String[] f = line.split("\t");
            if (f.length > 3 && f[3].toLowerCase(java.util.Locale.ROOT).startsWith("non-ukraine")) {
                out.add(f[0]);
            }
        }
        return out;
    }

    private static int anchor(String page, JsonNode g, int cursor, String file) {
        for (String f : ANCHOR_FIELDS) {
            String v = text(g, f);
            if (v != null) {
                int p = page.indexOf(v, cursor);
                if (p >= 0) {
                    return p;
                }
            }
        }
        throw new IllegalStateException(file + "#" + g.get("index") + ": no header field in the page");
    }

    /**
     * The first header field standing before the anchor, within reach. A field found again just after the
     * anchor is the post's own there (a byline under the headline), and the earlier one a neighbour's.
     */
    private static int headerStart(String page, JsonNode g, int anchor, int cursor) {
        int start = anchor;
        for (String f : HEADER_FIELDS) {
            String v = text(g, f);
            if (v == null) {
                continue;
            }
            int after = page.indexOf(v, anchor + 1);
            if (after >= 0 && after < anchor + 600) {
                continue;
            }
            int p = page.lastIndexOf(v, anchor - 1);
            if (p >= Math.max(cursor, anchor - HEADER_REACH) && p < start) {
                start = p;
            }
        }
        return start;
    }

    private static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String p = line.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static Set<String> topics(JsonNode g) {
        Set<String> out = new LinkedHashSet<>();
        g.get("topics").forEach(t -> out.add(t.asText()));
        return out;
    }

    private static String text(JsonNode g, String field) {
        JsonNode v = g.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<JsonNode> jsonLines(Path file) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : read(file).split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": not JSON lines", e);
                }
            }
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath().normalize(), e);
        }
    }
}
