package dev.newsfeed.post;

import java.util.List;

/** One page of posts; {@code nextCursor} is null on the last page. */
public record PostPage(List<PostView> items, String nextCursor) {

    /** Bytes the page holds in memory, about: its text as Java strings (two bytes a char) and the objects. */
    public int bytes() {
        long chars = 0;
        for (PostView p : items) {
            chars += p.headline().length();
            for (String b : p.body()) {
                chars += b.length();
            }
            for (PostView.CaptionView c : p.captions()) {
                chars += c.text().length() + (c.credit() == null ? 0 : c.credit().length());
            }
            for (PostView.TopicRef t : p.topics()) {
                chars += t.evidence().length() + 64;
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, 2 * chars + 600L * items.size() + 200);
    }
}
