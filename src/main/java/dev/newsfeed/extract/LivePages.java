package dev.newsfeed.extract;

import java.util.List;
import java.util.regex.Pattern;

/** Whether a page presents itself as a live blog: what it says near its top, or a key-points box. */
final class LivePages {

    /** Words live pages print near the top ("Live updates", "… live:", "– as it happened", "Live reporting"). */
    private static final Pattern LIVE = Pattern.compile(
            "(?i)(?<![\\p{L}])live(?![\\p{L}])|as it happened|latest updates|live blog|news feed|ticker"
                    + "|^(?:this (?:article|page) was )?last updated|^\\d{1,4} posts$|^what we covered|^key (?:points|events)");
    private static final int HEAD_LINES = 40;
    private static final int MAX_LINE = 160;

    private LivePages() {
    }

    static boolean looksLive(List<RawLine> lines, List<Block> blocks) {
        for (RawLine line : lines.subList(0, Math.min(lines.size(), HEAD_LINES))) {
            String text = line.text();
            if (text.length() <= MAX_LINE && LIVE.matcher(text).find()) {
                return true;
            }
        }
        return blocks.stream().filter(b -> b.kind() == Block.Kind.SUMMARY).count() >= 2;
    }
}
