package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads bylines: "From CNN's Jo Shelley, Mick Krever and Olga Voitovych", "From Olga Voitovych in Kyiv and
 * CNN's Anna Chernova", "From CNN staff", "Analysis by Nick Paton Walsh", "By Jane Doe, CNN".
 * On its own line a byline is read whole; inside flattened text its end is found word by word.
 */
final class Bylines {

    private static final Pattern LEAD = Pattern.compile(
            "^(?:From|By|Analysis by|Reporting by|Written by|Posted by)[\\s\\u00A0:]+", Pattern.CASE_INSENSITIVE);
    /** "-ABC News' Jane Doe", "— CNN's Jane Doe and John Roe": a byline closing a post. */
    private static final Pattern CLOSING = Pattern.compile(
            "^[-–—][\\s\\u00A0]?(?:[A-Z][\\p{L}.&]{0,20}(?: [A-Z][\\p{L}.&]{0,20}){0,2}['’]s?[\\s\\u00A0])?");
    /** Titles before a name, which are not part of it. */
    private static final Pattern HONORIFIC = Pattern.compile(
            "^(?:(?:Professor|Prof\\.?|Sir|Dame|Lord|Lady|Dr\\.?|Mr\\.?|Mrs\\.?|Ms\\.?|Rev\\.?)[\\s\\u00A0]+)+");
    /** "Reporting from Kyiv", "Senior correspondent, in eastern Ukraine": the place of a role line. */
    private static final Pattern ROLE_PLACE = Pattern.compile(
            "^(?:Reporting|Reports) from[\\s\\u00A0]+(?<a>.{2,60})$|^.{2,80}?,?[\\s\\u00A0]in[\\s\\u00A0]+(?<b>\\p{L}.{1,60})$");
    private static final Pattern STAFF = Pattern.compile(
            "^(?:the\\s)?(?:[A-Z][\\p{L}.]*\\s)?staff$", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLET_PREFIX = Pattern.compile("^(?:[A-Z][\\p{L}./]{1,20}|the)['’]s\\s");
    /** "Ukrainian Service", "Moscow bureau", "Newsdesk": a desk of the outlet, not a person. */
    private static final Pattern DESK = Pattern.compile(
            ".*\\b(?:Service|Desk|Newsdesk|Newsroom|Bureau|Team|Staff|Correspondents|Reporters)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile(
            "[\\s\\u00A0]*,[\\s\\u00A0]*(?:and[\\s\\u00A0]+)?|[\\s\\u00A0]+(?:and|&)[\\s\\u00A0]+");
    private static final Pattern IN = Pattern.compile("[\\s\\u00A0]+in[\\s\\u00A0]+");
    private static final Pattern WORD_SPLIT = Pattern.compile("[\\s\\u00A0]+");
    /** Outlets and agencies that close a byline ("By Jane Doe, CNN"); they are not authors. */
    private static final Set<String> OUTLETS = Set.of("CNN", "AP", "Reuters", "AFP", "BBC", "BBC News", "RFE/RL",
            "VOA", "Sky News", "The Guardian", "Guardian", "The Independent", "Al Jazeera", "Associated Press",
            "Agence France-Presse", "Bloomberg", "The Associated Press");
    /** Lower-case words allowed inside a person's name. */
    private static final Set<String> PARTICLES = Set.of("de", "van", "von", "der", "den", "la", "le", "da", "di",
            "del", "bin", "al", "el", "dos", "du", "ten", "ter");
    /** Capitalised words that begin a sentence far more often than they end a name. */
    private static final Set<String> SENTENCE_STARTERS = Set.of("A", "An", "The", "In", "On", "At", "It", "This",
            "That", "These", "Those", "He", "She", "They", "We", "I", "As", "After", "Before", "When", "While", "Some",
            "Ukraine", "Ukrainian", "Ukrainians", "Russia", "Russian", "Russians", "US", "U.S.", "UK", "EU", "NATO",
            "President", "People", "Police", "Officials", "Residents", "Soldiers", "Troops", "Kyiv", "Moscow",
            "Kremlin", "Western", "European", "American", "British", "German", "French", "Turkish", "Chinese",
            "More", "Most", "Many", "Several", "Two", "Three", "Here", "There", "What", "Why", "How", "Who", "Video",
            "Photo", "Watch", "Listen", "Read", "Follow", "Breaking", "Update", "Updated", "Earlier", "Meanwhile");

    /** First words of a heading that looks like a name in title case ("Your Questions Answered"). */
    private static final Set<String> NOT_NAME_STARTS = Set.of("Your", "Our", "My", "All", "Latest", "Live", "Top",
            "Key", "Today", "Tonight", "Catch", "Share", "Sign", "Related", "Editor's", "Editors");

    /** Last words of a site's or desk's name ("Pravda Ukraine", "Kyiv Post"), which a surname never is. */
    private static final Set<String> ORGANISATION_WORDS = Set.of("News", "Times", "Post", "Press", "Today", "Daily",
            "Media", "Online", "Live", "Agency", "Service", "Network", "Herald", "Journal", "Tribune", "Gazette",
            "Ukraine", "Russia", "Europe", "America", "World", "International", "Radio", "TV", "Television");

    private Bylines() {
    }

    /** The people a byline printed without its "By" names ("Rob Picheta, CNN"; a meta tag, a byline element). */
    static List<String> names(String text) {
        String t = Text.strip(text);
        return line(t.regionMatches(true, 0, "By ", 0, 3) ? t : "By " + t).map(Byline::authors).orElse(List.of());
    }

    /** A line that is nothing but a byline. */
    static Optional<Byline> line(String line) {
        if (!startsWithLeadWord(line)) {
            return Optional.empty(); // most lines: rejected before the pattern
        }
        Matcher lead = LEAD.matcher(line);
        if (!lead.lookingAt() || line.length() > 250 || endsLikeSentence(line)) {
            return Optional.empty();
        }
        String rest = line.substring(lead.end()).trim();
        if (isStaff(rest)) {
            return Optional.of(new Byline(List.of(), null, line.length()));
        }
        List<String> authors = new ArrayList<>();
        String location = null;
        boolean lastHadPlace = false;
        boolean sawDesk = false;
        for (String part : SEPARATOR.split(rest)) {
            part = stripOutlet(part.trim());
            if (part.isEmpty() || OUTLETS.contains(part) || isStaff(part) || isDesk(part)) {
                sawDesk |= !part.isEmpty();
                lastHadPlace = false;
                continue;
            }
            Matcher inPlace = IN.matcher(part);
            boolean hasPlace = inPlace.find();
            String name = hasPlace ? Text.strip(part.substring(0, inPlace.start())) : part;
            String place = hasPlace ? Text.strip(part.substring(inPlace.end())) : null;
            if (!hasPlace && lastHadPlace && wordCount(part) <= 2 && isCapitalised(part)) {
                // "in Odesa, Ukraine": the country belongs to the place before it.
                if (location != null && authors.size() == 1) {
                    location = location + ", " + part;
                }
                continue;
            }
            if (!isName(name)) {
                if (isRole(name)) {
                    continue;
                }
                return Optional.empty();
            }
            authors.add(withoutHonorific(name));
            if (place != null && location == null) {
                location = place;
            }
            lastHadPlace = place != null;
        }
        if (authors.isEmpty() && !sawDesk) {
            return Optional.empty();
        }
        return Optional.of(new Byline(authors, location, line.length()));
    }

    /** Whether {@code line} starts with the first word of a {@link #LEAD}, in any case. */
    private static boolean startsWithLeadWord(String line) {
        if (line.isEmpty() || LEAD_FIRSTS.indexOf(line.charAt(0)) < 0) {
            return false; // no other character is any of these letters in another case
        }
        for (String word : LEAD_WORDS) {
            if (line.regionMatches(true, 0, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static final String[] LEAD_WORDS = {"from", "by", "analysis", "reporting", "written", "posted"};
    private static final String LEAD_FIRSTS = "fbarwpFBARWP";

    /**
     * A line of names and nothing else ("Phil Helsel and Carlo Angerer"): a byline printed without its "By",
     * when the page puts it where bylines go (see {@link BareBylines}). At most four people.
     */
    static Optional<Byline> bareNames(String line) {
        if (line.length() > 120 || line.isEmpty() || !Character.isUpperCase(line.charAt(0))
                || ".?!:".indexOf(line.charAt(line.length() - 1)) >= 0 || line.indexOf(':') >= 0
                || hasCommonWord(line)) {
            return Optional.empty();
        }
        List<String> authors = new ArrayList<>();
        for (String part : SEPARATOR.split(line.trim())) {
            String name = Text.strip(part);
            String[] words = WORD_SPLIT.split(name);
            if (!isName(name) || SENTENCE_STARTERS.contains(words[0]) || NOT_NAME_STARTS.contains(words[0])
                    || ORGANISATION_WORDS.contains(words[words.length - 1]) || authors.size() == 4) {
                return Optional.empty();
            }
            authors.add(withoutHonorific(name));
        }
        return authors.isEmpty() ? Optional.empty() : Optional.of(new Byline(authors, null, line.length()));
    }

    /**
     * Whether {@code line} holds a lower-case word that no name holds (not a {@link #PARTICLES particle}, not the
     * "and" between names): nearly every line of prose does, and this is found without splitting the line.
     */
    private static boolean hasCommonWord(String line) {
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && isNameBreak(line.charAt(i))) {
                i++;
            }
            int start = i;
            boolean letters = true;
            while (i < n && !isNameBreak(line.charAt(i))) {
                letters &= Character.isLetter(line.charAt(i));
                i++;
            }
            if (i > start && letters && Character.isLowerCase(line.charAt(start)) && !nameLink(line, start, i)) {
                return true;
            }
        }
        return false;
    }

    /** Particles and "and" are short: a longer word is never one, and needs no copy to be looked up. */
    private static boolean nameLink(String line, int start, int end) {
        if (end - start > MAX_LINK) {
            return false;
        }
        String word = line.substring(start, end);
        return word.equals("and") || PARTICLES.contains(word);
    }

    private static final int MAX_LINK = 3;

    /** What separates the words of a line of names: {@link #WORD_SPLIT}'s spaces, and commas. */
    private static boolean isNameBreak(char c) {
        return c == ' ' || c == ',' || c == '\u00A0' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f'
                || c == '\r';
    }

    /** A byline closing a post: "-ABC News' Jane Doe", "—Jane Doe and John Roe". */
    static Optional<Byline> closing(String line) {
        if (line.length() > 120 || line.length() < 5 || "-–—".indexOf(line.charAt(0)) < 0) {
            return Optional.empty();
        }
        Matcher m = CLOSING.matcher(line);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        String rest = Text.strip(line.substring(m.end()));
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        List<String> authors = new ArrayList<>();
        for (String part : SEPARATOR.split(rest)) {
            String name = Text.strip(stripOutlet(part.trim()));
            if (!isName(name)) {
                return Optional.empty(); // "- President Biden, visi…": a bullet, not a byline
            }
            authors.add(withoutHonorific(name));
        }
        return Optional.of(new Byline(authors, null, line.length()));
    }

    /** Every match of {@link #STAFF} ends in "staff"; most parts of a byline do not, and skip the pattern. */
    private static boolean isStaff(String part) {
        return mayEndWith(part, "staff") && STAFF.matcher(part).matches();
    }

    private static boolean isDesk(String part) {
        for (String word : DESK_WORDS) {
            if (mayEndWith(part, word)) {
                return DESK.matcher(part).matches();
            }
        }
        return false;
    }

    private static final String[] DESK_WORDS = {"Service", "Desk", "Newsdesk", "Newsroom", "Bureau", "Team", "Staff",
            "Correspondents", "Reporters"};

    /**
     * Whether a pattern ignoring case and ending in {@code word} and {@code $} may match {@code text}: it ends in
     * the word in any case, or in a line terminator, before which {@code $} matches too.
     */
    private static boolean mayEndWith(String text, String word) {
        return text.regionMatches(true, text.length() - word.length(), word, 0, word.length())
                || Text.mayEndWith(text, NO_ENDS);
    }

    private static final String[] NO_ENDS = {};

    /** A name without the titles before it: "Professor Sir John Curtice" gives "John Curtice". */
    static String withoutHonorific(String name) {
        if (name.isEmpty() || HONORIFIC_FIRSTS.indexOf(name.charAt(0)) < 0) {
            return name;
        }
        Matcher m = HONORIFIC.matcher(name);
        return m.lookingAt() && Text.wordCount(name.substring(m.end())) >= 2 ? name.substring(m.end()) : name;
    }

    private static final String HONORIFIC_FIRSTS = "PSDLMR";

    /** The place a role line gives ("Reporting from Kyiv" gives "Kyiv"), or null. */
    static String rolePlace(String role) {
        Matcher m = ROLE_PLACE.matcher(role);
        if (!m.matches()) {
            return null;
        }
        return Text.strip(m.group("a") != null ? m.group("a") : m.group("b"));
    }

    /**
     * A byline at the start of flattened text, whose end is not marked: names are taken word by word
     * until a word cannot continue the byline.
     */
    static Optional<Byline> inFlow(String text) {
        Matcher lead = LEAD.matcher(text);
        if (!lead.lookingAt()) {
            return Optional.empty();
        }
        Words words = new Words(text, lead.end());
        if (words.peekIs("CNN") && words.peekAt(1).toLowerCase(Locale.ROOT).startsWith("staff")) {
            words.take();
            words.take();
            return Optional.of(new Byline(List.of(), null, words.position()));
        }
        List<String> authors = new ArrayList<>();
        String location = null;
        while (true) {
            words.skipOutletPossessive();
            String name = words.takeName();
            if (name == null) {
                break;
            }
            authors.add(name);
            if (words.peekIs("in")) {
                words.take();
                String place = words.take();
                if (location == null) {
                    location = place;
                }
            }
            if (!words.takeSeparator()) {
                break;
            }
        }
        if (authors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Byline(authors, location, words.position()));
    }

    /**
     * A line naming who reports and from where ("Jennifer Rankin reports from Brussels", "Jane Doe and John Roe
     * reporting from Kyiv"), alone or glued to the paragraph after it (JSON-LD keeps a post's text as one run):
     * its end is where the place's capitalised words stop. A sentence that goes on ("… reports from Kyiv that …")
     * is not one.
     */
    static Optional<Byline> reporting(String text) {
        int verb = text.indexOf(" report");
        if (verb < 4 || verb > 120 || !Character.isUpperCase(text.codePointAt(0))) {
            return Optional.empty(); // most paragraphs: rejected before reading words
        }
        Words words = new Words(text, 0);
        List<String> authors = new ArrayList<>();
        do {
            String name = words.takeName();
            if (name == null || !isName(name)) {
                return Optional.empty();
            }
            authors.add(withoutHonorific(name));
        } while (words.takeSeparator());
        String said = words.take();
        if (!(said.equals("reports") || said.equals("reporting")) || !words.take().equals("from")) {
            return Optional.empty();
        }
        int start = -1;
        for (int n = 0; n < MAX_PLACE_WORDS && words.placeWord(words.peekAt(0), n); n++) {
            words.take();
            start = start < 0 ? text.lastIndexOf(' ', words.position() - 1) + 1 : start;
        }
        int end = words.position();
        if (end > 0 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == ':')) {
            end--; // the line's stop, taken with the place's last word
        }
        if (start < 0 || !endsLine(text, end)) {
            return Optional.empty();
        }
        return Optional.of(new Byline(authors, Text.strip(text.substring(start, end)), end));
    }

    private static final int MAX_PLACE_WORDS = 3;

    /** Whether a reporter line ends at {@code end}: the text does, a stop or colon does, or a capital glued on. */
    private static boolean endsLine(String text, int end) {
        int p = end;
        if (p < text.length() && (text.charAt(p) == '.' || text.charAt(p) == ':')) {
            p++;
        }
        while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        return p == text.length() || Character.isUpperCase(text.codePointAt(p))
                || text.charAt(p) == '“' || text.charAt(p) == '"';
    }

    private static String stripOutlet(String part) {
        if (part.indexOf("'s") < 0 && part.indexOf("’s") < 0) {
            return part; // every outlet's prefix is a possessive
        }
        Matcher m = OUTLET_PREFIX.matcher(part);
        return m.lookingAt() ? part.substring(m.end()) : part;
    }

    static boolean isName(String name) {
        String[] words = WORD_SPLIT.split(name);
        if (words.length < 2 || words.length > 5 || name.length() > 60) {
            return false;
        }
        for (String w : words) {
            if (!(isCapitalisedWord(w) || PARTICLES.contains(w))) {
                return false;
            }
        }
        return isCapitalisedWord(words[0]) && isCapitalisedWord(words[words.length - 1]);
    }

    private static boolean isRole(String part) {
        return !part.isEmpty() && part.length() < 60 && Character.isLetter(part.charAt(0));
    }

    private static boolean isCapitalisedWord(String w) {
        return !w.isEmpty() && Character.isUpperCase(w.codePointAt(0));
    }

    private static boolean isCapitalised(String text) {
        for (String w : WORD_SPLIT.split(text)) {
            if (!isCapitalisedWord(w)) {
                return false;
            }
        }
        return true;
    }

    private static int wordCount(String text) {
        return WORD_SPLIT.split(text.trim()).length;
    }

    private static boolean endsLikeSentence(String line) {
        String t = line.strip();
        return t.endsWith(".") && !INITIAL_AT_END.matcher(t).matches() || t.endsWith("?") || t.endsWith("!");
    }

    /** A cursor over the words of flattened text. Words glued to the next sentence ("KnightThe") are cut. */
    private static final class Words {
        private final String text;
        private int pos;

        Words(String text, int pos) {
            this.text = text;
            this.pos = pos;
        }

        int position() {
            return pos;
        }

        String peekAt(int n) {
            int p = pos;
            String w = "";
            for (int i = 0; i <= n; i++) {
                int start = skipSpaces(p);
                int end = wordEnd(start);
                w = text.substring(start, end);
                p = end;
            }
            return w;
        }

        boolean peekIs(String word) {
            return peekAt(0).equals(word);
        }

        String take() {
            int start = skipSpaces(pos);
            int end = wordEnd(start);
            pos = end;
            return text.substring(start, end);
        }

        void skipOutletPossessive() {
            String w = peekAt(0);
            if (w.endsWith("'s") || w.endsWith("’s")) {
                if (w.length() > 2 && OUTLET_WORD.matcher(w).matches()) {
                    take();
                }
            }
        }

        /** Two words, a third when it neither starts a sentence nor is followed by a lower-case word. */
        String takeName() {
            String first = peekAt(0);
            String second = peekAt(1);
            if (!nameWord(first) || !nameWord(second) || SENTENCE_STARTERS.contains(first)) {
                return null;
            }
            int start = skipSpaces(pos);
            take();
            take();
            boolean glued = glued(second);
            String third = peekAt(0);
            String fourth = peekAt(1);
            if (!glued && nameWord(third) && !SENTENCE_STARTERS.contains(third)
                    && !(fourth.isEmpty() || Character.isLowerCase(fourth.codePointAt(0)))) {
                take();
            }
            return text.substring(start, pos);
        }

        /** ", " or " and " followed by another name. */
        boolean takeSeparator() {
            int save = pos;
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                if (peekIs("and")) {
                    take();
                }
            } else if (peekIs("and")) {
                take();
            } else {
                return false;
            }
            int before = pos;
            skipOutletPossessive();
            if (nameWord(peekAt(0)) && nameWord(peekAt(1)) && !SENTENCE_STARTERS.contains(peekAt(0))) {
                pos = before;
                return true;
            }
            pos = save;
            return false;
        }

        /**
         * A word of a place's name: capitalised, not a possessive, and past its first word not one that opens a
         * sentence.
         */
        boolean placeWord(String w, int index) {
            return nameWord(w) && !(index > 0 && SENTENCE_STARTERS.contains(w))
                    && !w.endsWith("'s") && !w.endsWith("’s"); // "Israel's Prime Minister": the next sentence
        }

        private boolean nameWord(String w) {
            return w.length() >= 2 && Character.isUpperCase(w.codePointAt(0))
                    && w.chars().skip(1).allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'' || c == '’'
                    || c == '.' || c == '\u00A0');
        }

        /** True when the word just taken ended where a glued sentence began. */
        private boolean glued(String w) {
            return w.length() < wordEndRaw(pos - w.length()) - (pos - w.length());
        }

        private int skipSpaces(int p) {
            while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\u00A0')) {
                p++;
            }
            return p;
        }

        /** End of the word at {@code start}, cut before a comma or a glued capital ("AtlantaUkrainian"). */
        private int wordEnd(int start) {
            int p = start;
            while (p < text.length()) {
                char c = text.charAt(p);
                if (c == ' ' || c == ',' || c == '\u00A0') {
                    break;
                }
                if (p > start + 1 && Character.isUpperCase(c) && Character.isLowerCase(text.charAt(p - 1))) {
                    break;
                }
                p++;
            }
            return p;
        }

        private int wordEndRaw(int start) {
            int p = start;
            while (p < text.length() && text.charAt(p) != ' ' && text.charAt(p) != ',' && text.charAt(p) != '\u00A0') {
                p++;
            }
            return p;
        }
    }

    /** "… Jane Q.": a line ending in an initial does not end like a sentence. */
    private static final Pattern INITIAL_AT_END = Pattern.compile(".*\\b[A-Z]\\.$");
    private static final Pattern OUTLET_WORD = Pattern.compile("[A-Z][\\p{L}.]{1,20}['’]s");
}
