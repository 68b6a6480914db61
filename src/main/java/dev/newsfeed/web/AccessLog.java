package dev.newsfeed.web;

import dev.newsfeed.config.NewsfeedConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One line per answered request (method, URI, status, duration, bytes) on standard output: JSON when the
 * console logs JSON (the prod profile), plain text otherwise. The route runs first for every request, including
 * feeds answered before the REST layer.
 */
@Singleton
public class AccessLog {

    private final AccessLogWriter writer;

    AccessLog(NewsfeedConfig config, @ConfigProperty(name = "quarkus.log.console.json.enabled") boolean json) {
        NewsfeedConfig.AccessLog settings = config.accessLog();
        this.writer = settings.enabled()
                ? new AccessLogWriter(new FileOutputStream(FileDescriptor.out), json, hostName(),
                        settings.maxWaitingLines(), Duration.ofMillis(20))
                : null;
    }

    void register(@Observes Router router) {
        if (writer != null) {
            router.route().order(Integer.MIN_VALUE).handler(this::record);
        }
    }

    private void record(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addBodyEndHandler(v -> {
            HttpServerRequest request = ctx.request();
            writer.offer(new AccessLine(System.currentTimeMillis(), request.method().name(), request.uri(),
                    version(request), ctx.response().getStatusCode(), System.nanoTime() - start,
                    ctx.response().bytesWritten()));
        });
        ctx.next();
    }

    private static String version(HttpServerRequest request) {
        return switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2 -> "HTTP/2";
        };
    }

    /** The pod's name under Kubernetes (HOSTNAME), else asked of the system once. */
    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /** After graceful shutdown let in-flight requests finish, so their lines are written too. */
    void stop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent e) {
        if (writer != null) {
            writer.close();
        }
    }
}
