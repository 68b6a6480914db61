package dev.newsfeed.feed;

import dev.newsfeed.web.SafeText;
import java.time.Instant;
import java.util.List;

/**
 * A feed independent of its wire format: RSS, Atom and JSON Feed are written from this. Its strings are made
 * XML-legal on construction, as {@link FeedEntry}'s are.
 *
 * @param homeUrl     the page people read what the feed holds on
 * @param selfUrl     this feed's own URL in the format being written
 * @param alternates  the same feed in the other formats, by media type
 * @param archiveUrl  the next older page (RFC 5005 prev-archive / JSON Feed next_url), or null
 */
public record FeedDocument(String id, String title, String description, String homeUrl, String selfUrl,
                           List<Alternate> alternates, String archiveUrl, Instant updated, int ttlMinutes,
                           List<FeedEntry> entries) {

    public FeedDocument {
        id = SafeText.legal(id);
        title = SafeText.legal(title);
        description = SafeText.legal(description);
        homeUrl = SafeText.legal(homeUrl);
        selfUrl = SafeText.legal(selfUrl);
        archiveUrl = SafeText.legal(archiveUrl);
    }

    public record Alternate(String mediaType, String url) {
    }
}
