package dev.newsfeed.ingest;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.topic.TopicService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Start-up: built-in topics written, seeds ingested (a repeat ingests nothing), and, when the topic
 * definitions changed since the posts were classified, a reclassification in the background.
 */
@Singleton
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class);

    private final TopicService topics;
    private final SeedLoader seeds;
    private final NewsfeedConfig config;

    Startup(TopicService topics, SeedLoader seeds, NewsfeedConfig config) {
        this.topics = topics;
        this.seeds = seeds;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        boolean stale = VertxContextSupport.subscribeAndAwait(topics::syncBuiltins);
        if (config.seeds().enabled()) {
            seeds.load();
        }
        if (stale) {
            // Requests are served meanwhile: each batch is its own short transaction.
            VertxContextSupport.subscribe(() -> topics.reclassifyAll().toMulti(),
                    sub -> sub.with(n -> { }, e -> LOG.error("Reclassification failed", e)));
        }
    }
}
