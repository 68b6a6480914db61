package dev.newsfeed.topic;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A list of terms compiled into one case-insensitive pattern; "mobili*" matches any word ending. */
final class Terms {

    private final Pattern pattern;

    Terms(List<String> terms) {
        if (terms.isEmpty()) {
            pattern = null;
            return;
        }
        StringBuilder alternatives = new StringBuilder();
        // Longest first, so "cluster munitions" wins over "munitions".
        terms.stream().sorted((a, b) -> b.length() - a.length()).forEach(term -> {
            if (alternatives.length() > 0) {
                alternatives.append('|');
            }
            alternatives.append(toRegex(term));
        });
        pattern = Pattern.compile("(?<![\\p{L}\\d])(?:" + alternatives + ")(?![\\p{L}\\d])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String toRegex(String term) {
        StringBuilder b = new StringBuilder();
        for (String word : term.split(" ")) {
            if (b.length() > 0) {
                b.append("[\\s\\u00A0]+");
            }
            boolean prefix = word.endsWith("*");
            b.append(Pattern.quote(prefix ? word.substring(0, word.length() - 1) : word));
            if (prefix) {
                b.append("[\\p{L}-]*");
            }
        }
        return b.toString();
    }

    /** Counts each match in {@code text} into {@code found}, keyed by the matched words lower-cased. */
    int count(String text, Map<String, Integer> found) {
        if (pattern == null) {
            return 0;
        }
        int n = 0;
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.merge(m.group().toLowerCase(java.util.Locale.ROOT).replace('\u00A0', ' '), 1, Integer::sum);
            n++;
        }
        return n;
    }
}
