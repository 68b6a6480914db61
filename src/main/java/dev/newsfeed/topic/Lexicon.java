package dev.newsfeed.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One topic's terms, found in a post: how many sentences of the headline, the lead and the body name each,
 * and how many name an anchor (a place, a subject) together with an action. Where terms overlap the longest
 * wins ("cluster munitions" over "munitions"), within a topic and across topics ({@link #findAll}).
 */
final class Lexicon {

    /** What a term is to its topic; the kinds come from the topic file, {@code LEARNED} from the trainer. */
    enum Kind {
        /** A place of the topic's gazetteer (a front's towns and rivers). */
        PLACE,
        /** A subject that, with an action, makes a sentence about the topic ("homes" with "hit"). */
        SUBJECT,
        /** What happens to a place or subject ("advance", "killed"). */
        ACTION,
        /** A term that names the topic itself ("sanctions", "mobilised"). */
        STRONG,
        /** A term of the topic's scope note that other news uses too ("aid", "talks"). */
        TERM,
        /** A word the trainer found telling on the labelled posts. */
        LEARNED;

        boolean anchor() {
            return this == PLACE || this == SUBJECT;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String label) {
            return valueOf(label.toUpperCase(java.util.Locale.ROOT));
        }
    }

    record Entry(Term term, Kind kind) {
    }

    /**
     * What was found: {@code counts[entry][zone]}, the sentences of each zone naming the entry (a term said
     * twice in one sentence is one sentence about it), {@code together[zone]} (sentences with an anchor and an
     * action), and for each sentence the entries found in it.
     */
    record Hits(int[][] counts, int[] together, List<List<Integer>> bySentence) {
    }

    private final List<Entry> entries;
    private final Map<String, List<Integer>> byFirstWord = new HashMap<>();
    /** Entries whose first word is a prefix ("mobili*"), by the prefix's first three letters. */
    private final Map<String, List<Integer>> prefixFirst = new HashMap<>();
    /** Entries whose first word is a prefix of fewer than three letters. */
    private final List<Integer> shortPrefixFirst = new ArrayList<>();

    Lexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            Term t = entries.get(i).term();
            String first = t.words().get(0);
            if (t.prefixes().get(0) && first.length() < PostText.HEAD) {
                shortPrefixFirst.add(i);
            } else if (t.prefixes().get(0)) {
                prefixFirst.computeIfAbsent(first.substring(0, PostText.HEAD), k -> new ArrayList<>()).add(i);
            } else {
                byFirstWord.computeIfAbsent(t.words().get(0), k -> new ArrayList<>()).add(i);
            }
        }
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * Sentences about this lexicon's topic by the topic file's own words: a strong or core term stands in it,
     * or an anchor with an action. (Not a learned word, nor a place alone, which may be a dateline.)
     */
    boolean[] aboutSentences(PostText text, Hits hits) {
        boolean[] about = new boolean[text.sentenceCount()];
        for (int s = 0; s < about.length; s++) {
            boolean anchor = false;
            boolean action = false;
            for (int e : hits.bySentence().get(s)) {
                Kind k = entries.get(e).kind();
                about[s] |= k == Kind.STRONG || k == Kind.TERM;
                anchor |= k.anchor();
                action |= k == Kind.ACTION;
            }
            about[s] |= anchor && action;
        }
        return about;
    }

    /** Whether the headline (or the first sentence standing for it) is about this lexicon's topic. */
    boolean claimsHeadline(PostText text, Hits hits) {
        return text.sentenceCount() > 0 && text.zoneOf(0) == PostText.Zone.HEADLINE && aboutSentences(text, hits)[0];
    }

    /** Share of the post's words in sentences about this lexicon's topic: how much of the post it fills. */
    double share(PostText text, Hits hits) {
        if (text.wordCount() == 0) {
            return 0;
        }
        boolean[] about = aboutSentences(text, hits);
        int words = 0;
        for (int s = 0; s < about.length; s++) {
            words += about[s] ? text.wordsIn(s) : 0;
        }
        return (double) words / text.wordCount();
    }

    /** An entry found at a word, spanning {@code length} words. */
    record Match(int start, int length, int entry) {
    }

    Hits find(PostText text) {
        return hits(text, matches(text));
    }

    /**
     * Each lexicon's hits, where a phrase of another topic longer than a match swallows it: "nuclear arms" is
     * the nuclear topic's, and its "arms" is no weapons delivery.
     */
    static List<Hits> findAll(List<Lexicon> lexicons, PostText text) {
        int[] longest = new int[text.words().size()];
        List<List<Match>> all = new ArrayList<>();
        for (Lexicon l : lexicons) {
            List<Match> ms = l.matches(text);
            all.add(ms);
            for (Match m : ms) {
                for (int i = m.start(); i < m.start() + m.length(); i++) {
                    longest[i] = Math.max(longest[i], m.length());
                }
            }
        }
        List<Hits> out = new ArrayList<>();
        for (int l = 0; l < lexicons.size(); l++) {
            List<Match> kept = new ArrayList<>();
            for (Match m : all.get(l)) {
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

    /** Entries found, longest first where they overlap, left to right. */
    List<Match> matches(PostText text) {
        List<Match> out = new ArrayList<>();
        List<PostText.Word> words = text.words();
        int i = 0;
        while (i < words.size()) {
            int best = -1;
            for (int e : candidates(words.get(i))) {
                Term t = entries.get(e).term();
                if ((best < 0 || t.length() > entries.get(best).term().length()) && t.matchesAt(words, i)) {
                    best = e;
                }
            }
            if (best < 0) {
                i++;
                continue;
            }
            out.add(new Match(i, entries.get(best).term().length(), best));
            i += entries.get(best).term().length();
        }
        return out;
    }

    private Hits hits(PostText text, List<Match> matches) {
        int[][] counts = new int[entries.size()][PostText.Zone.values().length];
        List<List<Integer>> bySentence = new ArrayList<>();
        for (int s = 0; s < text.sentenceCount(); s++) {
            bySentence.add(new ArrayList<>());
        }
        int[] lastSentence = new int[entries.size()];
        java.util.Arrays.fill(lastSentence, -1);
        for (Match m : matches) {
            PostText.Word w = text.words().get(m.start());
            if (lastSentence[m.entry()] != w.sentence()) {
                lastSentence[m.entry()] = w.sentence();
                counts[m.entry()][w.zone().ordinal()]++;
                bySentence.get(w.sentence()).add(m.entry());
            }
        }
        int[] together = new int[PostText.Zone.values().length];
        for (int s = 0; s < bySentence.size(); s++) {
            boolean anchor = false;
            boolean action = false;
            for (int e : bySentence.get(s)) {
                anchor |= entries.get(e).kind().anchor();
                action |= entries.get(e).kind() == Kind.ACTION;
            }
            if (anchor && action) {
                together[text.zoneOf(s).ordinal()]++;
            }
        }
        return new Hits(counts, together, bySentence);
    }

    /** Entries that may start at this word: its stem's, and those whose prefix its beginning may match. */
    private List<Integer> candidates(PostText.Word w) {
        List<Integer> exact = byFirstWord.getOrDefault(w.stem(), List.of());
        List<Integer> prefixed = prefixFirst.getOrDefault(w.head(), List.of());
        if (prefixed.isEmpty() && shortPrefixFirst.isEmpty()) {
            return exact;
        }
        List<Integer> out = new ArrayList<>(exact);
        out.addAll(prefixed);
        out.addAll(shortPrefixFirst);
        return out;
    }
}
