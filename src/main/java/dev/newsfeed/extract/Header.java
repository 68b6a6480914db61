package dev.newsfeed.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The page around the posts: title, "Updated ..." time and the "What we covered" summary. */
final class Header {

    private static final Pattern FLAT_MARKERS = Pattern.compile(
            "(?=Updated\\s\\d)|(?<=\\d{4})\\s(?=What we covered|Key points|What we know)|(?<=What we covered|Key points|What we know)\\s"
                    + "|\\s(?=\\d{1,4} Posts\\b)|(?<=\\d Posts)\\s|(?<=\\bPosts)\\s(?=Sort by)");
    private static final Pattern SUMMARY_START = Pattern.compile("^(?:What we covered|Key points|What we know)\\b.*");
    private static final Pattern POSTS_COUNT = Pattern.compile("^\\d{1,4} Posts\\b.*|^Sort by.*");
    private static final Pattern DATED_TITLE = Pattern.compile(
            "(?:[A-Z][a-z]{2,8}\\.? \\d{1,2}, \\d{4})\\s+(.{3,200}?)\\s+By\\s");

    record Parsed(String title, Instant updatedAt, List<String> summary) {
    }

    private Header() {
    }

    /** Flattened header text cut at its landmarks into pseudo-lines. */
    static List<Block> flatBlocks(String header) {
        List<Block> blocks = new ArrayList<>();
        for (String piece : FLAT_MARKERS.split(header)) {
            String p = Text.strip(piece);
            if (!p.isEmpty()) {
                blocks.add(p.startsWith("Updated") ? Block.of(Block.Kind.UPDATED, p) : Block.text(p));
            }
        }
        return blocks;
    }

    static Parsed parse(List<Block> header) {
        String title = null;
        Instant updated = null;
        List<String> summary = new ArrayList<>();
        boolean inSummary = false;
        for (Block b : header) {
            String line = b.text();
            if (b.kind() == Block.Kind.UPDATED) {
                updated = Stamps.absoluteIn(line).map(Stamp::instant).orElse(updated);
                inSummary = false;
            } else if (SUMMARY_START.matcher(line).matches()) {
                inSummary = true;
            } else if (POSTS_COUNT.matcher(line).matches()) {
                inSummary = false;
            } else if (inSummary && b.kind() == Block.Kind.TEXT) {
                summary.add(line);
            } else if (title == null && b.kind() == Block.Kind.TEXT) {
                title = title(line);
            }
        }
        return new Parsed(title, updated, summary);
    }

    private static String title(String line) {
        Matcher dated = DATED_TITLE.matcher(line);
        if (dated.find()) {
            return Text.strip(dated.group(1));
        }
        return line.length() <= 300 && !Boilerplate.isNavigation(line) ? line : null;
    }
}
