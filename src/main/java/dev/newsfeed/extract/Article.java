package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.List;

/** A page with no posts: one article, its first line the headline. */
final class Article {

    /** A dateline this near the headline opens the body; the lines between are standfirst and furniture. */
    private static final int DATELINE_REACH = 8;

    private Article() {
    }

    /** A name on a line of its own over a line naming a role ("Defence correspondent, BBC News"). */
    private static boolean namedWithRole(List<Block> blocks, int i) {
        if (i + 1 >= blocks.size() || blocks.get(i + 1).kind() != Block.Kind.TEXT) {
            return false;
        }
        String role = blocks.get(i + 1).text();
        return Bylines.isName(blocks.get(i).text()) && Text.isPhrase(role, 10) && ROLE.matcher(role).find();
    }

    /** The words a role line holds: a reporter's title, not any short phrase. */
    private static final java.util.regex.Pattern ROLE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:correspondent|reporter|editor|writer|journalist|analyst|producer|columnist|contributor"
                    + "|chief|staff|news)\\b");

    static ExtractedPost from(List<Block> blocks) throws ExtractionException {
        String headline = null;
        Byline byline = null;
        Stamp stamp = null;
        String dateline = null;
        String place = null;
        List<String> body = new ArrayList<>();
        List<Caption> captions = new ArrayList<>();
        boolean ended = false;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            switch (b.kind()) {
                case END -> ended = true;
                case TEXT, LEAD -> {
                    if (headline == null) {
                        headline = b.text();
                    } else if (byline == null && body.size() <= DATELINE_REACH && namedWithRole(blocks, i)) {
                        // "Quentin Sommerville", "International correspondent, in Culiacán": the author's box.
                        String role = blocks.get(i + 1).text();
                        byline = new Byline(List.of(Bylines.withoutHonorific(b.text())), Bylines.rolePlace(role), 0);
                        i++;
                    } else {
                        body.add(b.text());
                    }
                }
                case DATELINE -> {
                    if (dateline == null && body.size() <= DATELINE_REACH) {
                        body.clear();
                        dateline = b.text();
                        place = b.byline().location();
                    }
                }
                case BYLINE, CLOSING_BYLINE -> byline = byline == null ? b.byline() : byline;
                case STAMP -> stamp = stamp == null ? b.stamp() : stamp;
                case CAPTION -> captions.add(b.caption());
                default -> {
                }
            }
            if (ended) {
                break;
            }
        }
        if (headline == null || body.isEmpty()) {
            throw new ExtractionException("No post or article text was found: the page has no headline "
                    + "followed by paragraphs.");
        }
        String last = body.get(body.size() - 1);
        boolean complete = ended || Text.endsLikeSentence(last);
        String location = byline != null && byline.location() != null ? byline.location() : place;
        return new ExtractedPost(headline, stamp == null ? null : stamp.text(),
                stamp == null ? null : stamp.instant(), stamp == null ? Precision.UNKNOWN : stamp.precision(),
                byline == null ? List.of() : byline.authors(), location, body, captions, null,
                stamp == null ? null : stamp.relative(), List.of(), dateline, true, complete);
    }
}
