package dev.newsfeed.topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Per-topic true positives, false positives and false negatives over posts, and what they give. */
final class TopicScores {

    private final Map<String, int[]> counts = new LinkedHashMap<>();

    TopicScores(List<String> slugs) {
        slugs.forEach(s -> counts.put(s, new int[3]));
    }

    void add(Set<String> expected, Set<String> actual) {
        for (var e : counts.entrySet()) {
            boolean want = expected.contains(e.getKey());
            boolean got = actual.contains(e.getKey());
            if (want && got) {
                e.getValue()[0]++;
            } else if (got) {
                e.getValue()[1]++;
            } else if (want) {
                e.getValue()[2]++;
            }
        }
    }

    void addAll(TopicScores other) {
        other.counts.forEach((k, v) -> {
            int[] c = counts.get(k);
            for (int i = 0; i < 3; i++) {
                c[i] += v[i];
            }
        });
    }

    int[] totals() {
        int[] t = new int[3];
        counts.values().forEach(c -> {
            for (int i = 0; i < 3; i++) {
                t[i] += c[i];
            }
        });
        return t;
    }

    double precision() {
        int[] t = totals();
        return ratio(t[0], t[0] + t[1]);
    }

    double recall() {
        int[] t = totals();
        return ratio(t[0], t[0] + t[2]);
    }

    double microF1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** A table: per topic precision, recall and counts, then the micro figures. Empty cells show "-". */
    String table(String title) {
        StringBuilder b = new StringBuilder(title).append('\n');
        b.append(String.format("  %-16s %9s %7s %4s %4s %4s%n", "topic", "precision", "recall", "tp", "fp", "fn"));
        counts.forEach((slug, c) -> b.append(String.format("  %-16s %9s %7s %4d %4d %4d%n", slug,
                cell(c[0], c[0] + c[1]), cell(c[0], c[0] + c[2]), c[0], c[1], c[2])));
        int[] t = totals();
        b.append(String.format("  %-16s %9.3f %7.3f %4d %4d %4d   micro-F1 %.3f%n", "micro", precision(), recall(),
                t[0], t[1], t[2], microF1()));
        return b.toString();
    }

    private static String cell(int a, int b) {
        return b == 0 ? "-" : String.format("%.2f", (double) a / b);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
