package dev.newsfeed.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire-service datelines: "ODESA, Ukraine (AP) — text". On a live page where several paragraphs open with
 * one, each of them is a post of its own with no headline (AP's live updates are printed that way).
 */
final class Datelines {

    /** Fewer datelines than this: an article that opens with one, not a page of dateline posts. */
    static final int MIN_POSTS = 2;
    private static final Pattern DATELINE = Pattern.compile(
            "^(?<place>[A-Z][A-Z.'’-]{1,30}(?: [A-Z][A-Z.'’-]{1,30}){0,3}(?:, [A-Z][\\p{L}.'’-]{1,30}(?: [A-Z][\\p{L}.'’-]{1,30}){0,2})?)"
                    + " \\((?:AP|Reuters|AFP|dpa|UPI)\\) ?[—–-]{1,2} ?(?<text>\\S.*)$");

    record Dateline(String place, String text) {
    }

    private Datelines() {
    }

    static int count(List<RawLine> lines) {
        int n = 0;
        for (RawLine line : lines) {
            if (line.caption() == null && mayBeDateline(line.text()) && DATELINE.matcher(line.text()).matches()) {
                n++;
            }
        }
        return n;
    }

    static Optional<Dateline> parse(String line) {
        if (!mayBeDateline(line)) {
            return Optional.empty();
        }
        Matcher m = DATELINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Dateline(titleCase(m.group("place")), Text.strip(m.group("text"))));
    }

    /** A dateline opens with a place in capitals ("KYIV", "UNITED NATIONS"); most lines fail this at once. */
    private static boolean mayBeDateline(String line) {
        return line.length() > 12 && Character.isUpperCase(line.charAt(0)) && Character.isUpperCase(line.charAt(1));
    }

    /** "ODESA, Ukraine" → "Odesa, Ukraine"; words already in mixed case are kept. */
    private static String titleCase(String place) {
        StringBuilder out = new StringBuilder(place.length());
        for (String word : place.split(" ", -1)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean allCaps = word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
            if (allCaps && word.length() > 1 && !word.contains(".")) {
                out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
            } else {
                out.append(word);
            }
        }
        return out.toString();
    }
}
