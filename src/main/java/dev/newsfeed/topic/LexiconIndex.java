package dev.newsfeed.topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the entries of several lexicons may start, built once: a post's words are looked up once for all the
 * lexicons (by stem, and by head for prefix terms) rather than once per lexicon, and a word no lexicon knows is
 * passed over by all of them at once. Immutable, so one index serves any number of threads.
 */
final class LexiconIndex {

    private static final int[] NONE = {};

    private final List<Lexicon> lexicons;
    /** By stem: each lexicon's entries whose first word it is, in entry order. */
    private final Map<String, int[][]> byFirstWord = new HashMap<>();
    /** By head: each lexicon's entries whose first word is a prefix ("mobili*") starting with it. */
    private final Map<String, int[][]> prefixFirst = new HashMap<>();
    /** Each lexicon's entries whose first word is a prefix shorter than a head: they may start anywhere. */
    private final int[][] shortPrefixFirst;
    private final boolean anyShortPrefix;

    LexiconIndex(List<Lexicon> lexicons) {
        this.lexicons = List.copyOf(lexicons);
        this.shortPrefixFirst = new int[lexicons.size()][];
        boolean anyShort = false;
        for (int l = 0; l < lexicons.size(); l++) {
            List<Integer> shortPrefixes = new ArrayList<>();
            List<Lexicon.Entry> entries = lexicons.get(l).entries();
            for (int e = 0; e < entries.size(); e++) {
                Term t = entries.get(e).term();
                String first = t.words().get(0);
                if (t.prefixes().get(0) && first.length() < PostText.HEAD) {
                    shortPrefixes.add(e);
                } else if (t.prefixes().get(0)) {
                    add(prefixFirst, first.substring(0, PostText.HEAD), l, e);
                } else {
                    add(byFirstWord, first, l, e);
                }
            }
            shortPrefixFirst[l] = shortPrefixes.stream().mapToInt(Integer::intValue).toArray();
            anyShort |= !shortPrefixes.isEmpty();
        }
        this.anyShortPrefix = anyShort;
    }

    private void add(Map<String, int[][]> index, String key, int lexicon, int entry) {
        int[][] slots = index.computeIfAbsent(key, k -> {
            int[][] empty = new int[lexicons.size()][];
            Arrays.fill(empty, NONE);
            return empty;
        });
        int[] before = slots[lexicon];
        slots[lexicon] = Arrays.copyOf(before, before.length + 1);
        slots[lexicon][before.length] = entry;
    }

    /**
     * A post's words looked up: each word's candidate entries per lexicon (null where no lexicon has any), and
     * the words where some entry may start, in order.
     */
    record Candidates(int[][][] exact, int[][][] prefixed, int[] starts) {
    }

    Candidates candidates(PostText text) {
        List<PostText.Word> words = text.words();
        int[][][] exact = new int[words.size()][][];
        int[][][] prefixed = new int[words.size()][][];
        int[] starts = new int[words.size()];
        int found = 0;
        for (int i = 0; i < words.size(); i++) {
            PostText.Word w = words.get(i);
            exact[i] = byFirstWord.get(w.stem());
            // A word shorter than a head starts no prefix term: no need to hash it.
            prefixed[i] = w.head().isEmpty() ? null : prefixFirst.get(w.head());
            if (exact[i] != null || prefixed[i] != null || anyShortPrefix) {
                starts[found++] = i;
            }
        }
        return new Candidates(exact, prefixed, Arrays.copyOf(starts, found));
    }

    /** The hits of every lexicon of the index, where a longer phrase of one swallows another's match. */
    List<Lexicon.Hits> findAll(PostText text) {
        return findAll(text, candidates(text), lexicons.size());
    }

    /**
     * The hits of the first {@code count} lexicons, where a phrase of another topic longer than a match
     * swallows it: "nuclear arms" is the nuclear topic's, and its "arms" is no weapons delivery.
     */
    List<Lexicon.Hits> findAll(PostText text, Candidates found, int count) {
        int[] longest = new int[text.wordCount()];
        List<List<Lexicon.Match>> all = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            List<Lexicon.Match> ms = matches(text, found, l);
            all.add(ms);
            for (Lexicon.Match m : ms) {
                for (int i = m.start(); i < m.start() + m.length(); i++) {
                    longest[i] = Math.max(longest[i], m.length());
                }
            }
        }
        List<Lexicon.Hits> out = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            List<Lexicon.Match> kept = new ArrayList<>();
            for (Lexicon.Match m : all.get(l)) {
                boolean swallowed = false;
                for (int i = m.start(); i < m.start() + m.length(); i++) {
                    swallowed |= longest[i] > m.length();
                }
                if (!swallowed) {
                    kept.add(m);
                }
            }
            out.add(lexicons.get(l).hits(text, kept));
        }
        return out;
    }

    /** The hits of one lexicon of the index, on its own. */
    Lexicon.Hits find(PostText text, Candidates found, int lexicon) {
        return lexicons.get(lexicon).hits(text, matches(text, found, lexicon));
    }

    /**
     * One lexicon's entries found, longest first where they overlap, left to right. A word where nothing may
     * start is passed over, as a word where nothing matches is.
     */
    private List<Lexicon.Match> matches(PostText text, Candidates found, int lexicon) {
        Lexicon l = lexicons.get(lexicon);
        List<Lexicon.Match> out = new ArrayList<>();
        int next = 0;
        for (int i : found.starts()) {
            if (i < next) {
                continue;
            }
            int best = l.longestAt(text, i, slot(found.exact()[i], lexicon), -1, true);
            best = l.longestAt(text, i, slot(found.prefixed()[i], lexicon), best, false);
            best = l.longestAt(text, i, shortPrefixFirst[lexicon], best, false);
            if (best >= 0) {
                int length = l.entries().get(best).term().length();
                out.add(new Lexicon.Match(i, length, best));
                next = i + length;
            }
        }
        return out;
    }

    private static int[] slot(int[][] slots, int lexicon) {
        return slots == null ? NONE : slots[lexicon];
    }
}
