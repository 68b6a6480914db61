package dev.newsfeed.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every Newsfeed setting; each can be given as an env var (NEWSFEED_INGEST_TOKEN, ...). README lists them. */
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

    Preview preview();

    Seeds seeds();

    Api api();

    Feed feed();

    AccessLog accessLog();

    Follow follow();

    Site site();

    interface Ingest {
        /** Bearer token for every write under /api/ but previews. Unset: those endpoints answer 401. */
        Optional<String> token();

        /** Largest accepted document, in bytes; also the HTTP body limit. */
        @WithDefault("10485760")
        long maxBodyBytes();

        /** Ingests admitted at once; more are answered 503 with Retry-After. */
        @WithDefault("16")
        int maxConcurrent();

        /** Bytes of ingest bodies held at once (one ingest is admitted whatever its size when none runs). */
        @WithDefault("67108864")
        long maxBytesInFlight();
    }

    interface Preview {
        /** Previews (POST /api/extract) extracted at once; more are answered 503 with Retry-After. */
        @WithDefault("2")
        int maxConcurrent();

        /** Bytes of preview bodies held at once (one preview is admitted whatever its size when none runs). */
        @WithDefault("16777216")
        long maxBytesInFlight();
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

        /** Bytes of search result pages kept until posts change; 0 keeps none. */
        @WithDefault("16777216")
        long searchCacheBytes();
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

        /** Bytes of rendered first pages of feeds (and site pages) kept until posts change; 0 keeps none. */
        @WithDefault("67108864")
        long cacheBytes();

        /** How long a kept feed is still served when it cannot be rendered again (the database is away). */
        @WithDefault("1h")
        Duration keepStale();

        /** Feeds rendered at once that are not kept (archive pages, search feeds); more get 503 with Retry-After. */
        @WithDefault("2")
        int maxConcurrentRenders();
    }

    interface AccessLog {
        /** One line per answered request on standard output. */
        @WithDefault("true")
        boolean enabled();

        /** Lines waiting to be written beyond this are dropped and counted, rather than held in memory. */
        @WithDefault("10000")
        int maxWaitingLines();
    }

    /** Live blogs followed by URL: fetched by the service itself (package follow). README, "Following". */
    interface Follow {
        /** This replica claims due follows and fetches them; false leaves fetching to the other replicas. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Fetch from loopback and private addresses (10/8, 172.16/12, 192.168/16, fc00::/7, 127/8, ::1): for tests and
         * closed networks. Link-local, multicast, unspecified and cloud-metadata addresses stay refused.
         */
        @WithDefault("false")
        boolean allowPrivate();

        /** The product part of the User-Agent; the contact URL follows it in parentheses. */
        @WithDefault("Newsfeed/1.0")
        String userAgent();

        /** Where a site's operator learns who is fetching and how to reach them; unset, the public base URL. */
        Optional<String> contactUrl();

        /** Shortest time between two fetches of a page, however often it changes. */
        @WithDefault("2m")
        Duration minInterval();

        /** Longest time between two fetches of a page that has stopped changing. */
        @WithDefault("6h")
        Duration maxInterval();

        /** Time to open a connection (and to wait for one from the client's pool). */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Time a whole fetch may take, redirects and body included; the request is reset after it. */
        @WithDefault("30s")
        Duration timeout();

        /** Redirects followed per fetch, each to an address checked again. */
        @WithDefault("5")
        int maxRedirects();

        /** Longest wait after failures (exponential backoff with jitter, and a server's Retry-After). */
        @WithDefault("6h")
        Duration backoffCap();

        /** How long a claimed fetch belongs to the replica that claimed it; longer than timeout plus an ingest. */
        @WithDefault("5m")
        Duration lease();

        /** Fetches under way at once on this replica. */
        @WithDefault("16")
        int maxConcurrent();

        /** Bytes of fetched bodies held at once on this replica (one body is always admitted when none is held). */
        @WithDefault("33554432")
        long maxBytesInFlight();

        /** How often this replica looks for due follows (and refreshes the follow gauges). */
        @WithDefault("5s")
        Duration pollInterval();

        /** A follow due for longer than this is overdue (gauge and readiness data). */
        @WithDefault("1m")
        Duration overdueAfter();
    }

    interface Site {
        /** Posts on a page of a topic, source, live blog or search. */
        @WithDefault("20")
        int pageSize();

        /** Live blogs listed on the home page, newest first (the OPML and /api/liveblogs list them all). */
        @WithDefault("50")
        int homeLiveblogs();

        /** Bytes of rendered pages kept until posts change (first pages and posts); 0 keeps none. */
        @WithDefault("33554432")
        long cacheBytes();

        /** Pages rendered at once that are not kept (older pages, searches); more get 503 with Retry-After. */
        @WithDefault("4")
        int maxConcurrentRenders();
    }
}
