package dev.newsfeed.feed;

import dev.newsfeed.web.SafeText;
import java.time.Instant;
import java.util.List;

/**
 * One post in a feed; {@code contentHtml} is HTML whose text is already escaped once. Every string is made
 * XML-legal here, the one step all a feed prints goes through: a control character in one stored post (an anchor
 * in a link, say) once made every feed holding it answer 500.
 */
public record FeedEntry(String id, String title, String link, List<String> authors, List<String> categories,
                        Instant published, Instant updated, String summary, String contentHtml) {

    public FeedEntry {
        id = SafeText.legal(id);
        title = SafeText.legal(title);
        link = SafeText.legal(link);
        authors = authors.stream().map(SafeText::legal).toList();
        categories = categories.stream().map(SafeText::legal).toList();
        summary = SafeText.legal(summary);
        contentHtml = SafeText.legal(contentHtml);
    }
}
