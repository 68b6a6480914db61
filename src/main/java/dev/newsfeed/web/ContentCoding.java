package dev.newsfeed.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip for kept feeds and pages, done once per render instead of once per response: most feed requests that are
 * not 304s ask for gzip, and compressing a feed costs far more than sending it.
 */
public final class ContentCoding {

    private ContentCoding() {
    }

    /** Whether an Accept-Encoding header admits gzip (RFC 9110 12.5.3): listed, or by "*", and not with q=0. */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean star = null;
        for (String part : acceptEncoding.split(",")) {
            String[] params = part.split(";");
            String coding = params[0].trim().toLowerCase(Locale.ROOT);
            boolean acceptable = quality(params) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return acceptable;
            }
            if (coding.equals("*")) {
                star = acceptable;
            }
        }
        return Boolean.TRUE.equals(star);
    }

    private static double quality(String[] params) {
        for (int i = 1; i < params.length; i++) {
            String p = params[i].trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
