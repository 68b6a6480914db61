package dev.newsfeed.follow;

/** The body of {@code POST /api/follows}: the page's URL, and the outlet it is read as (optional). */
public record FollowRequest(String url, String source) {
}
