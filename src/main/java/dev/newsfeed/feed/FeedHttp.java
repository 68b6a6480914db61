package dev.newsfeed.feed;

import dev.newsfeed.config.NewsfeedConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * HTTP caching of a rendered feed, the same for both ways a feed is served (see {@link FeedRoute}): whether a
 * conditional request is answered 304, and the headers every feed response carries.
 */
@Singleton
public class FeedHttp {

    private static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
    private static final CharSequence ACCEPT_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
    private static final CharSequence LAST_MODIFIED = HttpHeaders.createOptimized("Last-Modified");
    private static final CharSequence LINK = HttpHeaders.createOptimized("Link");
    private static final CharSequence CONTENT_ENCODING = HttpHeaders.createOptimized("Content-Encoding");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

    private final CharSequence cacheControlHeader;
    private final Map<FeedFormat, Counter> ok = new EnumMap<>(FeedFormat.class);
    private final Map<FeedFormat, Counter> notModified = new EnumMap<>(FeedFormat.class);

    public FeedHttp(NewsfeedConfig config, MeterRegistry registry) {
        this.cacheControlHeader = HttpHeaders.createOptimized("public, max-age=" + config.feed().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.feed().staleWhileRevalidate().toSeconds());
        // Counters looked up once: a lookup per request costs more than the 304 itself.
        for (FeedFormat f : FeedFormat.values()) {
            ok.put(f, registry.counter("newsfeed.feed.responses", "status", "200", "format", f.extension()));
            notModified.put(f, registry.counter("newsfeed.feed.responses", "status", "304", "format", f.extension()));
        }
    }

    /** True when the request's validators match, counting the response either way. */
    boolean notModified(RenderedFeed r, String ifNoneMatch, String ifModifiedSince) {
        // Either coding's validator names the same content: a reader holding one of them is up to date.
        boolean same = ifNoneMatch != null ? matches(ifNoneMatch, r.etag()) || matches(ifNoneMatch, r.gzipEtag())
                : ifModifiedSince != null && notOlder(ifModifiedSince, r.lastModified());
        (same ? notModified : ok).get(r.format()).increment();
        return same;
    }

    /**
     * The headers of a 200 (ETag, Last-Modified, Cache-Control, Vary and the Link to the other formats) and of a
     * 304, which carries what RFC 9110 asks of it (ETag, Cache-Control, Vary) and leaves representation metadata
     * to the 200. Built once per render, as header strings Vert.x writes without encoding them again. A gzip
     * body's 200 says so, which also keeps Vert.x from compressing it a second time.
     */
    FeedHeaders headers(String etag, Instant lastModified, String alternateLinks, boolean gzip) {
        MultiMap notModified = HttpHeaders.headers()
                .add(ETAG, HttpHeaders.createOptimized(etag))
                .add(CACHE_CONTROL, cacheControlHeader)
                .add(VARY, ACCEPT_ENCODING);
        MultiMap ok = HttpHeaders.headers().addAll(notModified)
                .add(LAST_MODIFIED, HttpHeaders.createOptimized(
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atOffset(ZoneOffset.UTC))))
                .add(LINK, HttpHeaders.createOptimized(alternateLinks));
        if (gzip) {
            ok.add(CONTENT_ENCODING, GZIP);
        }
        return new FeedHeaders(ok, notModified);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean notOlder(String ifModifiedSince, Instant lastModified) {
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !since.isBefore(lastModified.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as RFC 9110 says
        }
    }
}
