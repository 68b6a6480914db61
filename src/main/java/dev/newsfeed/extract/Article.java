package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.List;

/** A page with no timestamped posts: one article, its first line the headline. */
final class Article {

    private Article() {
    }

    static ExtractedPost from(List<Block> blocks) throws ExtractionException {
        String headline = null;
        Byline byline = null;
        Stamp stamp = null;
        List<String> body = new ArrayList<>();
        List<Caption> captions = new ArrayList<>();
        for (Block b : blocks) {
            switch (b.kind()) {
                case END -> {
                    return post(headline, byline, stamp, body, captions);
                }
                case TEXT -> {
                    if (headline == null) {
                        headline = b.text();
                    } else {
                        body.add(b.text());
                    }
                }
                case BYLINE -> byline = byline == null ? b.byline() : byline;
                case STAMP -> stamp = stamp == null ? b.stamp() : stamp;
                case CAPTION -> captions.add(b.caption());
                default -> {
                }
            }
        }
        return post(headline, byline, stamp, body, captions);
    }

    private static ExtractedPost post(String headline, Byline byline, Stamp stamp, List<String> body,
                                      List<Caption> captions) throws ExtractionException {
        if (headline == null || body.isEmpty()) {
            throw new ExtractionException("No post or article text was found: the page has no headline "
                    + "followed by paragraphs.");
        }
        return new ExtractedPost(headline, stamp == null ? null : stamp.text(),
                stamp == null ? null : stamp.instant(), stamp == null ? Precision.UNKNOWN : stamp.precision(),
                byline == null ? List.of() : byline.authors(), byline == null ? null : byline.location(), body,
                captions, null);
    }
}
