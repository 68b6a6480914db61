package dev.newsfeed.ingest;

import java.util.Map;

/** Display names of the outlets the extractor recognises. */
final class SourceNames {

    private static final Map<String, String> NAMES = Map.of(
            "cnn", "CNN", "rferl", "RFE/RL", "guardian", "The Guardian", "bbc", "BBC News", "ap", "AP",
            "sky", "Sky News", "independent", "The Independent", "voa", "VOA", "aljazeera", "Al Jazeera");

    private SourceNames() {
    }

    static String name(String slug) {
        return NAMES.getOrDefault(slug, slug);
    }
}
