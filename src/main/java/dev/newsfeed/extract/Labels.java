package dev.newsfeed.extract;

import java.util.Locale;
import java.util.Set;

/** Labels printed with a headline ("Breaking", "Analysis", "Pinned"): kept apart, never the headline itself. */
final class Labels {

    private static final Set<String> LABELS = Set.of("breaking", "breaking news", "analysis", "pinned",
            "pinned post", "key update", "key event", "explainer", "opinion", "exclusive", "just in", "developing",
            "developing story", "fact check", "update", "live", "new", "latest", "important", "featured");

    private Labels() {
    }

    static boolean isLabel(String line) {
        return line.length() <= 20 && LABELS.contains(Text.strip(line).toLowerCase(Locale.ROOT));
    }
}
