package dev.newsfeed.site;

import java.util.List;

/** The home page: what can be read and subscribed to here. */
public record HomeView(List<TopicLine> topics, List<SourceLine> sources, List<LiveBlogLine> liveblogs,
                       List<FollowedPage> followed, long liveblogCount) {

    /** A topic with its post count, latest post and feeds. */
    public record TopicLine(String name, String href, String description, long posts, String latest,
                            FeedLinks feeds) {
    }

    public record SourceLine(String name, String href, long posts, String latest, FeedLinks feeds) {
    }

    /** A live blog (or single article) read, with the page it was read from when known. */
    public record LiveBlogLine(String title, String href, String url, String source, long posts, String latest) {
    }

    /**
     * A page Newsfeed follows (polls for new posts); {@code liveblogHref} is null until a fetch has read it.
     */
    public record FollowedPage(String title, String url, String liveblogHref) {
    }

    public boolean moreLiveblogs() {
        return liveblogCount > liveblogs.size();
    }
}
