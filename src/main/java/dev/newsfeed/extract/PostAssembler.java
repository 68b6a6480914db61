package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks typed blocks and builds posts. A post starts at a timestamp, or at a line directly followed by a
 * byline; it runs until the next start. Copies of the same post (a teaser and a full copy) are merged.
 */
final class PostAssembler {

    /** Posts in page order, and the blocks that came before the first post. */
    record Result(List<ExtractedPost> posts, List<Block> header) {
    }

    private PostAssembler() {
    }

    static Result assemble(List<Block> blocks) {
        List<Draft> drafts = new ArrayList<>();
        List<Block> header = new ArrayList<>();
        Draft current = null;
        String anchor = null;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            switch (b.kind()) {
                case END -> {
                    return new Result(merge(drafts), header);
                }
                case BREAK -> current = null;
                case UPDATED -> header.add(b);
                case ANCHOR -> anchor = b.text();
                case STAMP -> {
                    current = start(drafts, anchor);
                    anchor = null;
                    current.stamp = b.stamp();
                }
                case DATELINE -> {
                    current = start(drafts, anchor);
                    anchor = null;
                    current.byline = b.byline();
                }
                case LEAD -> {
                    if (current != null && current.headline == null) {
                        current.headline = Text.sentences(b.text()).get(0);
                        current.body.add(b.text());
                    } else if (current != null) {
                        current.body.add(b.text());
                    }
                }
                case BYLINE -> {
                    if (current != null && current.byline == null && current.body.isEmpty()) {
                        current.byline = b.byline();
                    }
                }
                case CAPTION -> {
                    if (current != null) {
                        current.captions.add(b.caption());
                    }
                }
                case TEXT -> {
                    boolean bylineNext = i + 1 < blocks.size() && blocks.get(i + 1).kind() == Block.Kind.BYLINE;
                    if (current != null && current.headline == null) {
                        current.headline = b.text();
                    } else if (bylineNext) {
                        current = start(drafts, anchor);
                        anchor = null;
                        current.headline = b.text();
                    } else if (current != null && current.awaitsByline() && Bylines.isName(b.text())
                            && i + 1 < blocks.size() && isRole(blocks.get(i + 1))) {
                        // An author and their role on lines of their own, under the headline (BBC, Sky).
                        current.byline = new Byline(List.of(b.text()), null, 0);
                        i++;
                    } else if (current != null) {
                        current.body.add(b.text());
                        current.flowed |= b.flowed();
                    } else if (drafts.isEmpty()) {
                        header.add(b);
                    }
                }
            }
        }
        return new Result(merge(drafts), header);
    }

    private static Draft start(List<Draft> drafts, String anchor) {
        Draft d = new Draft();
        d.anchor = anchor;
        drafts.add(d);
        return d;
    }

    /** "Eastern Europe correspondent", "Defence correspondent, BBC News": a few words, not a sentence. */
    private static boolean isRole(Block b) {
        return b.kind() == Block.Kind.TEXT && Text.isPhrase(b.text(), 8);
    }

    /** One post per headline: the copy with more paragraphs gives the text, the others fill what it lacks. */
    private static List<ExtractedPost> merge(List<Draft> drafts) {
        Map<String, Draft> byHeadline = new LinkedHashMap<>();
        for (Draft d : drafts) {
            d.trimTail();
            if (!d.isPost()) {
                continue;
            }
            byHeadline.merge(Text.key(d.headline), d, Draft::absorb);
        }
        List<ExtractedPost> posts = new ArrayList<>(byHeadline.size());
        for (Draft d : byHeadline.values()) {
            posts.add(d.toPost());
        }
        return posts;
    }

    private static final class Draft {
        Stamp stamp;
        String anchor;
        String headline;
        boolean flowed;
        Byline byline;
        final List<String> body = new ArrayList<>();
        final List<Caption> captions = new ArrayList<>();

        boolean awaitsByline() {
            return headline != null && byline == null && body.isEmpty();
        }

        boolean isPost() {
            return headline != null && !headline.isEmpty() && (byline != null || !body.isEmpty());
        }

        /** Drops embed labels left at the end ("Watch more:"). */
        void trimTail() {
            while (!body.isEmpty()) {
                String last = body.get(body.size() - 1);
                if (last.endsWith(":") && Text.wordCount(last) <= 4) {
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
            merged.body.addAll(text.body);
            merged.byline = text.byline != null ? text.byline : rest.byline;
            merged.stamp = stamp != null ? stamp : other.stamp;
            merged.anchor = anchor != null ? anchor : other.anchor;
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

        ExtractedPost toPost() {
            return new ExtractedPost(
                    headline,
                    stamp == null ? null : stamp.text(),
                    stamp == null ? null : stamp.instant(),
                    stamp == null ? Precision.UNKNOWN : stamp.precision(),
                    byline == null ? List.of() : byline.authors(),
                    byline == null ? null : byline.location(),
                    body,
                    captions,
                    anchor);
        }
    }
}
