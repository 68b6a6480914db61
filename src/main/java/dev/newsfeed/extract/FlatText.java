package dev.newsfeed.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a live blog that was flattened onto one line ("... 10:35 a.m. ET, October 4, 2022 Headline From CNN's
 * Jo Shelley Caption. (Credit) Body ... 10:27 a.m. ET ...") into blocks. Timestamps mark posts; inside a post
 * the byline ends the headline and a leading "(Credit)" ends a caption.
 */
final class FlatText {

    /** A line with fewer post timestamps than this is read as an ordinary line. */
    private static final int MIN_STAMPS = 2;
    /** Two posts with their headlines and bylines never fit in fewer characters; shorter lines are not scanned. */
    private static final int MIN_LENGTH = 160;
    /** What follows "From " or "Analysis by " when a byline starts there; checked only where those words stand. */
    private static final Pattern BYLINE_START = Pattern.compile(
            "From[ \\u00A0](?=CNN|[A-Z][\\p{Ll}])|Analysis by (?=[A-Z])");
    private static final Pattern HEADER_STAMP_LEAD = Pattern.compile("(?:Updated|Published|Posted)\\s*$");

    private FlatText() {
    }

    /** The blocks of {@code line}, or empty when it is not a flattened live blog. */
    static Optional<List<Block>> split(String line, Instant capturedAt) {
        if (line.length() < MIN_LENGTH) {
            return Optional.empty();
        }
        List<Stamp> stamps = postStamps(line, capturedAt);
        if (stamps.size() < MIN_STAMPS) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        String header = line.substring(0, stamps.get(0).start());
        blocks.addAll(Header.flatBlocks(header));
        for (int i = 0; i < stamps.size(); i++) {
            Stamp stamp = stamps.get(i);
            boolean last = i == stamps.size() - 1;
            String segment = line.substring(stamp.end(), last ? line.length() : stamps.get(i + 1).start());
            if (last) {
                segment = Boilerplate.cutFooter(segment, header);
            }
            blocks.add(Block.stamp(stamp));
            post(segment, blocks);
        }
        blocks.add(Block.of(Block.Kind.BREAK, ""));
        return Optional.of(blocks.stream().map(Block::asFlowed).toList());
    }

    private static List<Stamp> postStamps(String line, Instant capturedAt) {
        List<Stamp> stamps = new ArrayList<>();
        Stamps.Scanner scanner = new Stamps.Scanner(line, capturedAt);
        int from = 0;
        while (true) {
            Optional<Stamp> s = scanner.next(from);
            if (s.isEmpty()) {
                return stamps;
            }
            Stamp stamp = s.get();
            String before = line.substring(Math.max(0, stamp.start() - 12), stamp.start());
            if (!HEADER_STAMP_LEAD.matcher(before).find()) {
                stamps.add(stamp);
            }
            from = stamp.end();
        }
    }

    private static void post(String segment, List<Block> blocks) {
        Matcher by = BYLINE_START.matcher(segment);
        String rest = segment;
        boolean headed = false;
        if (findByline(segment, by)) {
            String headline = Text.strip(segment.substring(0, by.start()));
            Optional<Byline> byline = Bylines.inFlow(segment.substring(by.start()));
            if (byline.isPresent() && !headline.isEmpty()) {
                blocks.add(Block.text(headline));
                int end = by.start() + byline.get().end();
                blocks.add(Block.byline(Text.strip(segment.substring(by.start(), end)), byline.get()));
                rest = segment.substring(end);
                headed = true;
            }
        }
        rest = Text.strip(rest);
        if (!headed) {
            int glue = gluedHeadlineEnd(rest);
            if (glue > 0) {
                blocks.add(Block.text(rest.substring(0, glue)));
                rest = rest.substring(glue);
            }
        }
        Optional<Captions.Found> caption = Captions.leading(rest);
        if (caption.isPresent()) {
            blocks.add(Block.caption(caption.get().caption()));
            rest = Text.strip(rest.substring(caption.get().end()));
        }
        for (String paragraph : unglue(rest)) {
            String p = Text.strip(paragraph);
            if (!p.isEmpty()) {
                blocks.add(Block.text(p));
            }
        }
    }

    /**
     * Where a headline ends that lost its line break before the text ("… return home to fightAs more than a
     * million …"): a word in lower case running straight into a capitalised one, early in the post, with a
     * headline before it and prose after it. -1 if none. A single lower-case letter before the capital
     * ("iPhone", "eBay") is a brand, not a glue.
     */
    static int gluedHeadlineEnd(String text) {
        int end = Math.min(text.length() - 1, GLUE_REACH);
        for (int i = 2; i < end; i++) {
            char c = text.charAt(i);
            if (!Character.isUpperCase(c) || !Character.isLowerCase(text.charAt(i - 1))
                    || !Character.isLowerCase(text.charAt(i - 2)) || !wordInLowerCase(text, i)) {
                continue;
            }
            boolean nextLower = Character.isLowerCase(text.charAt(i + 1)) || text.charAt(i + 1) == ' ';
            String head = text.substring(0, i);
            // A bounded look at what follows: a paragraph shows itself within a few hundred characters.
            String after = text.substring(i, Math.min(text.length(), i + PROSE_REACH));
            if (nextLower && Headlines.isHeadline(head) && Headlines.isProse(after)) {
                return i;
            }
        }
        return -1;
    }

    /** The word that ends just before {@code at} is in lower case from its first letter. */
    private static boolean wordInLowerCase(String text, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isLetter(text.charAt(i))) {
            if (!Character.isLowerCase(text.charAt(i))) {
                return false;
            }
            i--;
        }
        return true;
    }

    /** How far into a post a glued headline is looked for: a headline is never longer. */
    private static final int GLUE_REACH = 220;
    private static final int PROSE_REACH = 400;

    /** Finds "From CNN's ..." or "Analysis by ..." after a lower-case letter, punctuation or a space. */
    private static boolean findByline(String segment, Matcher by) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != 'F' && c != 'A') {
                continue;
            }
            if (i > 0) {
                char before = segment.charAt(i - 1);
                boolean ok = Character.isLowerCase(before) || before == ' ' || before == '\u00A0'
                        || isPunctuation(before);
                if (!ok) {
                    continue;
                }
            }
            by.region(i, segment.length());
            if (by.lookingAt()) {
                by.region(0, segment.length());
                by.find(i);
                return true;
            }
        }
        return false;
    }

    private static boolean isPunctuation(char c) {
        int type = Character.getType(c);
        return type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION;
    }

    /**
     * Splits sentences glued to the one before them, as teasers print them ("on Saturday.He also"): after a
     * lower-case letter, digit or bracket, a '.', '!' or '?' (and a closing quote) directly followed by a
     * capital or an opening quote and a capital.
     */
    static List<String> unglue(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 1; i < n - 1; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            char before = text.charAt(i - 1);
            if (!(Character.isLowerCase(before) || Character.isDigit(before) || before == ')' || before == ']')) {
                continue;
            }
            int next = i + 1;
            if (text.charAt(next) == '"' || text.charAt(next) == '”') {
                next++;
            }
            if (next < n && startsSentence(text, next)) {
                out.add(text.substring(start, next));
                start = next;
                i = next - 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static boolean startsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c >= 'A' && c <= 'Z') {
            return true;
        }
        return (c == '“' || c == '"') && i + 1 < text.length() && text.charAt(i + 1) >= 'A' && text.charAt(i + 1) <= 'Z';
    }
}
