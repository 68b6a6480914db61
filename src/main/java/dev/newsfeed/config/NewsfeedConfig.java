package dev.newsfeed.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every Newsfeed setting; each can be given as an env var (NEWSFEED_INGEST_TOKEN, ...). */
@ConfigMapping(prefix = "newsfeed")
public interface NewsfeedConfig {

    /** Absolute base URL used in feeds, Link headers and OPML. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /**
     * This process's name among the replicas, carried by its database sessions. Defaults to "newsfeed-", the
     * host name and a random suffix ({@link ReplicaName}); two replicas must never share one.
     */
    String replica();

    Ingest ingest();

    Seeds seeds();

    Api api();

    Feed feed();

    AccessLog accessLog();

    interface Ingest {
        /** Bearer token for POST /api/documents and topic changes. Unset: those endpoints answer 401. */
        Optional<String> token();

        /** Largest accepted document, in bytes. */
        @WithDefault("10485760")
        long maxBodyBytes();
    }

    interface Seeds {
        /** Ingest the seed folder on start-up. */
        @WithDefault("true")
        boolean enabled();

        /** Folder with the seed documents and manifest.json. */
        @WithDefault("seeds")
        String dir();
    }

    interface Api {
        @WithDefault("20")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();

        /** Search result pages kept until posts change (about 50 KB each); 0 keeps none. */
        @WithDefault("200")
        int searchCacheEntries();
    }

    interface Feed {
        /** Entries per feed. */
        @WithDefault("50")
        int maxEntries();

        /** Freshness promised to readers and caches; also the RSS ttl. */
        @WithDefault("60s")
        Duration maxAge();

        @WithDefault("300s")
        Duration staleWhileRevalidate();
    }

    interface AccessLog {
        /** One line per answered request on standard output. */
        @WithDefault("true")
        boolean enabled();

        /** Lines waiting to be written beyond this are dropped and counted, rather than held in memory. */
        @WithDefault("10000")
        int maxWaitingLines();
    }
}
