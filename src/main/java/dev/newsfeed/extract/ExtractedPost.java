package dev.newsfeed.extract;

import java.time.Instant;
import java.util.List;

/**
 * One post of a live blog, or the single post of an article.
 *
 * @param headline             the post's headline as printed, labels taken off; for a post printed without one,
 *                             its first sentence (see {@code headlinePrinted}). Never null or empty
 * @param timestampText        the time token as printed ("10:35 a.m. ET, October 4, 2022", "17:20", "12.37 CEST"),
 *                             without "published at" or a colon after it; null when the post prints none
 * @param publishedAt          the UTC instant, or null when nothing fixes it
 * @param publishedAtPrecision how far {@code publishedAt} can be trusted
 * @param authors              person names only: no "By", role, outlet or honorific; empty when none
 * @param location             the first place of the byline ("Reporting from Kyiv" gives "Kyiv"), else the
 *                             dateline's place as printed ("KYIV, Ukraine"), else null
 * @param body                 the paragraphs, dateline and captions excluded
 * @param captions             photo captions found inside the post
 * @param anchor               the page's id for the post (HTML), else null
 * @param timestampRelative    the relative stamp printed beside the clock time ("1h ago" next to "17:20"), else
 *                             null; a relative stamp printed alone is the {@code timestampText}
 * @param labels               labels printed with the headline and kept out of it ("Breaking", "Analysis",
 *                             "Pinned", "Key update"), in page order
 * @param dateline             the wire dateline that opens the body, as printed with its dash or agency
 *                             ("KYIV, Ukraine —", "March 17 (Reuters) -"), else null
 * @param headlinePrinted      false when the page printed no headline and {@code headline} was derived from the
 *                             first sentence
 * @param complete             false when the page (or the stored excerpt of it) ends inside this post, so its
 *                             text is cut short
 */
public record ExtractedPost(
        String headline,
        String timestampText,
        Instant publishedAt,
        Precision publishedAtPrecision,
        List<String> authors,
        String location,
        List<String> body,
        List<Caption> captions,
        String anchor,
        String timestampRelative,
        List<String> labels,
        String dateline,
        boolean headlinePrinted,
        boolean complete) {

    public ExtractedPost {
        authors = List.copyOf(authors);
        body = List.copyOf(body);
        captions = List.copyOf(captions);
        labels = List.copyOf(labels);
    }

    /** This post with another body (the same text cut into paragraphs, or a paragraph split off). */
    ExtractedPost withBody(List<String> newBody) {
        return new ExtractedPost(headline, timestampText, publishedAt, publishedAtPrecision, authors, location, newBody,
                captions, anchor, timestampRelative, labels, dateline, headlinePrinted, complete);
    }

    /** All prose of the post, for search and classification. */
    public String fullText() {
        return headline + "\n" + String.join("\n", body);
    }
}
