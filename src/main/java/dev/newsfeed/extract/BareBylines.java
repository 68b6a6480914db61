package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bylines printed as bare names, without "By" ("Headline", "Phil Helsel and Carlo Angerer", prose). A line of
 * names is only a byline where the page puts bylines: right under a headline line and right above prose, right
 * above a time, or right under the time of each post. A lone name just above such a byline, that the byline
 * repeats, is an author's avatar label and is dropped.
 */
final class BareBylines {

    private BareBylines() {
    }

    static List<Block> mark(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        boolean namesUnderStamps = namesUnderStamps(blocks);
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            Optional<Byline> names = b.kind() == Block.Kind.TEXT ? Bylines.bareNames(b.text()) : Optional.empty();
            if (names.isPresent() && avatarOf(b, blocks, i + 1)) {
                continue;
            }
            if (names.isPresent() && namesUnderStamps && nameUnderStamp(blocks, i)) {
                out.add(Block.byline(b.text(), names.get()));
                continue;
            }
            if (names.isPresent() && underHeadline(out) && aboveProse(blocks, i + 1)) {
                out.add(Block.byline(b.text(), names.get()));
                continue;
            }
            String role = names.isPresent() ? roleAboveStamp(blocks, i + 1) : null;
            if (names.isPresent() && (role != null || isStamp(blocks, i + 1))) {
                // Names over a post's time, perhaps with a role line ("Reporting from Kyiv") between.
                Byline byline = names.get();
                out.add(Block.byline(b.text(), new Byline(byline.authors(),
                        role == null ? null : Bylines.rolePlace(role), byline.end())));
                i += role == null ? 0 : 1;
                continue;
            }
            out.add(b);
        }
        return out;
    }

    /**
     * Posts signed by a bare name between their time and their headline ("21:01", "Frances Watkins", "Goodnight"):
     * taken as the page's habit only when at least two posts print it, so one post whose headline is a name
     * stays a headline.
     */
    private static boolean namesUnderStamps(List<Block> blocks) {
        int seen = 0;
        for (int i = 1; i < blocks.size() && seen < 2; i++) {
            if (blocks.get(i).kind() == Block.Kind.TEXT && nameUnderStamp(blocks, i)
                    && Bylines.bareNames(blocks.get(i).text()).isPresent()) {
                seen++;
            }
        }
        return seen >= 2;
    }

    /** A line right under a time and above more text of the post. */
    private static boolean nameUnderStamp(List<Block> blocks, int i) {
        return i > 0 && isStamp(blocks, i - 1) && i + 1 < blocks.size()
                && blocks.get(i + 1).kind() == Block.Kind.TEXT;
    }

    /** A role line with a place ("Reporting from Kyiv") followed by a timestamp; null if not. */
    private static String roleAboveStamp(List<Block> blocks, int i) {
        if (i + 1 >= blocks.size() || blocks.get(i).kind() != Block.Kind.TEXT || !isStamp(blocks, i + 1)) {
            return null;
        }
        String text = blocks.get(i).text();
        return text.length() <= 80 && Bylines.rolePlace(text) != null ? text : null;
    }

    private static boolean isStamp(List<Block> blocks, int i) {
        return i < blocks.size() && blocks.get(i).kind() == Block.Kind.STAMP;
    }

    /** One name, followed by a bare byline that names that person too. */
    private static boolean avatarOf(Block b, List<Block> blocks, int next) {
        if (next >= blocks.size() || blocks.get(next).kind() != Block.Kind.TEXT) {
            return false;
        }
        Optional<Byline> self = Bylines.bareNames(b.text());
        Optional<Byline> after = Bylines.bareNames(blocks.get(next).text());
        return self.isPresent() && self.get().authors().size() == 1 && after.isPresent()
                && after.get().authors().size() > 1 && after.get().authors().contains(self.get().authors().get(0));
    }

    private static boolean underHeadline(List<Block> out) {
        if (out.isEmpty()) {
            return false;
        }
        Block previous = out.get(out.size() - 1);
        return previous.kind() == Block.Kind.TEXT && Headlines.isHeadline(previous.text())
                && !Headlines.isProse(previous.text());
    }

    private static boolean aboveProse(List<Block> blocks, int next) {
        if (next >= blocks.size()) {
            return false;
        }
        Block b = blocks.get(next);
        return b.kind() == Block.Kind.DATELINE || b.kind() == Block.Kind.TEXT && Headlines.isProse(b.text());
    }
}
