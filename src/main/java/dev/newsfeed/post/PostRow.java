package dev.newsfeed.post;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns rows of {@link PostQueries#SELECT} into posts, reading every column by its name. The names are looked up
 * once per result, not once per value: a lookup scans the column names, for every value of every post otherwise.
 */
final class PostRow {

    private final int id;
    private final int headline;
    private final int timestampText;
    private final int publishedAt;
    private final int precision;
    private final int authors;
    private final int location;
    private final int body;
    private final int captionTexts;
    private final int captionCredits;
    private final int source;
    private final int liveblog;
    private final int pageUrl;
    private final int anchor;
    private final int firstSeenAt;
    private final int updatedAt;
    private final int rank;
    private final int timestampRelative;
    private final int labels;
    private final int dateline;
    private final int headlinePrinted;
    private final int complete;
    private final int revision;

    PostRow(List<String> columns) {
        id = at(columns, "id");
        headline = at(columns, "headline");
        timestampText = at(columns, "timestamp_text");
        publishedAt = at(columns, "published_at");
        precision = at(columns, "published_at_precision");
        authors = at(columns, "authors");
        location = at(columns, "location");
        body = at(columns, "body");
        captionTexts = at(columns, "caption_texts");
        captionCredits = at(columns, "caption_credits");
        source = at(columns, "source");
        liveblog = at(columns, "liveblog_id");
        pageUrl = at(columns, "page_url");
        anchor = at(columns, "anchor");
        firstSeenAt = at(columns, "first_seen_at");
        updatedAt = at(columns, "updated_at");
        rank = columns.indexOf("rank");
        timestampRelative = at(columns, "timestamp_relative");
        labels = at(columns, "labels");
        dateline = at(columns, "dateline");
        headlinePrinted = at(columns, "headline_printed");
        complete = at(columns, "complete");
        revision = at(columns, "revision");
    }

    private static int at(List<String> columns, String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("The post query has no column " + name);
        }
        return i;
    }

    java.util.UUID id(Row r) {
        return r.getUUID(id);
    }

    /** Where the next page starts after this row: its rank (a search) or its time. */
    Cursor cursor(Row r) {
        return rank >= 0 ? new Cursor(null, r.getFloat(rank), r.getUUID(id))
                : new Cursor(instant(r.getOffsetDateTime(publishedAt)), null, r.getUUID(id));
    }

    PostView view(Row r, List<PostView.TopicRef> topics) {
        String page = r.getString(pageUrl);
        String a = r.getString(anchor);
        return new PostView(
                r.getUUID(id),
                r.getString(headline),
                r.getString(timestampText),
                instant(r.getOffsetDateTime(publishedAt)),
                r.getString(precision),
                List.of(r.getArrayOfStrings(authors)),
                r.getString(location),
                List.of(r.getArrayOfStrings(body)),
                captions(r.getArrayOfStrings(captionTexts), r.getArrayOfStrings(captionCredits)),
                topics,
                r.getString(source),
                r.getLong(liveblog),
                page == null ? null : a == null ? page : page + "#" + a,
                instant(r.getOffsetDateTime(firstSeenAt)),
                instant(r.getOffsetDateTime(updatedAt)),
                r.getString(timestampRelative),
                List.of(r.getArrayOfStrings(labels)),
                r.getString(dateline),
                r.getBoolean(headlinePrinted),
                r.getBoolean(complete),
                r.getInteger(revision));
    }

    private static List<PostView.CaptionView> captions(String[] texts, String[] credits) {
        List<PostView.CaptionView> out = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            out.add(new PostView.CaptionView(texts[i], i < credits.length ? credits[i] : null));
        }
        return out;
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
