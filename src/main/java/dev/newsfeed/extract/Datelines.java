package dev.newsfeed.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire datelines that open a paragraph: "KYIV, Ukraine —", "ODESA, Ukraine (AP) —", "WASHINGTON --",
 * "RAMSTEIN AIR BASE, Germany —", "March 17 (Reuters) -", "(Reuters) -". The place is kept as printed.
 */
final class Datelines {

    private static final String CAPS_WORD = "[A-Z][A-Z.'’-]{1,30}";
    private static final String MIXED_WORD = "[A-Z][\\p{L}.'’-]{1,30}";
    private static final String AGENCY = "\\((?:AP|Reuters|AFP|dpa|UPI|CNN|RFE/RL)\\)";
    /** An em or en dash, or a hyphen with spaces around it ("Iran-backed" is no dateline). */
    private static final String DASH = "(?: ?[—–] ?| -{1,2} )";
    /** A place in capitals, maybe a region after a comma, maybe an agency, then a dash. */
    private static final Pattern PLACE = Pattern.compile(
            "^(?<place>" + CAPS_WORD + "(?: " + CAPS_WORD + "){0,3}(?:, " + MIXED_WORD + "(?: " + MIXED_WORD
                    + "){0,2})?)(?: " + AGENCY + ")?" + DASH + "(?=\\S)");
    /** "March 17 (Reuters) -", "(Reuters) -": an agency's dateline without a place. */
    private static final Pattern AGENCY_ONLY = Pattern.compile(
            "^(?:[A-Z][a-z]{2,8}\\.? \\d{1,2} )?" + AGENCY + DASH + "(?=\\S)");
    /** "DUBAI, United Arab EmiratesIran-backed rebels …": the dash lost and the text glued to the place. */
    private static final Pattern GLUED = Pattern.compile(
            "^(?<place>" + CAPS_WORD + "(?: " + CAPS_WORD + "){0,3}, [A-Z]\\p{Ll}{1,30}(?: [A-Z]\\p{Ll}{1,30}){0,2})"
                    + "(?=[A-Z]\\p{Ll})");

    /** A dateline: as printed (with its dash), its place (null for an agency alone), and the text after it. */
    record Dateline(String printed, String place, String text) {
    }

    private Datelines() {
    }

    static Optional<Dateline> parse(String line) {
        if (line.length() < 12 || !(Character.isUpperCase(line.charAt(0)) || line.charAt(0) == '(')) {
            return Optional.empty();
        }
        boolean capitals = Character.isUpperCase(line.charAt(1));
        Matcher m = capitals ? PLACE.matcher(line) : null;
        if (m != null && m.lookingAt()) {
            Dateline first = new Dateline(Text.strip(line.substring(0, m.end())), m.group("place"),
                    Text.strip(line.substring(m.end())));
            // "KIYV, Ukraine (AP) - UNITED NATIONS - The U.N. …": the second place is where the story is from.
            Matcher again = PLACE.matcher(first.text());
            if (again.lookingAt() && Character.isUpperCase(first.text().charAt(1))) {
                return Optional.of(new Dateline(Text.strip(line.substring(0, m.end() + again.end())),
                        again.group("place"), Text.strip(first.text().substring(again.end()))));
            }
            return Optional.of(first);
        }
        Matcher glued = capitals ? GLUED.matcher(line) : null;
        if (glued != null && glued.lookingAt()) {
            return Optional.of(new Dateline(glued.group("place"), glued.group("place"),
                    line.substring(glued.end())));
        }
        int paren = line.indexOf('(');
        Matcher agency = paren >= 0 && paren < 16 ? AGENCY_ONLY.matcher(line) : null;
        if (agency != null && agency.lookingAt()) {
            return Optional.of(new Dateline(Text.strip(line.substring(0, agency.end())), null,
                    Text.strip(line.substring(agency.end()))));
        }
        return Optional.empty();
    }
}
