package dev.newsfeed.cache;

import dev.newsfeed.config.NewsfeedConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Listens on the primary for changes announced by other replicas (or made by hand), so a feed or search page
 * kept here is dropped when another replica ingests. While the connection is down nothing is heard: on every
 * (re)subscription what is kept is dropped, as changes may have been missed.
 */
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);

    private final Changes changes;
    private final PgSubscriber subscriber;

    ChangeListener(Changes changes, Vertx vertx,
                   @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                   @ConfigProperty(name = "quarkus.datasource.username") String user,
                   @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                   NewsfeedConfig config) {
        String replica = config.replica();
        this.changes = changes;
        // Named, its connection's meters read change_listener_* on /q/metrics instead of m__*.
        PgConnectOptions options = PgConnectOptions.fromUri(url).setUser(user).setPassword(password.orElse(""))
                .setMetricsName("change-listener");
        // Reconnect for ever, a second apart: a replica that stops hearing keeps serving what it last knew.
        this.subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(Changes.CHANNEL)
                // This replica's own writes were acted on when they committed.
                .handler(writer -> {
                    if (!replica.equals(writer)) {
                        changes.changed();
                    }
                })
                .subscribeHandler(changes::changed);
    }

    void start(@Observes StartupEvent e) {
        connect().subscribe().with(x -> LOG.info("Listening for changes made by other replicas"), f -> { });
    }

    private Uni<Void> connect() {
        return subscriber.connect()
                .onFailure().invoke(f -> LOG.warnf("Cannot listen for changes yet (%s); retrying", f.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely();
    }

    void stop(@Observes ShutdownEvent e) {
        subscriber.closeAndForget();
    }
}
