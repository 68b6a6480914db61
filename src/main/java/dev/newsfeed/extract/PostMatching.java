package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches two readings of the same posts (JSON-LD and the visible page) by headline, else by the opening of
 * the first paragraph, and fills what one reading lacks from the other.
 */
final class PostMatching {

    static final int OPENING = 40;
    /** Fewer posts named by both readings than this say nothing about whose names JSON-LD gives. */
    private static final int MIN_COMPARED = 3;

    private PostMatching() {
    }

    /**
     * {@code primary}'s posts, each completed from its match in {@code other}: the visible page's authors and
     * printed time win over JSON-LD's (which often lists the blog's byline on every update); a missing headline
     * or instant is taken from the other side.
     *
     * @param primaryIsJsonLd whether {@code primary} is the JSON-LD reading
     */
    static List<ExtractedPost> fill(List<ExtractedPost> primary, List<ExtractedPost> other, boolean primaryIsJsonLd) {
        if (other.isEmpty()) {
            return primary;
        }
        Map<String, ExtractedPost> byKey = new HashMap<>();
        for (ExtractedPost p : other) {
            byKey.putIfAbsent("h:" + Text.key(p.headline()), p);
            byKey.putIfAbsent("b:" + opening(p), p);
        }
        List<ExtractedPost> matches = new ArrayList<>(primary.size());
        for (ExtractedPost p : primary) {
            ExtractedPost m = byKey.get("h:" + Text.key(p.headline()));
            matches.add(m != null ? m : byKey.get("b:" + opening(p)));
        }
        boolean jsonAuthors = jsonLdAuthorsHold(primary, matches, primaryIsJsonLd);
        List<ExtractedPost> out = new ArrayList<>(primary.size());
        for (int i = 0; i < primary.size(); i++) {
            ExtractedPost p = primary.get(i);
            ExtractedPost m = matches.get(i);
            out.add(m == null ? p : merge(p, m, primaryIsJsonLd, jsonAuthors));
        }
        return out;
    }

    /**
     * Whether JSON-LD's authors are the posts'. Where the page signs most of its posts: not when it prints other
     * names on most posts both readings name someone on, nor when JSON-LD names the same people on every update
     * and the page names others on several. JSON-LD then carries whoever filed the blog, not who wrote each post,
     * and a post whose page shows no name (a label stands where it would) has none.
     */
    private static boolean jsonLdAuthorsHold(List<ExtractedPost> primary, List<ExtractedPost> matches,
                                             boolean primaryIsJsonLd) {
        int both = 0;
        int differ = 0;
        int matched = 0;
        int named = 0;
        java.util.Set<List<String>> jsonNames = new java.util.HashSet<>();
        for (int i = 0; i < primary.size(); i++) {
            ExtractedPost m = matches.get(i);
            ExtractedPost json = primaryIsJsonLd ? primary.get(i) : m;
            if (json != null && !json.authors().isEmpty()) {
                jsonNames.add(json.authors());
            }
            if (m == null) {
                continue;
            }
            List<String> seen = (primaryIsJsonLd ? m : primary.get(i)).authors();
            matched++;
            named += seen.isEmpty() ? 0 : 1;
            if (!json.authors().isEmpty() && !seen.isEmpty()) {
                both++;
                differ += java.util.Collections.disjoint(json.authors(), seen) ? 1 : 0;
            }
        }
        // The page must sign its posts as a rule: names it picks up on a few (a quote's attribution) say nothing.
        if (named * 4 < matched * 3 || both < MIN_COMPARED) {
            return true;
        }
        boolean blogs = jsonNames.size() == 1 && differ >= MIN_COMPARED;
        return !blogs && differ * 2 <= both;
    }

    private static String opening(ExtractedPost p) {
        return p.body().isEmpty() ? "" : openingKey(p.body().get(0));
    }

    /** The key of a paragraph's opening: how both readings of a post, and a post and its block, are matched. */
    static String openingKey(String paragraph) {
        String key = Text.key(paragraph);
        return key.length() > OPENING ? key.substring(0, OPENING) : key;
    }

    private static ExtractedPost merge(ExtractedPost p, ExtractedPost m, boolean primaryIsJsonLd,
                                       boolean jsonAuthors) {
        ExtractedPost json = primaryIsJsonLd ? p : m;
        ExtractedPost seen = primaryIsJsonLd ? m : p;
        boolean printed = seen.headlinePrinted() || json.headlinePrinted();
        String headline = seen.headlinePrinted() ? seen.headline() : json.headlinePrinted() ? json.headline()
                : p.headline();
        String time = seen.timestampText() != null ? seen.timestampText() : json.timestampText();
        var instant = json.publishedAt() != null ? json.publishedAt() : seen.publishedAt();
        Precision precision = json.publishedAt() != null ? json.publishedAtPrecision() : seen.publishedAtPrecision();
        List<String> authors = !seen.authors().isEmpty() || !jsonAuthors ? seen.authors() : json.authors();
        // JSON-LD may list an update by its headline and time alone: its text is then the page's.
        List<String> body = p.body().isEmpty() ? m.body() : p.body();
        return new ExtractedPost(headline, time, instant, precision, authors, p.location(), body,
                p.captions().isEmpty() ? m.captions() : p.captions(), p.anchor() != null ? p.anchor() : m.anchor(),
                seen.timestampRelative(), p.labels(), p.dateline(), printed, p.complete());
    }
}
