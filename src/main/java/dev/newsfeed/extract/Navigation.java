package dev.newsfeed.extract;

import java.util.List;

/** Site menus printed one item per line ("Home", "World", "Science & Tech", ...). */
final class Navigation {

    /** A run of at least this many menu-like lines is a menu; fewer may be a post's short lines. */
    private static final int MIN_RUN = 4;
    private static final int MAX_WORDS = 3;

    private Navigation() {
    }

    /** For each line, whether it stands in a menu. */
    static boolean[] menuLines(List<RawLine> lines) {
        boolean[] menu = new boolean[lines.size()];
        int runStart = 0;
        for (int i = 0; i <= lines.size(); i++) {
            boolean item = i < lines.size() && isItem(lines.get(i));
            if (!item) {
                if (i - runStart >= MIN_RUN) {
                    for (int j = runStart; j < i; j++) {
                        menu[j] = true;
                    }
                }
                runStart = i + 1;
            }
        }
        return menu;
    }

    private static boolean isItem(RawLine line) {
        String text = line.text();
        if (line.caption() != null || text.isEmpty() || Text.hasMoreWords(text, MAX_WORDS)) {
            return false;
        }
        if (!Character.isUpperCase(text.codePointAt(0))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        char last = text.charAt(text.length() - 1);
        return ".?!:;,\"”’)".indexOf(last) < 0;
    }
}
