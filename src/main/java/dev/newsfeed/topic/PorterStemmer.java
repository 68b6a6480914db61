package dev.newsfeed.topic;

import java.util.concurrent.ConcurrentHashMap;

/**
 * M. F. Porter's suffix-stripping stemmer (1980), for custom topics: their queries were matched by PostgreSQL's
 * English text search, where "attack" finds "attacked" and "sanctions" finds "sanctioned", and users wrote
 * them expecting that. Lower-case words only; words of one or two letters are left as they are.
 */
final class PorterStemmer {

    private char[] b;
    /** End of the word being stemmed (inclusive). */
    private int k;
    /** End of the stem when a suffix is tried. */
    private int j;

    private PorterStemmer() {
    }

    /**
     * Stems made, for the words that come back in every post. Bounded: once full, the words seen first stay
     * and others are stemmed each time; long words are rarely common and are not kept.
     */
    private static final ConcurrentHashMap<String, String> MADE = new ConcurrentHashMap<>();
    private static final int KEPT = 1 << 15;
    private static final int KEPT_LENGTH = 20;

    static String stem(String word) {
        String made = MADE.get(word);
        if (made != null) {
            return made;
        }
        String stem = make(word);
        if (word.length() <= KEPT_LENGTH && MADE.size() < KEPT) {
            MADE.putIfAbsent(word, stem);
        }
        return stem;
    }

    private static String make(String word) {
        if (word.length() <= 2) {
            return word;
        }
        PorterStemmer s = new PorterStemmer();
        s.b = word.toCharArray();
        s.k = word.length() - 1;
        s.step1ab();
        if (s.k > 0) {
            s.step1c();
            s.step2();
            s.step3();
            s.step4();
            s.step5();
        }
        return new String(s.b, 0, s.k + 1);
    }

    private boolean consonant(int i) {
        return switch (b[i]) {
            case 'a', 'e', 'i', 'o', 'u' -> false;
            case 'y' -> i == 0 || !consonant(i - 1);
            default -> true;
        };
    }

    /** The number of vowel-consonant sequences between 0 and j. */
    private int m() {
        int n = 0;
        int i = 0;
        while (true) {
            if (i > j) {
                return n;
            }
            if (!consonant(i)) {
                break;
            }
            i++;
        }
        i++;
        while (true) {
            while (true) {
                if (i > j) {
                    return n;
                }
                if (consonant(i)) {
                    break;
                }
                i++;
            }
            i++;
            n++;
            while (true) {
                if (i > j) {
                    return n;
                }
                if (!consonant(i)) {
                    break;
                }
                i++;
            }
            i++;
        }
    }

    private boolean vowelInStem() {
        for (int i = 0; i <= j; i++) {
            if (!consonant(i)) {
                return true;
            }
        }
        return false;
    }

    private boolean doubleConsonant(int i) {
        return i >= 1 && b[i] == b[i - 1] && consonant(i);
    }

    /** Consonant-vowel-consonant ending at i, the last not w, x or y: "hop" (so "hoping" gets its e back). */
    private boolean cvc(int i) {
        if (i < 2 || !consonant(i) || consonant(i - 1) || !consonant(i - 2)) {
            return false;
        }
        return b[i] != 'w' && b[i] != 'x' && b[i] != 'y';
    }

    private boolean ends(String s) {
        int l = s.length();
        int o = k - l + 1;
        if (o < 0) {
            return false;
        }
        for (int i = 0; i < l; i++) {
            if (b[o + i] != s.charAt(i)) {
                return false;
            }
        }
        j = k - l;
        return true;
    }

    /** Replaces the suffix after j with s. */
    private void setTo(String s) {
        int l = s.length();
        int o = j + 1;
        if (o + l > b.length) {
            b = java.util.Arrays.copyOf(b, o + l);
        }
        for (int i = 0; i < l; i++) {
            b[o + i] = s.charAt(i);
        }
        k = j + l;
    }

    private void r(String s) {
        if (m() > 0) {
            setTo(s);
        }
    }

    private void step1ab() {
        if (b[k] == 's') {
            if (ends("sses")) {
                k -= 2;
            } else if (ends("ies")) {
                setTo("i");
            } else if (b[k - 1] != 's') {
                k--;
            }
        }
        if (ends("eed")) {
            if (m() > 0) {
                k--;
            }
        } else if ((ends("ed") || ends("ing")) && vowelInStem()) {
            k = j;
            if (ends("at")) {
                setTo("ate");
            } else if (ends("bl")) {
                setTo("ble");
            } else if (ends("iz")) {
                setTo("ize");
            } else if (doubleConsonant(k)) {
                k--;
                char ch = b[k];
                if (ch == 'l' || ch == 's' || ch == 'z') {
                    k++;
                }
            } else if (m() == 1 && cvc(k)) {
                setTo("e");
            }
        }
    }

    private void step1c() {
        if (ends("y") && vowelInStem()) {
            b[k] = 'i';
        }
    }

    private static final String[][] STEP2 = {{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},
            {"anci", "ance"}, {"izer", "ize"}, {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"},
            {"ousli", "ous"}, {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"},
            {"iveness", "ive"}, {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"},
            {"biliti", "ble"}, {"logi", "log"}};

    private static final String[][] STEP3 = {{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
            {"ical", "ic"}, {"ful", ""}, {"ness", ""}};

    private static final String[] STEP4 = {"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
            "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"};

    private void step2() {
        for (String[] rule : STEP2) {
            if (ends(rule[0])) {
                r(rule[1]);
                return;
            }
        }
    }

    private void step3() {
        for (String[] rule : STEP3) {
            if (ends(rule[0])) {
                r(rule[1]);
                return;
            }
        }
    }

    private void step4() {
        for (String suffix : STEP4) {
            if (ends(suffix)) {
                if (suffix.equals("ion") && !(j >= 0 && (b[j] == 's' || b[j] == 't'))) {
                    return;
                }
                if (m() > 1) {
                    k = j;
                }
                return;
            }
        }
    }

    private void step5() {
        j = k;
        if (b[k] == 'e') {
            int a = m();
            if (a > 1 || a == 1 && !cvc(k - 1)) {
                k--;
            }
        }
        if (b[k] == 'l' && doubleConsonant(k) && m() > 1) {
            k--;
        }
    }
}
