package dev.newsfeed.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A post cut into words, each word knowing its sentence and where it stands: in the headline, in the lead
 * (the body's first sentence) or further down the body. The classifier and its trainer both read posts
 * through this class, so a model is applied to words cut exactly as the words it was trained on.
 */
final class PostText {

    /** Where a word stands. The headline and the lead say what a post is about; the body may wander. */
    enum Zone { HEADLINE, LEAD, BODY }

    /**
     * A word: as written (lower case, quotes unified), its stem, its first three letters (where prefix terms
     * are looked up), its zone and its sentence's index.
     */
    record Word(String text, String stem, String head, Zone zone, int sentence) {
    }

    /** Letters of a word's head: prefix terms are indexed by theirs. */
    static final int HEAD = 3;

    private final List<Word> words;
    private final int sentences;
    private final int[] sentenceWords;
    private final Zone[] sentenceZones;
    private final int bodyWords;

    private PostText(List<Word> words, int sentences) {
        this.words = List.copyOf(words);
        this.sentences = sentences;
        this.sentenceWords = new int[sentences];
        this.sentenceZones = new Zone[sentences];
        int body = 0;
        for (Word w : words) {
            sentenceWords[w.sentence()]++;
            sentenceZones[w.sentence()] = w.zone();
            body += w.zone() == Zone.BODY ? 1 : 0;
        }
        this.bodyWords = body;
    }

    /**
     * A post's words. Without a headline the body's first sentence stands in for it, and the second sentence
     * is the lead: a post that starts "9:20 p.m.: Russia shelled ..." says first what it is about, like a
     * headline does.
     */
    static PostText of(String headline, List<String> body) {
        List<Word> words = new ArrayList<>();
        int sentence = 0;
        boolean hasHeadline = headline != null && !headline.isBlank() && addWords(headline, Zone.HEADLINE, 0, words);
        if (hasHeadline) {
            sentence++;
        }
        for (String paragraph : body == null ? List.<String>of() : body) {
            if (paragraph == null) {
                continue;
            }
            for (String s : sentences(paragraph)) {
                Zone zone = sentence == 0 ? Zone.HEADLINE : sentence == 1 ? Zone.LEAD : Zone.BODY;
                if (addWords(s, zone, sentence, words)) {
                    sentence++;
                }
            }
        }
        return new PostText(words, sentence);
    }

    List<Word> words() {
        return words;
    }

    int wordCount() {
        return words.size();
    }

    /** Words of the body after its lead. */
    int bodyWordCount() {
        return bodyWords;
    }

    int sentenceCount() {
        return sentences;
    }

    int wordsIn(int sentence) {
        return sentenceWords[sentence];
    }

    Zone zoneOf(int sentence) {
        return sentenceZones[sentence];
    }

    private static boolean addWords(String text, Zone zone, int sentence, List<Word> out) {
        int before = out.size();
        for (String t : tokens(text)) {
            out.add(new Word(t, stem(t), t.length() < HEAD ? "" : t.substring(0, HEAD), zone, sentence));
        }
        return out.size() > before;
    }

    /**
     * Words of a text, lower case: letters and digits, joined across a hyphen, an apostrophe or a dot between
     * two of them ("russian-installed", "f-16s", "people's", "u.s" → "us"). A trailing possessive is dropped.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        String s = text.toLowerCase(Locale.ROOT);
        int n = s.length();
        // A char buffer rather than a StringBuilder: every word of every post passes through here.
        char[] b = new char[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            char c = unify(s.charAt(i));
            if (Character.isLetterOrDigit(c)) {
                b[length++] = c;
            } else if ((c == '-' || c == '\'' || c == '.') && length > 0 && i + 1 < n
                    && Character.isLetterOrDigit(s.charAt(i + 1))) {
                if (c != '.') {
                    b[length++] = c;
                }
            } else if (length > 0) {
                out.add(withoutPossessive(b, length));
                length = 0;
            }
        }
        if (length > 0) {
            out.add(withoutPossessive(b, length));
        }
        return out;
    }

    private static char unify(char c) {
        return c == '\u2019' || c == '\u2018' || c == '`' ? '\'' : c == '\u2010' || c == '\u2011' ? '-' : c;
    }

    private static String withoutPossessive(char[] word, int length) {
        boolean possessive = length > 2 && word[length - 2] == '\'' && word[length - 1] == 's';
        return new String(word, 0, possessive ? length - 2 : length);
    }

    /** Plural to singular, crudely: enough for "missiles" and "missile" to be one word, no more. */
    static String stem(String word) {
        int n = word.length();
        if (n > 4 && word.endsWith("ies")) {
            return word.substring(0, n - 3) + "y";
        }
        if (n > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")
                && Character.isLetter(word.charAt(n - 2))) {
            return word.substring(0, n - 1);
        }
        return word;
    }

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "gen", "lt", "col",
            "sgt", "capt", "gov", "sen", "rep", "jr", "sr", "prof", "rev", "maj", "adm", "no", "vs", "jan", "feb",
            "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "approx", "est");

    /**
     * Sentences of a paragraph: cut after '.', '?' or '!' (and closing quotes) before a space, unless the dot
     * ends an initial or a common abbreviation. The classifier's own, not the extractor's: a model's weights
     * hold for the cut it was trained with, and the extractor changes on its own schedule.
     */
    static List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = paragraph.length();
        for (int i = 0; i < n; i++) {
            char c = paragraph.charAt(i);
            if (c != '.' && c != '?' && c != '!') {
                continue;
            }
            int j = i + 1;
            while (j < n && "\"'\u201D\u2019)".indexOf(paragraph.charAt(j)) >= 0) {
                j++;
            }
            if (j < n && Character.isWhitespace(paragraph.charAt(j)) && !(c == '.' && abbreviation(paragraph, i))) {
                add(out, paragraph.substring(start, j));
                start = j;
                i = j;
            }
        }
        add(out, paragraph.substring(Math.min(start, n)));
        return out;
    }

    private static void add(List<String> out, String sentence) {
        String s = sentence.strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    private static boolean abbreviation(String text, int dot) {
        int start = dot;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, dot);
        boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
        boolean dotted = start > 0 && text.charAt(start - 1) == '.';
        return initial || dotted || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }
}
