package dev.newsfeed.topic;

import java.util.List;

/**
 * A term as people write it in the topic files: one or more words, each matched by its stem ("missiles" is
 * "missile"), or by its beginning when it ends in '*' ("mobili*" is "mobilised" and "mobilization").
 * The words of a term must follow one another in one sentence.
 */
record Term(String spelling, List<String> words, List<Boolean> prefixes) {

    static Term parse(String spelling) {
        List<String> tokens = new java.util.ArrayList<>();
        List<Boolean> prefix = new java.util.ArrayList<>();
        for (String part : spelling.trim().split("\\s+")) {
            boolean star = part.endsWith("*");
            String body = star ? part.substring(0, part.length() - 1) : part;
            List<String> t = PostText.tokens(body);
            for (int i = 0; i < t.size(); i++) {
                boolean last = i == t.size() - 1;
                tokens.add(star && last ? t.get(i) : PostText.stem(t.get(i)));
                prefix.add(star && last);
            }
        }
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("The term '" + spelling + "' has no words.");
        }
        return new Term(spelling, List.copyOf(tokens), List.copyOf(prefix));
    }

    int length() {
        return words.size();
    }

    /** True when the term's words stand at {@code at} and after, in one sentence. */
    boolean matchesAt(List<PostText.Word> text, int at) {
        if (at + words.size() > text.size()) {
            return false;
        }
        int sentence = text.get(at).sentence();
        for (int i = 0; i < words.size(); i++) {
            PostText.Word w = text.get(at + i);
            if (w.sentence() != sentence) {
                return false;
            }
            boolean ok = prefixes.get(i) ? w.text().startsWith(words.get(i)) : w.stem().equals(words.get(i));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
