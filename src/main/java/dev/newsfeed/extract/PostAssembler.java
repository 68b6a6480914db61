package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks typed blocks and builds posts. Posts start where {@link Segmenter} says; a post runs until the next
 * start, a separator or the end. Copies of the same post (a teaser and a full copy) are merged.
 */
final class PostAssembler {

    /** Posts in page order, the blocks that came before the first post, and the summary boxes' lines. */
    record Result(List<ExtractedPost> posts, List<Block> header, List<String> summary) {
    }

    private PostAssembler() {
    }

    static Result assemble(List<Block> blocks, boolean[] opens, boolean headlineFirst) {
        Walk walk = new Walk();
        walk.headlineFirst = headlineFirst;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (opens[i] && !(b.kind() == Block.Kind.STAMP && walk.joinsStamp(b.stamp()))) {
                walk.start();
            }
            if (b.kind() == Block.Kind.BYLINE && opens[i]) {
                walk.current.byline = b.byline(); // a byline above the headline opened this post
                continue;
            }
            if (b.kind() == Block.Kind.END) {
                walk.ended = true;
                break;
            }
            i += walk.take(blocks, i);
        }
        return new Result(merge(walk.drafts, walk.ended), walk.header, walk.summary);
    }

    /**
     * Names alone (no "By", no "Posted by") right above the next post's time: that post's byline, as pages that
     * print the author over each time do. "Posted by …" there closes the post before instead.
     */
    private static boolean leadsNextPost(List<Block> blocks, int i) {
        return i + 1 < blocks.size() && blocks.get(i + 1).kind() == Block.Kind.STAMP
                && Bylines.line(blocks.get(i).text()).isEmpty();
    }

    /** A byline after a post's text that the next post's time (or the page's end) follows: it closes the post. */
    private static boolean closes(List<Block> blocks, int i) {
        if (i + 1 >= blocks.size()) {
            return true;
        }
        Block.Kind next = blocks.get(i + 1).kind();
        return next == Block.Kind.STAMP || next == Block.Kind.END || next == Block.Kind.BREAK
                || next == Block.Kind.SEPARATOR || next == Block.Kind.NUMBER;
    }

    /** The state of one pass over the blocks. */
    private static final class Walk {
        final List<Draft> drafts = new ArrayList<>();
        final List<Block> header = new ArrayList<>();
        final List<String> summary = new ArrayList<>();
        Draft current;
        String anchor;
        boolean ended;
        boolean headlineFirst;
        boolean numbered;

        /** Bare names printed above the next post's time ("Jane Doe", "9:12 a.m. ET", headline). */
        Byline leading;

        void start() {
            numbered = false;
            current = new Draft();
            current.anchor = anchor;
            current.byline = leading;
            anchor = null;
            leading = null;
            drafts.add(current);
        }

        /**
         * A timestamp joins the post a number just opened, or (where the page prints headlines first) the
         * headline just read; or it repeats the time the post has.
         */
        boolean joinsStamp(Stamp stamp) {
            if (current == null || !current.body.isEmpty()) {
                return false;
            }
            if (current.stamp != null) {
                return Stamps.sameClock(current.stamp, stamp);
            }
            return numbered || headlineFirst || current.headline == null;
        }

        /** Takes block {@code i}; returns how many blocks after it were used too. */
        int take(List<Block> blocks, int i) {
            Block b = blocks.get(i);
            switch (b.kind()) {
                case BREAK, SEPARATOR -> current = null;
                case UPDATED -> header.add(b);
                case SUMMARY -> summary.add(b.text());
                case ANCHOR -> anchor = b.text();
                case NUMBER -> numbered = true;
                case END -> {
                }
                case STAMP -> {
                    if (current != null && current.stamp == null) {
                        current.stamp = b.stamp();
                        current.headlineFollows = b.glued();
                    }
                }
                case LABEL -> label(blocks, i, b);
                case DATELINE -> {
                    if (current != null && current.body.isEmpty() && current.dateline == null) {
                        current.dateline = b.text();
                        current.datelinePlace = b.byline().location();
                    } else if (current != null) {
                        current.pendingDateline = b.text();
                    }
                }
                case LEAD -> {
                    if (current != null) {
                        current.body.add(b.text());
                    }
                }
                case BYLINE -> {
                    if (current != null && !current.body.isEmpty() && leadsNextPost(blocks, i)) {
                        leading = b.byline();
                    } else if (current != null && current.byline == null && (current.body.isEmpty() || closes(blocks, i))) {
                        // Under the headline, or closing the post ("Posted by Jane Doe" as its last line).
                        current.byline = b.byline();
                    } else if (current == null && drafts.isEmpty()) {
                        header.add(b);
                    }
                }
                case CLOSING_BYLINE -> {
                    if (current != null && current.byline == null) {
                        current.byline = b.byline();
                    } else if (current != null) {
                        current.body.add(b.text());
                    }
                }
                case CAPTION -> {
                    if (current != null) {
                        current.captions.add(b.caption());
                    }
                }
                case TEXT -> {
                    return text(blocks, i, b);
                }
            }
            return 0;
        }

        private void label(List<Block> blocks, int i, Block b) {
            if (current == null) {
                if (drafts.isEmpty()) {
                    header.add(b);
                }
                return;
            }
            boolean headlineAhead = i + 1 < blocks.size() && (blocks.get(i + 1).kind() == Block.Kind.TEXT
                    && Headlines.isHeadline(blocks.get(i + 1).text()) || blocks.get(i + 1).kind() == Block.Kind.STAMP);
            if (current.body.isEmpty() && (current.headline != null || headlineAhead)) {
                current.labels.add(b.text());
            } else if (current.headline == null && current.body.isEmpty()) {
                current.headline = b.text();
            } else {
                current.body.add(b.text());
            }
        }

        private int text(List<Block> blocks, int i, Block b) {
            String line = b.text();
            if (current == null) {
                if (drafts.isEmpty()) {
                    header.add(b);
                }
                return 0;
            }
            current.flowed |= b.flowed();
            if (current.pendingDateline != null) {
                line = current.pendingDateline + " " + line;
                current.pendingDateline = null;
            }
            if (current.headline == null && current.body.isEmpty() && current.dateline == null
                    && (current.headlineFollows || b.flowed() || Headlines.isHeadline(line)
                    || current.stamp == null)) {
                if (current.headlineFollows && current.labelCandidate()) {
                    // "Your Questions Answered" above "Headline published at …": the earlier line was a label.
                    current.labels.add(current.headline);
                }
                current.headline = line;
                current.headlineFollows = false;
                return 0;
            }
            if (current.headlineFollows && current.headline != null && current.body.isEmpty()) {
                current.labels.add(current.headline);
                current.headline = line;
                current.headlineFollows = false;
                return 0;
            }
            if (current.awaitsByline() && Bylines.isName(line) && i + 1 < blocks.size()
                    && isRole(blocks.get(i + 1))) {
                // An author and their role on lines of their own, under the headline (BBC, Sky).
                String role = blocks.get(i + 1).text();
                current.byline = new Byline(List.of(Bylines.withoutHonorific(line)), Bylines.rolePlace(role), 0);
                return 1;
            }
            current.body.add(withoutBullet(line));
            current.flowed |= b.flowed();
            return 0;
        }
    }

    /** "• Russia has launched …" reads "Russia has launched …": the bullet is layout, not text. */
    private static String withoutBullet(String line) {
        if (line.length() > 2 && (line.charAt(0) == '•' || line.charAt(0) == '-' || line.charAt(0) == '*')
                && line.charAt(1) == ' ') {
            return Text.strip(line.substring(2));
        }
        return line;
    }

    /** "Eastern Europe correspondent", "Defence correspondent, BBC News": a few words, not a sentence. */
    private static boolean isRole(Block b) {
        return b.kind() == Block.Kind.TEXT && Text.isPhrase(b.text(), 10);
    }

    /** One post per headline: the copy with more paragraphs gives the text, the others fill what it lacks. */
    private static List<ExtractedPost> merge(List<Draft> all, boolean ended) {
        List<Draft> drafts = withoutContents(all);
        unheadPagesWithoutHeadlines(drafts);
        Map<String, Draft> byHeadline = new LinkedHashMap<>();
        int n = 0;
        for (Draft d : drafts) {
            d.trimTail();
            if (!d.isPost(byHeadline.isEmpty())) {
                continue;
            }
            d.derive();
            byHeadline.merge(Text.key(d.headline) + (d.headlinePrinted ? "" : "#" + n++), d, Draft::absorb);
        }
        List<ExtractedPost> posts = new ArrayList<>(byHeadline.size());
        List<Draft> kept = new ArrayList<>(byHeadline.values());
        for (int i = 0; i < kept.size(); i++) {
            boolean last = i == kept.size() - 1;
            posts.add(kept.get(i).toPost(!last || ended || kept.get(i).endsLikeSentence()));
        }
        return posts;
    }

    /**
     * On a page whose posts print no headlines ("3:45 p.m.: A plane crashed …" and its paragraphs), a post holding
     * one line only holds a paragraph, not a headline: the line a page cut mid-sentence reads like a headline,
     * as it does not end like a sentence.
     */
    private static void unheadPagesWithoutHeadlines(List<Draft> drafts) {
        int headless = 0;
        for (Draft d : drafts) {
            if (!d.body.isEmpty() && d.headline != null) {
                return;
            }
            headless += d.body.isEmpty() ? 0 : 1;
        }
        if (headless < 2) {
            return;
        }
        for (Draft d : drafts) {
            if (d.headline != null && d.body.isEmpty() && d.byline == null && !d.flowed && d.stamp != null) {
                d.body.add(d.headline);
                d.headline = null;
            }
        }
    }

    /**
     * Drops tables of contents: runs of at least {@value #MIN_CONTENTS} headlines in a row, each with at most its
     * time and nothing else, are links to posts, not posts.
     */
    private static List<Draft> withoutContents(List<Draft> drafts) {
        List<Draft> out = new ArrayList<>(drafts.size());
        int i = 0;
        while (i < drafts.size()) {
            int j = i;
            while (j < drafts.size() && drafts.get(j).isLink()) {
                j++;
            }
            if (j - i >= MIN_CONTENTS) {
                i = j;
                continue;
            }
            out.add(drafts.get(i));
            i++;
        }
        return out;
    }

    private static final int MIN_CONTENTS = 3;

    private static final class Draft {
        Stamp stamp;
        String anchor;
        String headline;
        boolean headlinePrinted = true;
        boolean headlineFollows;
        boolean flowed;
        Byline byline;
        String dateline;
        String datelinePlace;
        String pendingDateline;
        final List<String> labels = new ArrayList<>();
        final List<String> body = new ArrayList<>();
        final List<Caption> captions = new ArrayList<>();

        /** A headline with nothing under it, as a table of contents lists one. */
        boolean isLink() {
            return headline != null && body.isEmpty() && byline == null && captions.isEmpty();
        }

        boolean awaitsByline() {
            return headline != null && byline == null && body.isEmpty();
        }

        /** A short line taken as headline before the glued headline arrived. */
        boolean labelCandidate() {
            return headline != null && Text.isPhrase(headline, 6);
        }

        /**
         * Flattened text marks a post by its headline and byline, so a stamp and a line alone are a pinned
         * note; on line pages a stamp with text, or even alone between posts, is a post.
         */
        boolean isPost(boolean first) {
            boolean headed = headline != null && !headline.isEmpty();
            if (flowed) {
                return headed && (byline != null || !body.isEmpty());
            }
            return headed || !body.isEmpty() || stamp != null && !first;
        }

        /** A post printed without a headline is headed by its first sentence. */
        void derive() {
            if (headline != null && !headline.isEmpty()) {
                return;
            }
            headlinePrinted = false;
            headline = body.isEmpty() ? stamp.text() : Text.sentences(body.get(0)).get(0);
        }

        boolean endsLikeSentence() {
            if (body.isEmpty()) {
                return false;
            }
            String last = body.get(body.size() - 1);
            return Text.endsLikeSentence(last);
        }

        /** Drops embed labels left at the end ("Watch more:"). */
        void trimTail() {
            while (!body.isEmpty()) {
                String last = body.get(body.size() - 1);
                if (last.endsWith(":") && !Text.hasMoreWords(last, 4)) {
                    body.remove(body.size() - 1);
                } else {
                    return;
                }
            }
        }

        Draft absorb(Draft other) {
            Draft text = preferredText(this, other);
            Draft rest = text == this ? other : this;
            Draft merged = new Draft();
            merged.headline = text.headline;
            merged.headlinePrinted = text.headlinePrinted;
            merged.body.addAll(text.body);
            merged.byline = text.byline != null ? text.byline : rest.byline;
            merged.stamp = stamp != null ? stamp : other.stamp;
            merged.anchor = anchor != null ? anchor : other.anchor;
            merged.dateline = text.dateline != null ? text.dateline : rest.dateline;
            merged.datelinePlace = text.datelinePlace != null ? text.datelinePlace : rest.datelinePlace;
            merged.labels.addAll(text.labels.isEmpty() ? rest.labels : text.labels);
            merged.captions.addAll(captions);
            for (Caption c : other.captions) {
                if (merged.captions.stream().noneMatch(x -> x.text().equals(c.text()))) {
                    merged.captions.add(c);
                }
            }
            return merged;
        }

        /**
         * A line-per-paragraph copy keeps the page's paragraphs; a flowed copy only guesses them. The flowed
         * copy wins only when the other is clearly shorter (a teaser cut off mid-sentence is the usual case).
         */
        private static Draft preferredText(Draft a, Draft b) {
            if (a.flowed != b.flowed) {
                Draft lines = a.flowed ? b : a;
                Draft flowed = a.flowed ? a : b;
                return lines.length() * 10 >= flowed.length() * 9 ? lines : flowed;
            }
            return b.length() > a.length() ? b : a;
        }

        private int length() {
            return body.stream().mapToInt(String::length).sum();
        }

        ExtractedPost toPost(boolean complete) {
            String location = byline != null && byline.location() != null ? byline.location() : datelinePlace;
            return new ExtractedPost(
                    headline,
                    stamp == null ? null : stamp.text(),
                    stamp == null ? null : stamp.instant(),
                    stamp == null ? Precision.UNKNOWN : stamp.precision(),
                    byline == null ? List.of() : byline.authors(),
                    location,
                    body,
                    captions,
                    anchor,
                    stamp == null ? null : stamp.relative(),
                    labels,
                    dateline,
                    headlinePrinted,
                    complete);
        }
    }
}
