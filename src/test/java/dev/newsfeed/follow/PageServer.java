package dev.newsfeed.follow;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * A web server on loopback that the tests' follows fetch: pages that change when a test says so, with ETag and
 * Last-Modified and 304s, and every misbehaviour a followed site can show. It counts requests per path.
 */
public final class PageServer implements AutoCloseable {

    /** An endless body stops here, so a client that never stops reading still ends the test. */
    private static final long ENDLESS_CAP = 1L << 30;

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, Consumer<HttpServerRequest>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, MultiMap> lastHeaders = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> written = new ConcurrentHashMap<>();

    private PageServer() throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> {
            String path = req.path();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            lastHeaders.put(path, MultiMap.caseInsensitiveMultiMap().addAll(req.headers()));
            Consumer<HttpServerRequest> route = routes.get(path);
            if (route == null) {
                req.response().setStatusCode(404).end("no such page");
            } else {
                route.accept(req);
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public static PageServer start() {
        try {
            return new PageServer();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    public int port() {
        return server.actualPort();
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** The headers of the last request for {@code path}. */
    public MultiMap lastRequest(String path) {
        return lastHeaders.get(path);
    }

    /** Bytes an endless body wrote before its client went away. */
    public long written(String path) {
        AtomicLong n = written.get(path);
        return n == null ? 0 : n.get();
    }

    public void reset() {
        routes.clear();
        hits.clear();
        lastHeaders.clear();
        written.clear();
    }

    /**
     * A page whose current text {@code body} gives: a strong ETag and a Last-Modified from it, 304 to either
     * validator when the text has not changed.
     */
    public void page(String path, Supplier<String> body) {
        routes.put(path, req -> {
            String text = body.get();
            String etag = "\"" + sha(text).substring(0, 16) + "\"";
            String lastModified = "Wed, 01 Jan 2025 " + String.format("%02d:%02d:%02d", Math.floorMod(text.length(),
                    24), Math.floorMod(text.hashCode(), 60), Math.floorMod(text.length() / 7, 60)) + " GMT";
            HttpServerResponse res = req.response().putHeader("ETag", etag).putHeader("Last-Modified", lastModified);
            if (etag.equals(req.getHeader("If-None-Match"))) {
                res.setStatusCode(304).end();
                return;
            }
            res.putHeader("Content-Type", "text/plain; charset=utf-8").end(text);
        });
    }

    /** A page sent with no validators at all: every fetch is a 200. */
    public void plainPage(String path, Supplier<String> body) {
        routes.put(path, req -> req.response().putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(body.get()));
    }

    /** A page sent gzipped, whatever the request accepted (the request's Accept-Encoding is checked apart). */
    public void gzipPage(String path, String body) {
        byte[] gz = gzip(body.getBytes(StandardCharsets.UTF_8));
        routes.put(path, req -> req.response().putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Content-Encoding", "gzip").end(Buffer.buffer(gz)));
    }

    /** A page answered after {@code millis}. */
    public void slowPage(String path, String body, long millis) {
        routes.put(path, req -> vertx.setTimer(millis, id -> req.response()
                .putHeader("Content-Type", "text/plain; charset=utf-8").end(body)));
    }

    public void bytes(String path, String contentType, byte[] body) {
        routes.put(path, req -> req.response().putHeader("Content-Type", contentType).end(Buffer.buffer(body)));
    }

    public void status(String path, int status, Map<String, String> headers) {
        routes.put(path, req -> {
            HttpServerResponse res = req.response().setStatusCode(status);
            headers.forEach(res::putHeader);
            res.end("status " + status);
        });
    }

    public void redirect(String path, int status, String location) {
        status(path, status, Map.of("Location", location));
    }

    /** Never answers: the request waits until the client gives up. */
    public void silent(String path) {
        routes.put(path, req -> { });
    }

    /** A 200 whose body never ends (chunked, up to a gigabyte), written only as fast as the client reads it. */
    public void endless(String path) {
        AtomicLong count = written.computeIfAbsent(path, p -> new AtomicLong());
        Buffer chunk = Buffer.buffer("Breaking news. ".repeat(4096));
        routes.put(path, req -> {
            HttpServerResponse res = req.response().setChunked(true).putHeader("Content-Type", "text/plain");
            Runnable[] pump = new Runnable[1];
            pump[0] = () -> {
                while (!res.closed() && !res.writeQueueFull() && count.get() < ENDLESS_CAP) {
                    res.write(chunk);
                    count.addAndGet(chunk.length());
                }
                if (count.get() >= ENDLESS_CAP && !res.closed()) {
                    res.end();
                } else if (!res.closed()) {
                    res.drainHandler(v -> pump[0].run());
                }
            };
            pump[0].run();
        });
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A seed page, as served by a live blog. */
    public static String seed(String file) {
        try {
            return Files.readString(Path.of("seeds", file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The seed live blog with {@code n} new posts on top, as the page reads after n updates: each post has its own
     * time, headline, byline and text.
     */
    public static String liveBlog(int n) {
        String page = seed("003_224804e4c1447252.txt");
        StringBuilder posts = new StringBuilder();
        for (int i = n; i >= 1; i--) {
            posts.append(String.format("%d:%02d p.m. ET, July 8, 2023%n%n", 6 + i / 60, i % 60))
                    .append("Update number ").append(i).append(" from the followed page on the front line\n\n")
                    .append("From CNN's Test Reporter\n\n")
                    .append("Officials said update ").append(i).append(" brought news of shelling near Kherson, ")
                    .append("where residents sheltered overnight as air raid sirens sounded.\n\n");
        }
        String marker = "Sort byDropdown arrow\n";
        int at = page.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("the seed changed: no '" + marker.trim() + "' line");
        }
        return page.substring(0, at + marker.length()) + posts + page.substring(at + marker.length());
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
