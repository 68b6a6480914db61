package dev.newsfeed.extract;

import java.util.List;

/**
 * A parsed byline.
 *
 * @param authors  person names only, in order
 * @param location the first dateline place ("in Kyiv"), or null
 * @param end      offset in the text where the byline ends
 */
record Byline(List<String> authors, String location, int end) {
}
