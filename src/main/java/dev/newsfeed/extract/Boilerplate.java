package dev.newsfeed.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Site furniture that is never part of a post: navigation, footers, promos, "About admin". */
final class Boilerplate {

    /** Lines after which nothing belongs to the article. */
    private static final Pattern END = Pattern.compile(
            "^(?:About (?:admin|the author)|Check Also|Related(?: posts| articles| stories)?|You may also like"
                    + "|Leave a (?:Reply|Comment)|Share this:?|Tags:.*|More from .{1,40}|Most (?:read|viewed|popular)"
                    + "|Read next|©.*|Copyright (?:©|\\(c\\)|\\d{4}).*|Terms of Use.*|Please enable JavaScript.*)$",
            Pattern.CASE_INSENSITIVE);
    /** Lines dropped wherever they stand. */
    private static final Pattern SKIP = Pattern.compile(
            "^(?:\\d{1,4} Posts\\b.*|\\d{1,4}|Posted (?:by|on) \\p{Ll}\\S{0,30}(?: on .{1,40})?"
                    + "|Sort by.*|Latest ?Sort by latest.*|Advertisement|Skip to (?:content|main content)"
                    + "|Image|Video|Play Video|Show more|Load more(?: posts)?|Dropdown arrow"
                    + "|Key events|Show key events only|Image (?:caption|source),?.{0,80}|Media caption,?"
                    + "|[·•]?\\d{1,2}[- ]min(?:ute)? read|Full Screen|\\d{1,3} / \\d{1,3}|Recommended Videos"
                    + "|Live Reporting|Get involved|All times (?:stated )?(?:are )?[A-Z]{2,4}|Open / Comment"
                    + "|Why you can trust .{1,30}|Live (?:reporting|coverage) (?:by|contributors) .{0,200}"
                    + "|Edited by .{1,120}|Live updates?|LIVE|Live|Oops!|Something went wrong\\.?"
                    + "|Please try again later\\.?|In this article:"
                    + "|\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} By : .{1,60})$",
            Pattern.CASE_INSENSITIVE);
    /** Share-widget lines that stand between posts, and markdown images ("![]() |") left by a converter. */
    private static final Pattern SEPARATOR = Pattern.compile(
            "^(?:Copy link|Link copied!?|Share(?: this (?:post|update))?|Back to top|Post|Permalink|Share post"
                    + "|Copy Link to this update|Link to this update)$",
            Pattern.CASE_INSENSITIVE);
    /**
     * Outlets' and aggregators' widget texts, as data: each is furniture wherever it stands, whoever prints it.
     * Listed exactly (lower case), never as patterns, so no page's prose is ever taken for one.
     */
    private static final Set<String> WIDGET_TEXTS = Set.of("get all your news in one place.",
            "100’s of premium titles.", "one app.", "start reading", "register now for free unlimited access to",
            "accessibility links", "breaking news", "find out more", "i don’t have a tv licence.",
            "got a tv licence?", "live briefing", "live ended", "live blog ended", "this live blog has ended",
            "this live blog is now closed");

    /** Credit lines that close an article: "With reporting from Reuters". */
    private static final Pattern CREDIT_LINE = Pattern.compile(
            "^(?:With |Additional )(?:additional )?reporting (?:from|by) .{1,120}$|^Reporting by .{1,120}$|^\\(?Reporting by .{1,200}$"
                    + "|^Some information (?:for|in) this (?:report|story|article) (?:came|comes) from .{1,160}$"
                    + "|^.{1,40} and (?:news )?agencies$",
            Pattern.CASE_INSENSITIVE);
    /** The longest end-of-article line ("Copyright 2022 The Associated Press. All rights reserved." and kin). */
    private static final int MAX_END = 160;
    /** The longest credit line: "With reporting from" and up to 200 characters of names. */
    private static final int MAX_CREDIT = 240;
    /** Promos are a line or two; a long paragraph that says "click here" is the post's own text. */
    private static final int MAX_PROMO = 300;
    private static final List<String> PROMO_PHRASES = List.of("click here", "sign up for", "subscribe to our");
    private static final Pattern FOOTER_MARK = Pattern.compile(
            "©|\\bTerms of (?:Use|Service)\\b|\\bAll Rights Reserved\\b|\\bPlease enable JavaScript\\b");
    private static final int SHINGLE = 6;
    /** Small words that join a headline's phrases; menus list names and hardly use them. */
    private static final Set<String> TITLE_JOINERS = Set.of("Of", "For", "With", "To", "In", "On", "At", "Is",
            "Are", "Says", "Say", "Calls", "After", "Under", "Over", "From", "As", "Against", "Amid", "By", "Into",
            "Its", "His", "Her", "Their", "Will", "Has", "Have", "Was", "Were", "Not");

    private Boilerplate() {
    }

    static boolean isEnd(String line) {
        return line.length() <= MAX_END && startsLike(line, END_STARTS) && END.matcher(line).matches();
    }

    static boolean isSkip(String line) {
        return line.length() <= MAX_SKIP && startsLike(line, SKIP_STARTS) && SKIP.matcher(line).matches()
                || line.length() <= MAX_WIDGET && mayBeWidget(line)
                && WIDGET_TEXTS.contains(line.toLowerCase(java.util.Locale.ROOT))
                || isNavigation(line);
    }

    /**
     * Lower-casing keeps the length of a Latin-1 line, so one whose length no widget text has is rejected without
     * the copy; other lines are lower-cased and looked up.
     */
    private static boolean mayBeWidget(String line) {
        if (WIDGET_LENGTHS.contains(line.length())) {
            return true;
        }
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) > 0xFF) {
                return true;
            }
        }
        return false;
    }

    private static final Set<Integer> WIDGET_LENGTHS = widgetLengths();

    private static Set<Integer> widgetLengths() {
        Set<Integer> lengths = new HashSet<>();
        WIDGET_TEXTS.forEach(t -> lengths.add(t.length()));
        return Set.copyOf(lengths);
    }

    /** The longest skipped line ("Live reporting by …" with its names); longer lines are not tried. */
    private static final int MAX_SKIP = 260;
    private static final int MAX_WIDGET = 60;

    static boolean isSeparator(String line) {
        return line.length() <= 40 && (startsLike(line, SEPARATOR_STARTS) && SEPARATOR.matcher(line).matches()
                || line.startsWith("![]("));
    }

    /**
     * How {@link #END}, {@link #SKIP} and {@link #SEPARATOR} can start: a character, or a letter and the next, in
     * capitals (the patterns ignore the case of ASCII letters only). Most lines start otherwise and are rejected
     * before the pattern is tried.
     */
    private static final List<String> END_STARTS = List.of("©", "AB", "CH", "CO", "LE", "MO", "PL", "RE", "SH", "TA",
            "TE", "YO");
    private static final List<String> SKIP_STARTS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "·", "•",
            "AD", "AL", "DR", "ED", "FU", "GE", "IM", "IN", "KE", "LA", "LI", "LO", "ME", "OO", "OP", "PL", "PO", "RE",
            "SH", "SK", "SO", "VI", "WH");
    private static final List<String> SEPARATOR_STARTS = List.of("BA", "CO", "LI", "PE", "PO", "SH");

    private static boolean startsLike(String line, List<String> starts) {
        for (int i = 0; i < starts.size(); i++) {
            String start = starts.get(i);
            if (line.length() >= start.length() && asciiUpper(line.charAt(0)) == start.charAt(0)
                    && (start.length() == 1 || asciiUpper(line.charAt(1)) == start.charAt(1))) {
                return true;
            }
        }
        return false;
    }

    private static char asciiUpper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
    }

    static boolean isCreditLine(String line) {
        return line.length() <= MAX_CREDIT && mayBeCredit(line) && CREDIT_LINE.matcher(line).matches();
    }

    /** What every credit line starts or ends with, checked before the pattern, which most lines fail. */
    private static boolean mayBeCredit(String line) {
        return "WwAaRr(Ss".indexOf(line.charAt(0)) >= 0
                || line.regionMatches(true, line.length() - CREDIT_END.length(), CREDIT_END, 0, CREDIT_END.length());
    }

    private static final String CREDIT_END = "agencies";

    static boolean isPromo(String line) {
        return line.length() <= MAX_PROMO && Text.containsIgnoreCase(line, PROMO_PHRASES);
    }

    /** Many capitalised words and no sentence: a menu ("World Africa Americas Asia ..."). */
    static boolean isNavigation(String line) {
        char last = line.charAt(line.length() - 1);
        if (last == '.' || last == '"' || last == '”') {
            return false;
        }
        int words = 0;
        int capitalised = 0;
        for (int start = wordStart(line, 0); start < line.length(); ) {
            int end = wordEnd(line, start);
            words++;
            if (isMenuWordStart(line, start, end)) {
                capitalised++;
            }
            start = wordStart(line, end);
        }
        // Two joiners make a headline in title case ("Zelenskiy Calls For Direct Talks With Putin"); they are only
        // looked up on lines that would otherwise be a menu, which few lines are.
        return words >= 6 && capitalised >= words * 0.9 && joiners(line) < 2;
    }

    /** {@link Character#isWhitespace}, without its table look-up for printable ASCII, most of any line. */
    private static boolean isWhitespace(char c) {
        return (c <= ' ' || c >= 0x7F) && Character.isWhitespace(c);
    }

    /** Where the word at or after {@code i} starts: the line's length when none is left. */
    private static int wordStart(String line, int i) {
        while (i < line.length() && isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the word starting at {@code start} ends. */
    private static int wordEnd(String line, int start) {
        int i = start;
        while (i < line.length() && !isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isMenuWordStart(String line, int start, int end) {
        char first = line.charAt(start);
        return Character.isUpperCase(first) || first == '&' && end - start == 1;
    }

    /** How many capitalised words of {@code line} are {@link #TITLE_JOINERS}, in the words' own case or in capitals. */
    private static int joiners(String line) {
        int joiners = 0;
        for (int start = wordStart(line, 0); start < line.length(); ) {
            int end = wordEnd(line, start);
            if (isMenuWordStart(line, start, end) && end - start <= 7
                    && JOINER_FIRSTS.indexOf(line.charAt(start)) >= 0
                    && TITLE_JOINERS.contains(joiner(line, start, end))) {
                joiners++;
            }
            start = wordStart(line, end);
        }
        return joiners;
    }

    /** The first letters of {@link #TITLE_JOINERS}, which {@link #joiner} keeps: other words need no copy. */
    private static final String JOINER_FIRSTS = joinerFirsts();

    private static String joinerFirsts() {
        StringBuilder firsts = new StringBuilder();
        TITLE_JOINERS.forEach(j -> firsts.append(j.charAt(0)));
        return firsts.toString();
    }

    /** "SAYS" as "Says": a headline shouted in capitals has the same joiners as one in title case. */
    private static String joiner(String line, int start, int end) {
        String word = line.substring(start, end);
        return word.length() < 2 || !Character.isUpperCase(word.charAt(1)) ? word
                : word.charAt(0) + word.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Cuts a flattened page's footer off the last post. The footer repeats the header's navigation, so the
     * first run of words that also stands in the header starts it; capitalised menu words just before that run
     * go with it, back to the end of the last sentence.
     */
    static String cutFooter(String text, String header) {
        int cut = firstSharedRun(text, header);
        java.util.regex.Matcher mark = FOOTER_MARK.matcher(text);
        if (mark.find() && mark.start() < cut) {
            cut = mark.start();
        }
        if (cut >= text.length()) {
            return text;
        }
        return text.substring(0, backToSentenceEnd(text, cut));
    }

    private static int firstSharedRun(String text, String header) {
        String[] headerWords = header.split(" +");
        if (headerWords.length < SHINGLE) {
            return text.length();
        }
        Set<String> shingles = new HashSet<>();
        Set<String> firstWords = new HashSet<>();
        for (int i = 0; i + SHINGLE <= headerWords.length; i++) {
            String[] run = java.util.Arrays.copyOfRange(headerWords, i, i + SHINGLE);
            // Only menu runs: the header's summary may quote a post's own sentences.
            if (java.util.Arrays.stream(run).allMatch(Boilerplate::isMenuWord)) {
                shingles.add(String.join(" ", run));
                firstWords.add(run[0]);
            }
        }
        if (shingles.isEmpty()) {
            return text.length();
        }
        String[] words = text.split(" +");
        int offset = 0;
        for (int i = 0; i < words.length; i++) {
            offset = text.indexOf(words[i], offset);
            int start = offset;
            offset += words[i].length();
            // A run is only joined into a string where its first word starts some shingle.
            if (i + SHINGLE <= words.length && firstWords.contains(words[i])
                    && shingles.contains(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + SHINGLE)))) {
                return start;
            }
        }
        return text.length();
    }

    private static boolean isMenuWord(String w) {
        return !w.isEmpty() && (Character.isUpperCase(w.codePointAt(0)) || w.equals("&"));
    }

    private static int backToSentenceEnd(String text, int cut) {
        int p = cut;
        while (p > 0) {
            int wordEnd = p;
            while (wordEnd > 0 && text.charAt(wordEnd - 1) == ' ') {
                wordEnd--;
            }
            int wordStart = wordEnd;
            while (wordStart > 0 && text.charAt(wordStart - 1) != ' ') {
                wordStart--;
            }
            if (wordStart == wordEnd) {
                return wordEnd;
            }
            String word = text.substring(wordStart, wordEnd);
            char last = word.charAt(word.length() - 1);
            if (last == '.' || last == '!' || last == '?' || last == '"' || last == '”' || last == ')'
                    || !Character.isUpperCase(word.codePointAt(0))) {
                return wordEnd;
            }
            p = wordStart;
        }
        return p;
    }
}
