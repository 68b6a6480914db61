package dev.newsfeed.follow;

import dev.newsfeed.web.HttpDates;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * Fetches a followed page as a good citizen: a User-Agent naming the service and a contact, conditional GET with
 * the validators kept, gzip, a connect timeout and a total one (the request is reset when it runs out), at most
 * so many redirects, each to an address checked again ({@link AddressGuard}), and a body read up to the ingest
 * limit and no further. Every outcome is a {@link FetchResult}; the Uni never fails.
 *
 * <p>Vert.x's core HTTP client, the one its Web Client is built on, because a fetch must be able to stop reading
 * at a byte count and to reset its request when the total time runs out; the Web Client has connect and idle
 * timeouts only and hides the request it sends.
 */
public class PageFetcher {

    /** Settings of the fetcher, from {@code newsfeed.follow.*} and the ingest body limit. */
    public record Settings(String userAgent, Duration connectTimeout, Duration timeout, int maxRedirects,
                           long maxBodyBytes) {
    }

    private static final String ACCEPT = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.1";
    private static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** An answer other than a 200 is read this far (so its connection can be reused), else the request is reset. */
    private static final long DISCARD_LIMIT = 65536;

    private final Vertx vertx;
    private final AddressGuard guard;
    private final ByteBudget budget;
    private final Settings settings;
    private final HttpClient client;

    public PageFetcher(Vertx vertx, AddressGuard guard, ByteBudget budget, Settings settings) {
        this.vertx = vertx;
        this.guard = guard;
        this.budget = budget;
        this.settings = settings;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setDecompressionSupported(true)
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setVerifyHost(true)
                .setForceSni(true)
                // Connections per host: fetches of one site beyond this wait their turn.
                .setMaxPoolSize(4));
    }

    public void close() {
        client.close();
    }

    /** The page at {@code url}, sent the validators of its last 200 (either may be null). */
    public Uni<FetchResult> fetch(String url, String etag, String lastModified) {
        Uni<FetchResult> work = Uni.createFrom().deferred(() -> hop(FollowUrl.parse(url), 0, etag, lastModified));
        return withDeadline(work).onFailure().recoverWithItem(PageFetcher::failed);
    }

    /** One request, then the next hop if it was a redirect. */
    private Uni<FetchResult> hop(FollowUrl target, int redirects, String etag, String lastModified) {
        return guard.resolve(target.bareHost())
                .flatMap(address -> exchange(target, address, etag, lastModified))
                .flatMap(answer -> {
                    if (!REDIRECTS.contains(answer.status)) {
                        return Uni.createFrom().item(answer.result);
                    }
                    if (answer.location == null) {
                        return Uni.createFrom().item(new FetchResult.Failed(Outcome.HTTP_ERROR, answer.status,
                                "HTTP " + answer.status + " without a Location", null));
                    }
                    if (redirects >= settings.maxRedirects()) {
                        return Uni.createFrom().item(new FetchResult.Failed(Outcome.REDIRECTS, answer.status,
                                "more than " + settings.maxRedirects() + " redirects (the last to "
                                        + clip(answer.location) + ")", null));
                    }
                    FollowUrl next;
                    try {
                        next = FollowUrl.resolve(target, answer.location);
                    } catch (IllegalArgumentException e) {
                        return Uni.createFrom().item(new FetchResult.Failed(Outcome.REFUSED, answer.status,
                                "redirected to " + clip(answer.location) + ": " + e.getMessage(), null));
                    }
                    return hop(next, redirects + 1, etag, lastModified);
                });
    }

    /** What one request gave: a final result, or a redirect to follow. */
    private record Answer(int status, String location, FetchResult result) {
    }

    private Uni<Answer> exchange(FollowUrl target, InetAddress address, String etag, String lastModified) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setServer(SocketAddress.inetSocketAddress(target.port(), address.getHostAddress()))
                .setHost(target.bareHost())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.requestUri())
                .setFollowRedirects(false)
                // No connect timeout here: on a request it also bounds the wait for a pooled connection, and a
                // busy host's queue is no failure of the host's. The TCP connect has the client's; the total
                // timeout bounds the wait.
                .setIdleTimeout(settings.timeout().toMillis())
                .putHeader("User-Agent", settings.userAgent())
                .putHeader("Accept", ACCEPT);
        if (etag != null) {
            options.putHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            options.putHeader("If-Modified-Since", lastModified);
        }
        return Uni.createFrom().emitter(em -> new Exchange(em).start(options));
    }

    /** One request and its answer, ended exactly once: by its answer, a failure, or cancellation (a reset). */
    private final class Exchange {

        private final UniEmitter<? super Answer> emitter;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        private long held;
        private long read;

        Exchange(UniEmitter<? super Answer> emitter) {
            this.emitter = emitter;
            emitter.onTermination(() -> {
                // Cancelled (the total time ran out) or failed: nothing more is read, and the bytes go back.
                if (ended.compareAndSet(false, true)) {
                    abort();
                }
            });
        }

        void start(RequestOptions options) {
            client.request(options)
                    .compose(req -> {
                        request.set(req);
                        if (ended.get()) {
                            req.reset();
                        }
                        return req.send();
                    })
                    .onComplete(ar -> {
                        if (ar.failed()) {
                            fail(ar.cause());
                        } else {
                            receive(ar.result());
                        }
                    });
        }

        private void receive(HttpClientResponse response) {
            // Set first: a response reset before its body is read still reports the reset to a handler.
            response.exceptionHandler(this::fail);
            int status = response.statusCode();
            if (status == 200) {
                String type = mediaType(response.getHeader("Content-Type"));
                if (type != null && !PAGE_TYPES.contains(type)) {
                    end(new FetchResult.Failed(Outcome.UNSUPPORTED, status,
                            "content type " + clip(type) + " is not a page", null), status, null, true);
                    return;
                }
                long declared = length(response.getHeader("Content-Length"));
                if (response.getHeader("Content-Encoding") == null && declared > settings.maxBodyBytes()) {
                    end(tooLarge(status), status, null, true);
                    return;
                }
            }
            Buffer body = status == 200 ? Buffer.buffer() : null;
            long limit = status == 200 ? settings.maxBodyBytes() : DISCARD_LIMIT;
            response.handler(chunk -> {
                if (ended.get()) {
                    return;
                }
                read += chunk.length();
                if (read > limit) {
                    // A page over the limit is not read further; another answer's body was never wanted.
                    end(body != null ? tooLarge(status) : result(response, null), status,
                            response.getHeader("Location"), true);
                    return;
                }
                if (body != null) {
                    if (!budget.tryTake(chunk.length(), held)) {
                        end(new FetchResult.Failed(Outcome.DEFERRED, status,
                                "bodies of other fetches fill this replica's memory budget", null), status, null, true);
                        return;
                    }
                    held += chunk.length();
                    body.appendBuffer(chunk);
                }
            });
            response.endHandler(v -> end(result(response, body), status, response.getHeader("Location"), false));
        }

        private FetchResult result(HttpClientResponse response, Buffer body) {
            int status = response.statusCode();
            String etag = response.getHeader("ETag");
            String lastModified = response.getHeader("Last-Modified");
            if (status == 200) {
                String contentType = response.getHeader("Content-Type");
                String type = mediaType(contentType);
                return new FetchResult.Page(body, type == null ? "text/plain" : type, contentType, etag,
                        lastModified, held);
            }
            if (status == 304) {
                return new FetchResult.NotModified(etag, lastModified);
            }
            if (status == 429 || status == 503) {
                Duration retryAfter = retryAfter(response.getHeader("Retry-After"), Instant.now());
                return new FetchResult.Failed(Outcome.RATE_LIMITED, status, "HTTP " + status
                        + (retryAfter == null ? "" : ", Retry-After " + retryAfter.toSeconds() + " s"), retryAfter);
            }
            return new FetchResult.Failed(Outcome.HTTP_ERROR, status, "HTTP " + status
                    + (response.statusMessage() == null ? "" : " " + clip(response.statusMessage())), null);
        }

        private FetchResult tooLarge(int status) {
            return new FetchResult.Failed(Outcome.TOO_LARGE, status,
                    "the page is larger than the " + settings.maxBodyBytes() + "-byte limit", null);
        }

        private void end(FetchResult result, int status, String location, boolean reset) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            if (reset) {
                abort();
            }
            // A page keeps its bytes until it is ingested; any other result gives them back now.
            if (!(result instanceof FetchResult.Page) && !reset) {
                budget.release(held);
            }
            emitter.complete(new Answer(status, location, result));
        }

        private void fail(Throwable failure) {
            if (ended.compareAndSet(false, true)) {
                abort();
                emitter.fail(failure);
            }
        }

        private void abort() {
            HttpClientRequest req = request.get();
            if (req != null) {
                req.reset();
            }
            budget.release(held);
            held = 0;
        }
    }

    /** The total time: when it runs out, the request under way is cancelled (and so reset). */
    private Uni<FetchResult> withDeadline(Uni<FetchResult> work) {
        long millis = settings.timeout().toMillis();
        return Uni.createFrom().emitter(em -> {
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Cancellable> running = new AtomicReference<>();
            long timer = vertx.setTimer(millis, id -> {
                if (done.compareAndSet(false, true)) {
                    Cancellable c = running.get();
                    if (c != null) {
                        c.cancel();
                    }
                    em.complete(FetchResult.Failed.of(Outcome.TIMEOUT,
                            "no complete answer within " + settings.timeout().toSeconds() + " s"));
                }
            });
            running.set(work.subscribe().with(
                    r -> {
                        if (done.compareAndSet(false, true)) {
                            vertx.cancelTimer(timer);
                            em.complete(r);
                        }
                    },
                    e -> {
                        if (done.compareAndSet(false, true)) {
                            vertx.cancelTimer(timer);
                            em.complete(failed(e));
                        }
                    }));
            em.onTermination(() -> {
                if (done.compareAndSet(false, true)) {
                    vertx.cancelTimer(timer);
                    running.get().cancel();
                }
            });
        });
    }

    /** A failure in words a follow's last error shows. */
    static FetchResult failed(Throwable e) {
        if (e instanceof AddressGuard.Refused) {
            return FetchResult.Failed.of(Outcome.REFUSED, e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return FetchResult.Failed.of(Outcome.REFUSED, e.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return FetchResult.Failed.of(Outcome.NETWORK, "the host cannot be resolved: " + clip(t.getMessage()));
            }
            if (t instanceof ConnectException) {
                return FetchResult.Failed.of(Outcome.NETWORK, "cannot connect: " + clip(t.getMessage()));
            }
            if (t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.netty.channel.ConnectTimeoutException
                    || t.getClass().getName().endsWith("TimeoutException")) {
                return FetchResult.Failed.of(Outcome.TIMEOUT, "timed out: " + clip(t.getMessage()));
            }
            if (t instanceof SSLException) {
                return FetchResult.Failed.of(Outcome.NETWORK, "TLS failed: " + clip(t.getMessage()));
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return FetchResult.Failed.of(Outcome.NETWORK, clip(message));
    }

    /** The media type of a Content-Type, in lower case, or null. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit) && v.length() <= 10) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        Instant at = HttpDates.parse(v);
        return at == null ? null : Duration.between(now, at).isNegative() ? Duration.ZERO : Duration.between(now, at);
    }

    private static long length(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        String printable = s.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() > 200 ? printable.substring(0, 200) + "…" : printable;
    }
}
