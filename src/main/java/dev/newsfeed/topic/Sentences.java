package dev.newsfeed.topic;

import java.util.ArrayList;
import java.util.List;

/** Splits a paragraph at '.', '?' or '!' followed by a space: enough to weigh sentences against each other. */
final class Sentences {

    private Sentences() {
    }

    static List<String> split(String paragraph) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            if ((c == '.' || c == '?' || c == '!') && paragraph.charAt(i + 1) == ' ') {
                out.add(paragraph.substring(start, i + 1));
                start = i + 2;
            }
        }
        if (start < paragraph.length()) {
            out.add(paragraph.substring(start));
        }
        return out;
    }
}
