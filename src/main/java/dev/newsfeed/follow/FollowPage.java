package dev.newsfeed.follow;

import java.util.List;

/** One page of follows in id order; {@code nextAfter} is null on the last page. */
public record FollowPage(List<FollowView> items, Long nextAfter) {
}
