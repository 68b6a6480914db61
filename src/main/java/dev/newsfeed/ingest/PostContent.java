package dev.newsfeed.ingest;

import dev.newsfeed.extract.Caption;
import dev.newsfeed.extract.ExtractedPost;
import dev.newsfeed.extract.Precision;
import dev.newsfeed.hash.Sha256;
import dev.newsfeed.web.SafeText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A post as it is stored: the extractor's reading, cleaned at the door of what no feed or page can carry
 * (characters XML forbids; an anchor that is not a URL fragment), with the hash of what a reader sees.
 */
record PostContent(String headline, String timestampText, Instant publishedAt, Precision precision,
                   String[] authors, String location, String[] body, String bodyText, String[] captionTexts,
                   String[] captionCredits, String anchor, String timestampRelative, String[] labels,
                   String dateline, boolean headlinePrinted, boolean complete, String hash) {

    /** Longest anchor kept: ids longer than this are not anchors a page would link to. */
    private static final int MAX_ANCHOR = 200;

    static PostContent of(ExtractedPost p) {
        String[] body = clean(p.body());
        String[] captions = p.captions().stream().map(c -> SafeText.legal(c.text())).toArray(String[]::new);
        String[] credits = p.captions().stream().map(Caption::credit).map(SafeText::legal).toArray(String[]::new);
        StringBuilder text = new StringBuilder(String.join("\n", body));
        for (String c : captions) {
            text.append('\n').append(c);
        }
        String headline = SafeText.legal(p.headline());
        String stamp = SafeText.legal(p.timestampText());
        String[] authors = clean(p.authors());
        String location = SafeText.legal(p.location());
        String[] labels = clean(p.labels());
        String dateline = SafeText.legal(p.dateline());
        return new PostContent(headline, stamp, p.publishedAt(), p.publishedAtPrecision(), authors, location, body,
                text.toString(), captions, credits, anchor(p.anchor()), SafeText.legal(p.timestampRelative()), labels,
                dateline, p.headlinePrinted(), p.complete(),
                hash(headline, p.publishedAtPrecision() == Precision.RELATIVE ? null : stamp, authors, location, body,
                        captions, credits, labels, dateline));
    }

    /**
     * This content, but with the stored time when both readings are relative ("2h ago", then "3h ago" an hour
     * later): a relative time only gets vaguer as the page ages, the first reading was the closest.
     */
    PostContent keepingTime(StoredPost stored) {
        if (precision != Precision.RELATIVE || stored.precision() != Precision.RELATIVE || stored.publishedAt() == null) {
            return this;
        }
        return new PostContent(headline, stored.timestampText(), stored.publishedAt(), precision, authors, location,
                body, bodyText, captionTexts, captionCredits, anchor, timestampRelative, labels, dateline,
                headlinePrinted, complete, hash);
    }

    /**
     * What a reader sees of the post; a change here is a new revision. A relative time is left out: it changes
     * at every fetch while the post does not.
     */
    private static String hash(String headline, String stamp, String[] authors, String location, String[] body,
                               String[] captions, String[] credits, String[] labels, String dateline) {
        StringBuilder b = new StringBuilder();
        b.append(headline).append('\u0000').append(stamp).append('\u0000').append(String.join("\u0001", authors))
                .append('\u0000').append(location).append('\u0000').append(String.join("\u0001", labels))
                .append('\u0000').append(dateline).append('\u0000');
        for (String p : body) {
            b.append(p).append('\u0001');
        }
        for (int i = 0; i < captions.length; i++) {
            b.append(captions[i]).append('\u0002').append(credits[i]).append('\u0001');
        }
        return Sha256.hex(b.toString());
    }

    private static String[] clean(List<String> values) {
        return values.stream().map(SafeText::legal).toArray(String[]::new);
    }

    /**
     * A page's element id as a URL fragment: characters a fragment may hold (RFC 3986 3.5) are kept, others are
     * percent-encoded, controls dropped. An id of nothing but controls is no anchor.
     */
    static String anchor(String id) {
        if (id == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(id.length());
        id.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F || Character.isWhitespace(c)) {
                return;
            }
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0)) {
                b.append((char) c);
            } else {
                for (byte x : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
                }
            }
        });
        return b.isEmpty() || b.length() > MAX_ANCHOR ? null : b.toString();
    }
}
