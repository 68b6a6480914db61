package dev.newsfeed.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text of a document's bytes, in the charset they are in: the one its Content-Type names, else the one a byte-order
 * mark shows, else (for HTML) the page's own {@code <meta charset>}, else UTF-8. Many pages are served as a bare
 * {@code text/html} and say their charset only in the markup, as browsers expect; reading them as UTF-8 would
 * turn every accented letter into a replacement character.
 */
public final class DocumentCharset {

    /** How far a browser's prescan looks for the meta declaration (HTML, "prescan a byte stream"). */
    private static final int PRESCAN_BYTES = 1024;
    private static final Pattern META = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);

    private DocumentCharset() {
    }

    /** The body as text; {@code contentType} is the full header value (type and parameters), or null. */
    public static String decode(byte[] body, String contentType) {
        Optional<Charset> declared = fromContentType(contentType);
        if (declared.isPresent()) {
            return new String(body, declared.get());
        }
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        Charset charset = isHtml(contentType) ? fromMeta(body).orElse(StandardCharsets.UTF_8) : StandardCharsets.UTF_8;
        return new String(body, charset);
    }

    /** The charset parameter of a Content-Type, when it names one Java knows. */
    static Optional<Charset> fromContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return known(p.substring(8).replace("\"", "").trim());
            }
        }
        return Optional.empty();
    }

    static Optional<Charset> fromMeta(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(head);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        // A page that reached us as bytes an ASCII-compatible prescan could read is not UTF-16, whatever it says
        // (HTML treats that declaration as UTF-8).
        if (name.startsWith("utf-16")) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        return known(name);
    }

    private static Optional<Charset> known(String name) {
        try {
            // Browsers read a declared latin-1 as windows-1252, which differs only where latin-1 has control codes.
            String n = name.equalsIgnoreCase("iso-8859-1") || name.equalsIgnoreCase("latin1")
                    || name.equalsIgnoreCase("us-ascii") ? "windows-1252" : name;
            return Charset.isSupported(n) ? Optional.of(Charset.forName(n)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
