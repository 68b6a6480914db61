package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.List;

/** Small text helpers shared by the extractor's stages; {@link #key} and {@link #sentences} serve the pipeline too. */
public final class Text {

    private Text() {
    }

    /** Trims spaces and no-break spaces, which pages leave around lines. */
    static String strip(String s) {
        return strip(s, 0, s.length());
    }

    /** {@link #strip(String)} of {@code s[start, end)}, copying only what is kept. */
    static String strip(String s, int start, int end) {
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7F) {
            return false; // printable ASCII, most of any page: no table look-ups
        }
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u200B' || c == '\uFEFF';
    }

    static int wordCount(String s) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = isSpace(s.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    /** {@code wordCount(s) > max}, read only as far as the word after the {@code max}th: prose lines are long. */
    static boolean hasMoreWords(String s, int max) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = isSpace(s.charAt(i));
            if (!space && !inWord && ++count > max) {
                return true;
            }
            inWord = !space;
        }
        return false;
    }

    /**
     * Whether a pattern ending in {@code $} and one of {@code ends} may match {@code line}: it ends with one of them,
     * or with a line terminator, before which {@code $} matches too.
     */
    static boolean mayEndWith(String line, String[] ends) {
        if (line.isEmpty()) {
            return true;
        }
        char last = line.charAt(line.length() - 1);
        if (last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029') {
            return true;
        }
        for (String end : ends) {
            if (line.endsWith(end)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} holds one of {@code lowerNeedles} (ASCII, lower case) in any case, at a word start. */
    static boolean containsIgnoreCase(String text, List<String> lowerNeedles) {
        for (int j = 0; j < lowerNeedles.size(); j++) {
            char first = lowerNeedles.get(j).charAt(0);
            if (firstWithThatLetter(lowerNeedles, j)
                    && (occursAtWordStart(text, lowerNeedles, first) || occursAtWordStart(text, lowerNeedles,
                    (char) (first - 0x20)))) {
                return true;
            }
        }
        return false;
    }

    /** Needles sharing a first letter are looked for in one search for that letter. */
    private static boolean firstWithThatLetter(List<String> lowerNeedles, int j) {
        for (int k = 0; k < j; k++) {
            if (lowerNeedles.get(k).charAt(0) == lowerNeedles.get(j).charAt(0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a needle starting with {@code first} (in either case) stands in {@code text} at a word start where
     * {@code text} has {@code first}; the candidates are found by {@link String#indexOf(int, int)}, which is far
     * quicker than a loop over the chars.
     */
    private static boolean occursAtWordStart(String text, List<String> lowerNeedles, char first) {
        char lower = (char) (first | 0x20);
        for (int i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
            if (i == 0 || !Character.isLetter(text.charAt(i - 1))) {
                for (String needle : lowerNeedles) {
                    if (needle.charAt(0) == lower && text.regionMatches(true, i, needle, 0, needle.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A few words that do not end like a sentence: a heading, a role, a label. */
    static boolean isPhrase(String s, int maxWords) {
        if (s.isEmpty() || hasMoreWords(s, maxWords)) {
            return false;
        }
        return ".?!\"”".indexOf(s.charAt(s.length() - 1)) < 0;
    }

    /** True when {@code s} holds nothing but spaces, without copying it (pages may be 20 MB). */
    static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cased letters and digits only: two headlines are the same post when their keys are equal. */
    /** Whether {@code text} ends as a sentence or a quotation does: what a complete paragraph ends with. */
    static boolean endsLikeSentence(String text) {
        return !text.isEmpty() && ".!?\"”’)…»".indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    public static String key(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /**
     * Splits prose into sentences at '.', '?' or '!' (with any closing quote) followed by a space.
     * Deliberately simple: it is used to show and compare sentences, not to understand them.
     */
    public static List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = paragraph.length();
        for (int i = 0; i < n; i++) {
            char c = paragraph.charAt(i);
            if (c == '.' || c == '?' || c == '!') {
                int j = i + 1;
                while (j < n && isClosingQuote(paragraph.charAt(j))) {
                    j++;
                }
                if (j < n && isSpace(paragraph.charAt(j)) && !(c == '.' && j == i + 1 && isAbbreviation(paragraph, i))) {
                    out.add(strip(paragraph.substring(start, j)));
                    start = j + 1;
                    i = j;
                }
            }
        }
        String tail = strip(paragraph.substring(Math.min(start, n)));
        if (!tail.isEmpty()) {
            out.add(tail);
        }
        return out;
    }

    /** True when the period at {@code dot} closes "U.N.", "Mr." or an initial, not a sentence. */
    private static boolean isAbbreviation(String text, int dot) {
        int start = dot;
        while (start > 0 && !isSpace(text.charAt(start - 1)) && text.charAt(start - 1) != '(') {
            start--;
        }
        String word = text.substring(start, dot);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        return word.length() >= 3 && word.charAt(word.length() - 2) == '.' && Character.isLetter(word.charAt(word.length() - 1))
                || ABBREVIATIONS.contains(word);
    }

    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Gen",
            "Lt", "Col", "Sgt", "Capt", "Gov", "Sen", "Rep", "Jr", "Sr", "Prof", "Rev", "Maj", "Adm", "Cpl", "Pvt",
            "Mt", "Ft", "No", "vs", "approx", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec");

    private static boolean isClosingQuote(char c) {
        return c == '"' || c == '”' || c == '’' || c == '\'' || c == '»';
    }
}
