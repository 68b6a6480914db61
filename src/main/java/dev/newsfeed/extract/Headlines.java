package dev.newsfeed.extract;

/** What a headline line looks like, and what a paragraph of prose looks like, wherever they are printed. */
final class Headlines {

    private static final int MAX_WORDS = 30;
    private static final int MAX_CHARS = 220;

    private Headlines() {
    }

    /**
     * A few words that do not end like a sentence: "Spain's Sánchez congratulates Trump", "What happened in
     * Ukraine on Tuesday?". Not a byline, a label or furniture.
     */
    static boolean isHeadline(String s) {
        s = Text.strip(s);
        if (s.length() < 8 || s.length() > MAX_CHARS) {
            return false;
        }
        int words = Text.wordCount(s);
        if (words < 2 || words > MAX_WORDS) {
            return false;
        }
        int first = s.codePointAt(0);
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || "'‘“\"$£€".indexOf(first) >= 0)) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (".,;:".indexOf(last) >= 0 || "”’\"'".indexOf(last) >= 0 && s.length() > 2
                && ".,".indexOf(s.charAt(s.length() - 2)) >= 0) {
            return false;
        }
        return !Boilerplate.isNavigation(s) && Bylines.line(s).isEmpty() && !Labels.isLabel(s)
                && !Stamps.isDateOnly(s);
    }

    /** A paragraph: a sentence or more ("… said on Tuesday."), or a long run of words cut by the page's end. */
    static boolean isProse(String s) {
        if (s.length() >= 140) {
            return true;
        }
        int words = Text.wordCount(s);
        if (words >= 25) {
            return true;
        }
        char last = s.charAt(s.length() - 1);
        return words >= 6 && ".!?\"”’:…)".indexOf(last) >= 0;
    }
}
