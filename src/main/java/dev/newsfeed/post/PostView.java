package dev.newsfeed.post;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A post as the API and the feeds show it; its JSON is written by {@link PostViewJson}.
 *
 * @param timestampRelative the relative stamp printed beside the clock time ("1h ago"), else null
 * @param labels            labels printed with the headline ("Breaking", "Analysis")
 * @param dateline          the wire dateline that opens the post, as printed ("KYIV, Ukraine —"), else null
 * @param headlinePrinted   false when the page printed no headline and the first sentence stands in for it
 * @param complete          false when the page ended inside the post, so its text is cut short
 * @param revision          1, and one more for each time a re-read page changed the post
 */
@JsonSerialize(using = PostViewJson.class)
public record PostView(
        UUID id,
        String headline,
        String timestampText,
        Instant publishedAt,
        String publishedAtPrecision,
        List<String> authors,
        String location,
        List<String> body,
        List<CaptionView> captions,
        List<TopicRef> topics,
        String source,
        long liveblog,
        String url,
        Instant firstSeenAt,
        Instant updatedAt,
        String timestampRelative,
        List<String> labels,
        String dateline,
        boolean headlinePrinted,
        boolean complete,
        int revision) {

    public record CaptionView(String text, String credit) {
    }

    /** A topic of the post, with the score and evidence (a JSON object, as stored) that decided it. */
    public record TopicRef(String slug, String name, double score,
                           @Schema(type = SchemaType.OBJECT, description = "The terms found and their share of the score")
                           String evidence) {
    }
}
