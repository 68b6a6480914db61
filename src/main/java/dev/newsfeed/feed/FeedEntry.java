package dev.newsfeed.feed;

import java.time.Instant;
import java.util.List;

/** One post in a feed; {@code contentHtml} is HTML whose text is already escaped once. */
public record FeedEntry(String id, String title, String link, List<String> authors, List<String> categories,
                        Instant published, Instant updated, String summary, String contentHtml) {
}
