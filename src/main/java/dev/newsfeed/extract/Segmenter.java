package dev.newsfeed.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides where posts start from the form the page repeats, not from any outlet's strings: numbered items,
 * timestamps (and whether each page prints its headline before or after them), share-widget separators, wire
 * datelines, or, on a live page that prints none of these, headline lines followed by prose.
 */
final class Segmenter {

    /** The form that cut the page. */
    enum Form {
        /** Timestamps or numbered posts: the page marks its posts. */
        MARKED,
        /** Headline lines, separators or datelines: a form the page repeats, but not a timestamp. */
        GUESSED,
        /** Nothing repeats: the page is one article. */
        NONE
    }

    /**
     * @param opens which blocks open a post
     * @param form  how the page was cut
     */
    record Cut(boolean[] opens, Form form, boolean headlineFirst) {
    }

    private final List<Block> blocks;
    /**
     * Whether each block is a headline line ({@link Headlines#isHeadline}), worked out on first use: the passes
     * below ask it of the same blocks again and again.
     */
    private final byte[] headline;
    private static final byte UNKNOWN = 0;
    private static final byte HEADLINE = 1;
    private static final byte NOT_HEADLINE = 2;

    private Segmenter(List<Block> blocks) {
        this.blocks = blocks;
        this.headline = new byte[blocks.size()];
    }

    static Cut cut(List<Block> blocks, boolean liveLike) {
        return new Segmenter(blocks).cut(liveLike);
    }

    private Cut cut(boolean liveLike) {
        boolean[] opens = new boolean[blocks.size()];
        int numbers = 0;
        int stamps = 0;
        int separators = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block.Kind k = blocks.get(i).kind();
            if (k == Block.Kind.NUMBER) {
                opens[i] = true;
                numbers++;
            } else if (k == Block.Kind.STAMP) {
                stamps++;
            } else if (k == Block.Kind.SEPARATOR) {
                separators++;
            }
        }
        boolean bylined = openAtBylinedHeadlines(opens);
        if (stamps > 0) {
            boolean headlineFirst = openAtStamps(opens, pageStamp());
            return new Cut(opens, Form.MARKED, headlineFirst);
        }
        if (numbers > 0 || bylined) {
            return new Cut(opens, Form.MARKED, false);
        }
        if (openAtLeadingBylines(opens)) {
            return new Cut(opens, Form.MARKED, false);
        }
        if (!liveLike && separators < 2) {
            return new Cut(opens, Form.NONE, false);
        }
        boolean any = openAtHeadlines(opens, separators >= 2);
        return new Cut(opens, any ? Form.GUESSED : Form.NONE, false);
    }

    /**
     * A headline line directly followed by a byline ("Headline", "From CNN's Jane Doe") opens a post, unless a
     * timestamp or number right above it opened it already. The page's first line of text is its title, and its
     * byline the page's.
     */
    private boolean openAtBylinedHeadlines(boolean[] opens) {
        boolean any = false;
        boolean textBefore = false;
        for (int i = 0; i + 1 < blocks.size(); i++) {
            Block b = blocks.get(i);
            boolean title = !textBefore;
            textBefore |= b.kind() == Block.Kind.TEXT;
            if (title || b.kind() != Block.Kind.TEXT || blocks.get(i + 1).kind() != Block.Kind.BYLINE
                    || !isHeadline(i) && !b.flowed()) {
                continue;
            }
            Block.Kind before = i == 0 ? null : blocks.get(i - 1).kind();
            if (!pageHeader(i + 2) && before != Block.Kind.STAMP && before != Block.Kind.NUMBER && before != Block.Kind.LABEL
                    && before != Block.Kind.DATELINE) {
                opens[i] = true;
                any = true;
            }
        }
        return any;
    }

    /**
     * The page's title and byline, not a post: the byline is followed by the page's "Updated" time, or straight
     * by the next timestamp, with no text of its own in between.
     */
    private boolean pageHeader(int afterByline) {
        int i = afterByline;
        while (i < blocks.size() && (blocks.get(i).kind() == Block.Kind.LABEL
                || blocks.get(i).kind() == Block.Kind.CAPTION || blocks.get(i).kind() == Block.Kind.ANCHOR)) {
            i++;
        }
        return i < blocks.size() && (blocks.get(i).kind() == Block.Kind.UPDATED
                || blocks.get(i).kind() == Block.Kind.STAMP && !blocks.get(i).glued());
    }

    /**
     * Each timestamp opens a post. Where the page prints the headline before its timestamp ("Headline",
     * "15:25 , Author", prose), the headline line opens it instead and the timestamp joins.
     */
    private boolean openAtStamps(boolean[] opens, int pageStamp) {
        boolean[] toc = tableOfContents();
        int after = 0;
        int before = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.kind() != Block.Kind.STAMP || b.glued() || i == pageStamp) {
                continue;
            }
            int next = nextContent(i + 1);
            boolean headlineAfter = next < blocks.size() && isHeadlineAt(next)
                    && followedByProse(next + 1);
            int previous = previousContent(i - 1);
            boolean headlineBefore = previous >= 0 && isHeadlineAt(previous) && !headlineAfter;
            after += headlineAfter ? 1 : 0;
            before += headlineBefore ? 1 : 0;
        }
        boolean headlineFirst = before > after;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).kind() != Block.Kind.STAMP || i == pageStamp || toc[i]) {
                continue;
            }
            int previous = previousContent(i - 1);
            if (headlineFirst && previous >= 0 && isHeadlineAt(previous)
                    && !opensBefore(opens, previous)) {
                opens[previous] = true;
            } else if (!opensBefore(opens, i)) {
                opens[i] = true;
            }
        }
        if (headlineFirst) {
            openCutLastPost(opens);
        }
        return headlineFirst;
    }

    /**
     * On a page that prints each headline before its time, the page's end can cut a post between its headline
     * and its time: a headline over the page's last, cut text, after the last timestamp, opens that post.
     */
    private void openCutLastPost(boolean[] opens) {
        int from = Math.max(0, blocks.size() - LAST_REACH);
        for (int i = blocks.size() - 1; i >= from; i--) {
            Block b = blocks.get(i);
            if (b.kind() == Block.Kind.STAMP || opens[i]) {
                return;
            }
            if (isHeadlineAt(i) && i + 1 < blocks.size() && lastText(i + 1)
                    && followedByProse(i + 1) && !opensBefore(opens, i)) {
                opens[i] = true;
                return;
            }
        }
    }

    /**
     * A list of the page's posts, each a time and a headline with nothing under it ("9:13 a.m.", "Headline",
     * "9:06 a.m.", "Headline", …): a table of contents or key-events box, whose entries are not posts. Only a run
     * of at least {@link #MIN_TOC} such entries counts, so that a post cut by the page's end is kept.
     */
    private boolean[] tableOfContents() {
        boolean[] toc = new boolean[blocks.size()];
        int runStart = -1;
        int run = 0;
        for (int i = 0; i <= blocks.size(); i++) {
            if (i < blocks.size() && blocks.get(i).kind() != Block.Kind.STAMP) {
                continue;
            }
            boolean entry = i < blocks.size() && tocEntry(i);
            if (entry) {
                runStart = run == 0 ? i : runStart;
                run++;
                continue;
            }
            if (run >= MIN_TOC) {
                for (int j = runStart; j < i; j++) {
                    toc[j] = blocks.get(j).kind() == Block.Kind.STAMP;
                }
            }
            run = 0;
        }
        markRepeatedEntries(toc);
        return toc;
    }

    /**
     * A key-events box of one or two entries: a time and a headline with nothing under it, whose headline the
     * page prints again further down over the post itself.
     */
    private void markRepeatedEntries(boolean[] toc) {
        Map<String, Integer> last = null; // read only on pages with such an entry, which most have not
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).kind() != Block.Kind.STAMP || toc[i] || !tocEntry(i)) {
                continue;
            }
            if (last == null) {
                last = lastHeadlines();
            }
            int headline = i + 1;
            while (blocks.get(headline).kind() == Block.Kind.LABEL) {
                headline++;
            }
            Integer again = last.get(Text.key(blocks.get(headline).text()));
            toc[i] = again != null && again > headline;
        }
    }

    /** Where each headline's text stands last on the page. */
    private Map<String, Integer> lastHeadlines() {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (isHeadlineText(i)) {
                last.put(Text.key(blocks.get(i).text()), i);
            }
        }
        return last;
    }

    /**
     * A stamp, then (past labels) a headline line, then the next stamp; a stray short line beside the headline
     * (a time's broken-off "a.m.") does not make it a post.
     */
    private boolean tocEntry(int stamp) {
        int i = stamp + 1;
        while (i < blocks.size() && blocks.get(i).kind() == Block.Kind.LABEL) {
            i++;
        }
        if (i >= blocks.size() || !isHeadlineText(i) || blocks.get(stamp).glued()) {
            return false;
        }
        int end = Math.min(blocks.size(), i + TOC_REACH);
        for (int j = i + 1; j < end; j++) {
            Block b = blocks.get(j);
            if (b.kind() == Block.Kind.STAMP) {
                return true;
            }
            if (b.kind() == Block.Kind.LABEL) {
                continue; // the next post's "Pinned" or "Breaking"
            }
            if (b.kind() != Block.Kind.TEXT || !isHeadlineText(j) && Text.hasMoreWords(b.text(), 2)) {
                return false;
            }
        }
        return false;
    }

    private static final int MIN_TOC = 3;
    private static final int TOC_REACH = 4;

    /**
     * Bylines printed above each post's headline ("By Jane Doe", "Headline", prose), at least twice: each opens
     * its post.
     */
    private boolean openAtLeadingBylines(boolean[] opens) {
        int count = 0;
        boolean[] found = new boolean[blocks.size()];
        for (int i = 0; i + 1 < blocks.size(); i++) {
            if (blocks.get(i).kind() != Block.Kind.BYLINE) {
                continue;
            }
            int next = nextContent(i + 1);
            if (next < blocks.size() && blocks.get(next).kind() == Block.Kind.TEXT
                    && !Text.hasMoreWords(blocks.get(next).text(), 30) && !Headlines.isProse(blocks.get(next).text())
                    && followedByProse(next + 1)) {
                found[i] = true;
                count++;
            }
        }
        if (count < 2) {
            return false;
        }
        System.arraycopy(found, 0, opens, 0, opens.length);
        return true;
    }

    /**
     * The page's own date line under its title ("Thu 3 Mar 2022 16.05 GMT" above posts stamped "2.15pm GMT"):
     * the first stamp, when it is printed in another shape than all the others, which share one. -1 if none.
     */
    private int pageStamp() {
        int first = -1;
        int others = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.kind() != Block.Kind.STAMP) {
                continue;
            }
            if (first < 0) {
                first = i;
            } else if (dated(b.stamp())) {
                return -1;
            } else {
                others++;
            }
        }
        return others > 0 && dated(blocks.get(first).stamp()) ? first : -1;
    }

    /** Whether a stamp prints its year ("Thu 3 Mar 2022 16.05 GMT") rather than a time alone ("2.15pm GMT"). */
    private static boolean dated(Stamp stamp) {
        String t = stamp.text();
        int run = 0;
        for (int i = 0; i < t.length(); i++) {
            run = Character.isDigit(t.charAt(i)) ? run + 1 : 0;
            if (run == 4) {
                return true;
            }
        }
        return false;
    }

    /** True when a post was opened just before {@code i} with nothing of its own yet (a number, its labels). */
    private boolean opensBefore(boolean[] opens, int i) {
        return i > 0 && opens[i - 1] && blocks.get(i - 1).kind() != Block.Kind.STAMP
                || i > 1 && opens[i - 2] && blocks.get(i - 2).kind() != Block.Kind.STAMP
                && blocks.get(i - 1).kind() != Block.Kind.STAMP;
    }

    /**
     * Headline lines directly followed by prose open posts; so do datelines without a headline above, and
     * the first headline after a share-widget separator. The page's own title (its first such headline, with
     * a one-paragraph standfirst) opens nothing.
     */
    private boolean openAtHeadlines(boolean[] opens, boolean separators) {
        boolean any = false;
        boolean first = true;
        boolean afterSeparator = false;
        boolean headed = false;
        Map<String, Integer> separatorTexts = separators ? separatorTexts() : Map.of();
        String separator = null;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.kind() == Block.Kind.SEPARATOR) {
                afterSeparator = true;
                separator = b.text();
                continue;
            }
            if (b.kind() == Block.Kind.DATELINE) {
                if (!headed) {
                    opens[i] = true;
                    any = true;
                }
                headed = false;
                first = false;
                continue;
            }
            if (!isHeadlineAt(i)) {
                if (b.kind() == Block.Kind.TEXT) {
                    afterSeparator = false;
                    headed = false;
                }
                continue;
            }
            headed = false;
            boolean opensHere = followedByProse(i + 1) || separators && afterSeparator;
            if (!opensHere) {
                continue;
            }
            if (kickerOfTitle(i)) {
                continue;
            }
            boolean underPostSeparator = separators && afterSeparator
                    && separatorTexts.getOrDefault(separator, 0) >= 2;
            if (first && isTitle(i) && !underPostSeparator) {
                // A headline under the separator the page puts between posts opens the first post, not the page.
                first = false;
                continue;
            }
            first = false;
            opens[i] = true;
            any = true;
            headed = true;
            afterSeparator = false;
        }
        return any;
    }

    /** How often each separator's text occurs: the one the page puts between posts recurs. */
    private Map<String, Integer> separatorTexts() {
        Map<String, Integer> counts = new HashMap<>();
        for (Block b : blocks) {
            if (b.kind() == Block.Kind.SEPARATOR) {
                counts.merge(b.text(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * The page's section name printed over a photo or box ("Ukraine-Russia War" under the title "Ukraine-Russia
     * War: Atrocities Continue …"): the title's own kicker, not a post's headline.
     */
    private boolean kickerOfTitle(int i) {
        String candidate = blocks.get(i).text();
        for (int j = 0; j < i; j++) {
            if (blocks.get(j).kind() == Block.Kind.TEXT) {
                String title = blocks.get(j).text();
                return title.length() > candidate.length() + 2 && title.startsWith(candidate)
                        && (title.charAt(candidate.length()) == ':' || title.charAt(candidate.length()) == '|');
            }
        }
        return false;
    }

    /** The page's title: its first headline-and-prose, whose one paragraph is followed by another headline. */
    private boolean isTitle(int i) {
        boolean textBefore = false;
        for (int j = 0; j < i && !textBefore; j++) {
            textBefore = blocks.get(j).kind() == Block.Kind.TEXT;
        }
        if (!textBefore) {
            return true;
        }
        int prose = nextContent(i + 1);
        int after = nextContent(prose + 1);
        return after < blocks.size() && (isHeadlineText(after)
                || blocks.get(after).kind() == Block.Kind.SUMMARY);
    }

    /** A headline line; one of paragraph length is a paragraph that lost its final stop. */
    private boolean isHeadlineText(int i) {
        Block b = blocks.get(i);
        return b.kind() == Block.Kind.TEXT && isHeadline(i) && !Text.hasMoreWords(b.text(), PARAGRAPH_WORDS - 1);
    }

    /**
     * {@link Headlines#isHeadline} of block {@code i}'s text, or a line the page listed before (its table of
     * contents or key events name its posts by their headlines, which may end in a full stop).
     */
    private boolean isHeadline(int i) {
        if (headline[i] == UNKNOWN) {
            String text = blocks.get(i).text();
            headline[i] = Headlines.isHeadline(text) || listedBefore(i) ? HEADLINE : NOT_HEADLINE;
        }
        return headline[i] == HEADLINE;
    }

    /** A short line of text printed as an earlier line of the page, in a run of short lines (a list). */
    private boolean listedBefore(int i) {
        String text = blocks.get(i).text();
        if (text.length() > MAX_LISTED || !Character.isUpperCase(text.codePointAt(0))) {
            return false;
        }
        if (listed == null) {
            listed = new HashMap<>();
            for (int j = 0; j + 1 < blocks.size(); j++) {
                Block b = blocks.get(j);
                if (b.kind() == Block.Kind.TEXT && b.text().length() <= MAX_LISTED && j > 0
                        && (isShortText(j - 1) || isShortText(j + 1))) {
                    listed.putIfAbsent(b.text(), j);
                }
            }
        }
        Integer first = listed.get(text);
        return first != null && first < i - 1;
    }

    private boolean isShortText(int j) {
        Block b = blocks.get(j);
        return b.kind() == Block.Kind.TEXT && b.text().length() <= MAX_LISTED;
    }

    /** Longest line taken for a listed headline. */
    private static final int MAX_LISTED = 160;
    /** The page's short lines in list runs, by text, at their first place; made when first needed. */
    private Map<String, Integer> listed;

    /** The next prose after {@code from}, skipping captions, bylines, labels and anchors, opens a body. */
    private boolean followedByProse(int from) {
        int next = nextContent(from);
        if (next >= blocks.size()) {
            return false;
        }
        Block b = blocks.get(next);
        if (b.kind() == Block.Kind.LEAD || b.kind() == Block.Kind.DATELINE || b.kind() == Block.Kind.STAMP) {
            return true;
        }
        // A paragraph whose final stop was lost still reads as one by its length, not as a second headline.
        if (b.kind() != Block.Kind.TEXT || isHeadline(next) && !lastText(next)
                && !Text.hasMoreWords(b.text(), PARAGRAPH_WORDS - 1)) {
            return false;
        }
        // The page's last line, cut mid-sentence ("I interviewed dozens of children in", "The"), is prose too.
        return Headlines.isProse(b.text()) || lastText(next)
                && (Text.hasMoreWords(b.text(), 3) || !isHeadline(next));
    }

    /** The page's last line of text: nothing but furniture in the few blocks up to the end (looked at boundedly). */
    private boolean lastText(int i) {
        int end = Math.min(blocks.size(), i + 1 + LAST_REACH);
        for (int j = i + 1; j < end; j++) {
            if (blocks.get(j).kind() == Block.Kind.TEXT || blocks.get(j).kind() == Block.Kind.STAMP) {
                return false;
            }
        }
        return end == blocks.size();
    }

    private static final int LAST_REACH = 8;
    /** So many words make a paragraph even without a final stop; headlines are shorter. */
    private static final int PARAGRAPH_WORDS = 24;

    /** A headline line: not a paragraph broken over two lines (the next line goes on in lower case). */
    private boolean isHeadlineAt(int i) {
        if (!isHeadlineText(i)) {
            return false;
        }
        int next = i + 1;
        return next >= blocks.size() || blocks.get(next).kind() != Block.Kind.TEXT
                || !Character.isLowerCase(blocks.get(next).text().codePointAt(0));
    }

    /** The content block at or before {@code from}, skipping captions, bylines and labels; -1 if none. */
    private int previousContent(int from) {
        int i = from;
        while (i >= 0 && i > from - 4) {
            Block.Kind k = blocks.get(i).kind();
            if (k != Block.Kind.CAPTION && k != Block.Kind.BYLINE && k != Block.Kind.LABEL) {
                return i;
            }
            i--;
        }
        return -1;
    }

    /** The next content block at or after {@code from}, skipping a few captions, bylines and labels. */
    private int nextContent(int from) {
        int i = from;
        int end = Math.min(blocks.size(), from + CONTENT_REACH);
        while (i < end) {
            Block.Kind k = blocks.get(i).kind();
            if (k != Block.Kind.CAPTION && k != Block.Kind.BYLINE && k != Block.Kind.LABEL
                    && k != Block.Kind.ANCHOR && k != Block.Kind.UPDATED) {
                return i;
            }
            i++;
        }
        return i;
    }

    /** How far past furniture the next content is looked for: bounded, so the cut stays linear. */
    private static final int CONTENT_REACH = 12;
}
