package dev.newsfeed.web;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpHeaders;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A response body kept to be answered many times (a rendered feed or page), in both codings, each with its own
 * strong ETag: a gzip body is another representation (RFC 9110 8.8.3), so it cannot share the identity one.
 * Gzip is done once here rather than per response. The headers of a 200 and of a 304 are built once too, as
 * header strings Vert.x writes without encoding them again.
 */
public final class Representation {

    private static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
    private static final CharSequence ACCEPT_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
    private static final CharSequence LAST_MODIFIED = HttpHeaders.createOptimized("Last-Modified");
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence CONTENT_ENCODING = HttpHeaders.createOptimized("Content-Encoding");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    /** Tells Vert.x not to compress the body on the fly: under our ETag it must go out as it is. */
    private static final CharSequence IDENTITY = HttpHeaders.createOptimized("identity");

    private final byte[] identity;
    private final byte[] gzip;
    private final String etag;
    private final String gzipEtag;
    private final Instant lastModified;
    private final MultiMap okIdentity;
    private final MultiMap okGzip;
    private final MultiMap notModifiedIdentity;
    private final MultiMap notModifiedGzip;

    /**
     * @param cacheControl the Cache-Control of every answer
     * @param headers      more headers of a 200 (a Link to other formats, a Content-Security-Policy)
     */
    public Representation(byte[] bytes, String mediaType, Instant lastModified, CharSequence cacheControl,
                          Map<String, String> headers) {
        this.identity = bytes;
        this.gzip = ContentCoding.gzip(bytes);
        this.etag = "\"" + dev.newsfeed.hash.Sha256.hex(bytes).substring(0, 32) + "\"";
        this.gzipEtag = etag.substring(0, etag.length() - 1) + "-gzip\"";
        this.lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        // A 304 carries what RFC 9110 15.4.5 asks (ETag, Cache-Control, Vary); representation metadata only the 200.
        this.notModifiedIdentity = validators(etag, cacheControl);
        this.notModifiedGzip = validators(gzipEtag, cacheControl);
        CharSequence type = HttpHeaders.createOptimized(mediaType);
        CharSequence modified = HttpHeaders.createOptimized(HttpDates.format(this.lastModified));
        this.okIdentity = ok(notModifiedIdentity, type, modified, headers).add(CONTENT_ENCODING, IDENTITY);
        this.okGzip = ok(notModifiedGzip, type, modified, headers).add(CONTENT_ENCODING, GZIP);
    }

    private static MultiMap validators(String etag, CharSequence cacheControl) {
        return HttpHeaders.headers()
                .add(ETAG, HttpHeaders.createOptimized(etag))
                .add(CACHE_CONTROL, cacheControl)
                .add(VARY, ACCEPT_ENCODING);
    }

    private static MultiMap ok(MultiMap validators, CharSequence type, CharSequence modified,
                               Map<String, String> headers) {
        MultiMap ok = HttpHeaders.headers().addAll(validators).add(CONTENT_TYPE, type).add(LAST_MODIFIED, modified);
        headers.forEach((k, v) -> ok.add(HttpHeaders.createOptimized(k), HttpHeaders.createOptimized(v)));
        return ok;
    }

    /**
     * True when the request's validators say the client holds this content: either coding's ETag names it
     * (If-None-Match wins when present, as RFC 9110 13.2.2 says), or it is not newer than If-Modified-Since.
     */
    public boolean notModified(String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String c = candidate.trim();
                if (c.startsWith("W/")) {
                    c = c.substring(2);
                }
                if (c.equals("*") || c.equals(etag) || c.equals(gzipEtag)) {
                    return true;
                }
            }
            return false;
        }
        Instant since = HttpDates.parse(ifModifiedSince);
        return since != null && !since.isBefore(lastModified);
    }

    /** Answers {@code request}: a 304 when the client holds this content, else a 200 in a coding it accepts. */
    public boolean answer(HttpServerRequest request, HttpServerResponse response) {
        boolean gzip = ContentCoding.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        boolean notModified = notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE));
        if (notModified) {
            response.headers().addAll(notModifiedHeaders(gzip));
            response.setStatusCode(304).end();
        } else {
            response.headers().addAll(okHeaders(gzip));
            response.end(Buffer.buffer(body(gzip)));
        }
        return notModified;
    }

    public byte[] body(boolean gzip) {
        return gzip ? this.gzip : identity;
    }

    public MultiMap okHeaders(boolean gzip) {
        return gzip ? okGzip : okIdentity;
    }

    public MultiMap notModifiedHeaders(boolean gzip) {
        return gzip ? notModifiedGzip : notModifiedIdentity;
    }

    public String etag() {
        return etag;
    }

    public String gzipEtag() {
        return gzipEtag;
    }

    public Instant lastModified() {
        return lastModified;
    }

    /** Bytes this representation holds, for a cache's budget: both bodies and about a kilobyte of headers. */
    public int weight() {
        return identity.length + gzip.length + 1024;
    }
}
