package dev.newsfeed.post;

import java.util.List;

/** One page of posts; {@code nextCursor} is null on the last page. */
public record PostPage(List<PostView> items, String nextCursor) {
}
