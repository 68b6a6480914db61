package dev.newsfeed.site;

import java.util.List;

/**
 * A post's own page: everything Newsfeed knows of it.
 *
 * @param liveblog      the live blog it belongs to, linked
 * @param liveblogTitle its title
 * @param revisions     earlier versions, newest first; empty when the post never changed
 */
public record PostPageView(PostItem post, List<Caption> captions, List<TopicEvidence> topics, String liveblog,
                           String liveblogTitle, String firstSeen, String updated, List<Revision> revisions) {

    public record Caption(String text, String credit) {
    }

    /** A topic of the post with its score and the evidence that put it there, in words. */
    public record TopicEvidence(String name, String href, String score, List<String> reasons) {
    }

    /** An earlier version of the post, as it read until {@code replaced}. */
    public record Revision(int number, String replaced, String headline, String byline, List<String> body,
                           List<Caption> captions) {
    }
}
