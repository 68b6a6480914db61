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

    private static final int OPENING = 40;

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
        List<ExtractedPost> out = new ArrayList<>(primary.size());
        for (ExtractedPost p : primary) {
            ExtractedPost m = byKey.get("h:" + Text.key(p.headline()));
            if (m == null) {
                m = byKey.get("b:" + opening(p));
            }
            out.add(m == null ? p : merge(p, m, primaryIsJsonLd));
        }
        return out;
    }

    private static String opening(ExtractedPost p) {
        return p.body().isEmpty() ? "" : openingKey(p.body().get(0));
    }

    /** The key of a paragraph's opening: how both readings of a post, and a post and its block, are matched. */
    static String openingKey(String paragraph) {
        String key = Text.key(paragraph);
        return key.length() > OPENING ? key.substring(0, OPENING) : key;
    }

    private static ExtractedPost merge(ExtractedPost p, ExtractedPost m, boolean primaryIsJsonLd) {
        ExtractedPost json = primaryIsJsonLd ? p : m;
        ExtractedPost seen = primaryIsJsonLd ? m : p;
        boolean printed = seen.headlinePrinted() || json.headlinePrinted();
        String headline = seen.headlinePrinted() ? seen.headline() : json.headlinePrinted() ? json.headline()
                : p.headline();
        String time = seen.timestampText() != null ? seen.timestampText() : json.timestampText();
        var instant = json.publishedAt() != null ? json.publishedAt() : seen.publishedAt();
        Precision precision = json.publishedAt() != null ? json.publishedAtPrecision() : seen.publishedAtPrecision();
        List<String> authors = !seen.authors().isEmpty() ? seen.authors() : json.authors();
        return new ExtractedPost(headline, time, instant, precision, authors, p.location(), p.body(),
                p.captions().isEmpty() ? m.captions() : p.captions(), p.anchor() != null ? p.anchor() : m.anchor(),
                seen.timestampRelative(), p.labels(), p.dateline(), printed, p.complete());
    }
}
