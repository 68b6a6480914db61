package dev.newsfeed.topic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One topic's terms, found in a post: how many sentences of the headline, the lead and the body name each,
 * and how many name an anchor (a place, a subject) together with an action. Where terms overlap the longest
 * wins ("cluster munitions" over "munitions"), within a topic and across topics ({@link LexiconIndex#findAll}).
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
    /** Each entry's words, read at every candidate word of every post. */
    private final int[] lengths;
    /** This lexicon alone, for {@link #find}. */
    private final LexiconIndex alone;
    private final boolean hasPlaces;

    Lexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.lengths = entries.stream().mapToInt(e -> e.term().length()).toArray();
        this.alone = new LexiconIndex(List.of(this));
        this.hasPlaces = entries.stream().anyMatch(e -> e.kind() == Kind.PLACE);
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
            about[s] = about(hits.bySentence().get(s));
        }
        return about;
    }

    /** Whether a sentence with these entries is about this lexicon's topic ({@link #aboutSentences}). */
    private boolean about(List<Integer> sentenceEntries) {
        boolean anchor = false;
        boolean action = false;
        for (int e : sentenceEntries) {
            Kind k = entries.get(e).kind();
            if (k == Kind.STRONG || k == Kind.TERM) {
                return true;
            }
            anchor |= k.anchor();
            action |= k == Kind.ACTION;
        }
        return anchor && action;
    }

    /** Whether the lexicon names places (a front's gazetteer): fronts compete for their places' posts. */
    boolean hasPlaces() {
        return hasPlaces;
    }

    /** Sentences naming one of this lexicon's places. */
    boolean[] placeSentences(PostText text, Hits hits) {
        boolean[] out = new boolean[text.sentenceCount()];
        for (int s = 0; s < out.length; s++) {
            for (int e : hits.bySentence().get(s)) {
                if (entries.get(e).kind() == Kind.PLACE) {
                    out[s] = true;
                    break;
                }
            }
        }
        return out;
    }

    /** Whether the headline (or the first sentence standing for it) is about this lexicon's topic. */
    boolean claimsHeadline(PostText text, Hits hits) {
        return text.sentenceCount() > 0 && text.zoneOf(0) == PostText.Zone.HEADLINE
                && about(hits.bySentence().get(0));
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
        return alone.find(text, alone.candidates(text), 0);
    }

    /**
     * The longest of {@code candidates} standing at word {@code at}, or {@code best} when none is longer; of
     * equally long ones the first.
     *
     * @param byStem the candidates were looked up by the word's stem: a one-word one stands there already
     */
    int longestAt(PostText text, int at, int[] candidates, int best, boolean byStem) {
        for (int e : candidates) {
            int length = lengths[e];
            if ((best < 0 || length > lengths[best])
                    && (byStem && length == 1 || entries.get(e).term().matchesAt(text.words(), at))) {
                best = e;
            }
        }
        return best;
    }

    Hits hits(PostText text, List<Match> matches) {
        int[][] counts = new int[entries.size()][PostText.Zone.values().length];
        // Most sentences name nothing of a topic: they share one empty list.
        List<List<Integer>> bySentence = new ArrayList<>(Collections.nCopies(text.sentenceCount(),
                List.<Integer>of()));
        int[] lastSentence = new int[entries.size()];
        java.util.Arrays.fill(lastSentence, -1);
        for (Match m : matches) {
            PostText.Word w = text.words().get(m.start());
            if (lastSentence[m.entry()] != w.sentence()) {
                lastSentence[m.entry()] = w.sentence();
                counts[m.entry()][w.zone().ordinal()]++;
                if (bySentence.get(w.sentence()).isEmpty()) {
                    bySentence.set(w.sentence(), new ArrayList<>());
                }
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
}
