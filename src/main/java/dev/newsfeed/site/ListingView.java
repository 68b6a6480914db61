package dev.newsfeed.site;

import java.util.List;

/**
 * A page of posts: a topic's, a source's, a live blog's or a search's.
 *
 * @param intro    a line under the heading (the topic's description), or null
 * @param original the live blog's own page, or null
 * @param first    the newest page, linked from an older one; null on the newest
 * @param next     the next older page, or null on the last
 * @param empty    what to say when there are no posts
 */
public record ListingView(String intro, String original, List<PostItem> posts, String first, String next,
                          String empty) {
}
