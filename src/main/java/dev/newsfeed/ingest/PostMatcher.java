package dev.newsfeed.ingest;

import dev.newsfeed.extract.ExtractedPost;
import dev.newsfeed.extract.Text;
import dev.newsfeed.post.Post;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the stored post an extracted post is a new reading of, so the post keeps its id across re-ingests
 * and small edits. Signals, strongest first: the page anchor, the headline, the opening sentence, and the
 * printed time with a similar headline. A headline alone never decides when it was edited.
 */
final class PostMatcher {

    private final List<Post> candidates;
    private final Set<UUID> taken = new HashSet<>();

    PostMatcher(List<Post> existing) {
        this.candidates = new ArrayList<>(existing);
    }

    Post match(ExtractedPost post) {
        Post found = first(p -> post.anchor() != null && post.anchor().equals(p.anchor));
        if (found == null) {
            found = first(p -> key(p.headline).equals(key(post.headline())));
        }
        if (found == null && !post.body().isEmpty()) {
            String opening = key(opening(post.body()));
            found = first(p -> p.body.length > 0 && opening.length() > 20
                    && key(opening(List.of(p.body))).equals(opening));
        }
        if (found == null && post.timestampText() != null && !post.timestampText().endsWith("ago")) {
            found = first(p -> post.timestampText().equals(p.timestampText)
                    && similarity(p.headline, post.headline()) >= 0.5);
        }
        if (found != null) {
            taken.add(found.id);
        }
        return found;
    }

    private Post first(java.util.function.Predicate<Post> test) {
        for (Post p : candidates) {
            if (!taken.contains(p.id) && test.test(p)) {
                return p;
            }
        }
        return null;
    }

    private static String opening(List<String> body) {
        String first = body.get(0);
        int end = first.indexOf(". ");
        return end < 0 ? first : first.substring(0, end);
    }

    static String key(String s) {
        return Text.key(s);
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
