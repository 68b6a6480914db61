package dev.newsfeed.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One topic's terms, found in a post: how often each stands in the headline, the lead and the body, and how
 * many sentences name an anchor (a place, a subject) together with an action. Where terms overlap the longest
 * wins ("cluster munitions" over "munitions"), so one word is never counted twice.
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
    private final List<Integer> prefixFirst = new ArrayList<>();

    Lexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            Term t = entries.get(i).term();
            if (t.prefixes().get(0)) {
                prefixFirst.add(i);
            } else {
                byFirstWord.computeIfAbsent(t.words().get(0), k -> new ArrayList<>()).add(i);
            }
        }
    }

    List<Entry> entries() {
        return entries;
    }

    Hits find(PostText text) {
        int[][] counts = new int[entries.size()][PostText.Zone.values().length];
        List<List<Integer>> bySentence = new ArrayList<>();
        for (int s = 0; s < text.sentenceCount(); s++) {
            bySentence.add(new ArrayList<>());
        }
        List<PostText.Word> words = text.words();
        int[] lastSentence = new int[entries.size()];
        java.util.Arrays.fill(lastSentence, -1);
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
            PostText.Word w = words.get(i);
            if (lastSentence[best] != w.sentence()) {
                lastSentence[best] = w.sentence();
                counts[best][w.zone().ordinal()]++;
                bySentence.get(w.sentence()).add(best);
            }
            i += entries.get(best).term().length();
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

    private List<Integer> candidates(PostText.Word w) {
        List<Integer> exact = byFirstWord.getOrDefault(w.stem(), List.of());
        if (prefixFirst.isEmpty()) {
            return exact;
        }
        List<Integer> out = new ArrayList<>(exact);
        for (int e : prefixFirst) {
            if (w.text().startsWith(entries.get(e).term().words().get(0))) {
                out.add(e);
            }
        }
        return out;
    }
}
