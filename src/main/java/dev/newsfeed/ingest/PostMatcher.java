package dev.newsfeed.ingest;

import dev.newsfeed.extract.Precision;
import dev.newsfeed.extract.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Finds the stored post an extracted post is a new reading of, so the post keeps its id across re-ingests
 * and small edits. Signals, strongest first: the page anchor, the headline, the opening sentence, and the
 * printed time with a similar headline. A headline alone never decides when it was edited. Each signal is a
 * map from its key to the stored posts that have it, so matching a page is linear in its posts.
 */
final class PostMatcher {

    /** An opening shorter than this says too little to tell two posts apart. */
    private static final int MIN_OPENING = 20;

    private final Map<String, List<StoredPost>> byAnchor;
    private final Map<String, List<StoredPost>> byHeadline;
    private final Map<String, List<StoredPost>> byOpening;
    private final Map<String, List<StoredPost>> byStamp;
    private final Set<UUID> taken = new HashSet<>();

    PostMatcher(List<StoredPost> stored) {
        byAnchor = index(stored, StoredPost::anchor);
        byHeadline = index(stored, p -> Text.key(p.headline()));
        byOpening = index(stored, StoredPost::openingKey);
        byStamp = index(stored, p -> p.precision() == Precision.RELATIVE ? null : p.timestampText());
    }

    /** The stored post {@code post} is a reading of, or null for a new post; a stored post is matched once. */
    StoredPost match(PostContent post) {
        StoredPost found = first(byAnchor.get(post.anchor()), null);
        if (found == null) {
            found = first(byHeadline.get(Text.key(post.headline())), null);
        }
        if (found == null && post.body().length > 0) {
            found = first(byOpening.get(openingKey(post.body()[0])), null);
        }
        if (found == null && post.precision() != Precision.RELATIVE && post.timestampText() != null) {
            found = first(byStamp.get(post.timestampText()), p -> similarity(p.headline(), post.headline()) >= 0.5);
        }
        if (found != null) {
            taken.add(found.id());
        }
        return found;
    }

    private StoredPost first(List<StoredPost> candidates, java.util.function.Predicate<StoredPost> test) {
        if (candidates == null) {
            return null;
        }
        for (StoredPost p : candidates) {
            if (!taken.contains(p.id()) && (test == null || test.test(p))) {
                return p;
            }
        }
        return null;
    }

    private static Map<String, List<StoredPost>> index(List<StoredPost> stored, Function<StoredPost, String> key) {
        Map<String, List<StoredPost>> map = new HashMap<>();
        for (StoredPost p : stored) {
            String k = key.apply(p);
            if (k != null && !k.isEmpty()) {
                map.computeIfAbsent(k, x -> new ArrayList<>(1)).add(p);
            }
        }
        return map;
    }

    /** The first sentence's key, or null when it is too short to identify a post. */
    static String openingKey(String firstParagraph) {
        if (firstParagraph == null) {
            return null;
        }
        int end = firstParagraph.indexOf(". ");
        String key = Text.key(end < 0 ? firstParagraph : firstParagraph.substring(0, end));
        return key.length() > MIN_OPENING ? key : null;
    }

    private static double similarity(String a, String b) {
        Set<String> wa = words(a);
        Set<String> wb = words(b);
        Set<String> union = new HashSet<>(wa);
        union.addAll(wb);
        wa.retainAll(wb);
        return union.isEmpty() ? 0 : (double) wa.size() / union.size();
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
