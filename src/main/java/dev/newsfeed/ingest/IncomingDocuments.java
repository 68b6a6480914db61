package dev.newsfeed.ingest;

import dev.newsfeed.web.Params;
import dev.newsfeed.web.ProblemException;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A request's body and parameters checked and turned into a document, or a 4xx saying what is wrong. */
final class IncomingDocuments {

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MAX_URL = 2048;

    private final long maxBodyBytes;

    IncomingDocuments(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The document a request carries, read in the charset it declares ({@link DocumentCharset}). */
    IncomingDocument of(byte[] body, String contentType, String source, String url, String retrievedAt) {
        if (body == null || body.length == 0) {
            throw new ProblemException(422, "Unprocessable document", "The document is empty.");
        }
        if (body.length > maxBodyBytes) {
            throw new ProblemException(413, "Document too large", "The document has " + body.length
                    + " bytes; the limit is " + maxBodyBytes + ".");
        }
        String type = contentType == null ? MediaType.TEXT_PLAIN : contentType.split(";")[0].trim();
        String slug = source(source);
        String page = url(url);
        java.time.Instant retrieved = Params.instant("retrievedAt", retrievedAt);
        return new IncomingDocument(DocumentCharset.decode(body, contentType), type, slug, page, retrieved);
    }

    /** An outlet's slug: lower-case letters, digits and dashes. */
    static String source(String value) {
        String s = Params.text("source", value);
        if (s == null) {
            return null;
        }
        s = s.toLowerCase(Locale.ROOT);
        if (!SOURCE.matcher(s).matches()) {
            throw ProblemException.badRequest("'source' must be a slug of letters, digits and dashes (up to 40), such as "
                    + "'cnn'; got '" + Params.printable(value) + "'.");
        }
        return s;
    }

    /** An absolute http(s) URL with a host, nothing a link could not carry. */
    static String url(String value) {
        String u = Params.text("url", value);
        if (u == null) {
            return null;
        }
        String problem = "'url' must be an absolute http(s) URL; got '" + Params.printable(value) + "'.";
        if (u.length() > MAX_URL || !u.chars().allMatch(c -> c > 0x20 && c < 0x7F || c > 0xA0)) {
            throw ProblemException.badRequest(problem);
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw ProblemException.badRequest(problem);
            }
            return u;
        } catch (URISyntaxException e) {
            throw ProblemException.badRequest(problem);
        }
    }
}
