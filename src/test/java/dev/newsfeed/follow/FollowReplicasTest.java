package dev.newsfeed.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.ingest.IngestService;
import dev.newsfeed.testing.TestSchema;
import dev.newsfeed.web.Bulkhead;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several replicas on one database. A replica here is what makes one: its own connections to PostgreSQL (under
 * its own application_name), its own claims, HTTP client and scheduler, built from the same classes the service
 * wires for itself; the service under test is the other replica. They share the JVM, the ingest pipeline and the
 * database, which is what replicas share through the database anyway.
 */
@QuarkusTest
@TestProfile(FollowTestProfile.class)
class FollowReplicasTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    @Inject
    Vertx vertx;
    @Inject
    IngestService ingest;
    @Inject
    FollowMetrics metrics;
    @Inject
    FollowSchedule schedule;
    @Inject
    NewsfeedConfig config;

    private final List<Pool> pools = new ArrayList<>();
    private PageServer server;

    @BeforeEach
    void start() {
        sql("truncate follow");
        server = PageServer.start();
    }

    @AfterEach
    void stop() {
        sql("truncate follow");
        pools.forEach(p -> p.close().await().indefinitely());
        pools.clear();
        server.close();
    }

    @Test
    void aDueFollowIsClaimedByOneReplicaUntilItsLeaseRunsOut() {
        sql("insert into follow (url, next_fetch_at, interval_seconds) select 'http://127.0.0.1:1/lease/' || i, "
                + "now() + interval '1 hour', 120 from generate_series(1, 5) i");
        // Due in an hour, so the service's own scheduler leaves them alone; these claimers look two hours ahead.
        Instant later = Instant.now().plus(Duration.ofHours(2));
        FollowClaims a = new FollowClaims(pool("replica-a"), "replica-a", LEASE);
        FollowClaims b = new FollowClaims(pool("replica-b"), "replica-b", LEASE);

        List<ClaimedFollow> first = a.claimDue(later, 10).await().indefinitely();
        assertEquals(5, first.size());
        assertEquals(0, b.claimDue(later, 10).await().indefinitely().size(), "leased to replica-a");
        assertNull(b.claim(first.get(0).id(), later).await().indefinitely(), "nor can it be fetched now");

        // replica-a died: once its leases run out, replica-b takes the follows over.
        Instant afterLease = later.plus(LEASE).plusSeconds(1);
        List<ClaimedFollow> taken = b.claimDue(afterLease, 10).await().indefinitely();
        assertEquals(5, taken.size());
        assertNotEquals(first.get(0).claimToken(), taken.get(0).claimToken());
        // replica-a comes back and records its fetch: ignored, the follow is replica-b's.
        FollowClaims.Record r = new FollowClaims.Record(afterLease.plusSeconds(120), 120, null, null, null, null,
                afterLease, 304, Outcome.NOT_MODIFIED, 5, 0, 0, null, null, 0);
        assertFalse(a.record(first.get(0), r).await().indefinitely());
        ClaimedFollow same = taken.stream().filter(t -> t.id() == first.get(0).id()).findFirst().orElseThrow();
        assertTrue(b.record(same, r).await().indefinitely());
        assertEquals("replica-b", queryString("select last_fetched_by from follow where id = " + same.id()));
    }

    @Test
    void claimsRacingFromTwoReplicasNeverShareAFollow() {
        sql("insert into follow (url, next_fetch_at, interval_seconds) select 'http://127.0.0.1:1/race/' || i, "
                + "now() + interval '1 hour', 120 from generate_series(1, 60) i");
        Instant later = Instant.now().plus(Duration.ofHours(2));
        FollowClaims a = new FollowClaims(pool("replica-a"), "replica-a", LEASE);
        FollowClaims b = new FollowClaims(pool("replica-b"), "replica-b", LEASE);
        List<Uni<List<ClaimedFollow>>> claims = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            claims.add((i % 2 == 0 ? a : b).claimDue(later, 3));
        }
        List<Long> ids = new ArrayList<>();
        Uni.join().all(claims).andFailFast().await().indefinitely()
                .forEach(batch -> batch.forEach(c -> ids.add(c.id())));
        assertEquals(60, ids.size(), "every due follow claimed");
        assertEquals(60, new HashSet<>(ids).size(), "none twice");
    }

    @Test
    void twoReplicasOnOneDatabaseFetchEachDueFollowOnce() throws Exception {
        int pages = 30;
        for (int i = 0; i < pages; i++) {
            // Slow enough that both replicas are fetching at once; each page its own (ingest keeps a document once).
            server.slowPage("/p" + i, PageServer.liveBlog(i), 100);
        }
        StringBuilder insert = new StringBuilder("insert into follow (url, next_fetch_at, interval_seconds) values ");
        for (int i = 0; i < pages; i++) {
            insert.append(i == 0 ? "" : ", ").append("('").append(server.url("/p" + i))
                    .append("', now() + interval '2 seconds', 120)");
        }
        sql(insert.toString());
        // The pages' outlet exists already: ingest's first write of a new source is not safe against a parallel
        // one (reported), and that is not what this test is about.
        sql("insert into source (slug, name) values ('cnn', 'CNN') on conflict do nothing");

        FollowScheduler other = replica("replica-b");
        other.start();
        try {
            Instant end = Instant.now().plusSeconds(30);
            while (queryLong("select count(*) from follow where fetch_count = 0") > 0 && Instant.now().isBefore(end)) {
                Thread.sleep(100);
            }
            assertEquals(0, queryLong("select count(*) from follow where fetch_count = 0"), "all fetched in 30 s");
            // Time for a second fetch of any page to arrive, had one been claimed twice.
            Thread.sleep(1500);
        } finally {
            other.stop();
        }
        Map<String, Integer> hits = new HashMap<>();
        for (int i = 0; i < pages; i++) {
            hits.put("/p" + i, server.hits("/p" + i));
        }
        assertEquals(Set.of(1), new HashSet<>(hits.values()), "each page requested once: " + hits + "\n"
                + queryString("select string_agg(url || ' ' || fetch_count || ' ' || coalesce(last_outcome, '-') || ' '"
                + " || coalesce(last_error, '-'), E'\\n') from follow"));
        assertEquals(pages, queryLong("select sum(fetch_count) from follow"));
        long byOther = queryLong("select count(*) from follow where last_fetched_by = 'replica-b'");
        long byService = queryLong("select count(*) from follow where last_fetched_by = '" + config.replica() + "'");
        assertEquals(pages, byOther + byService);
        assertTrue(byOther > 0 && byService > 0, "both replicas fetched: " + byOther + " and " + byService);
    }

    /** A second replica: its own pool, claims, HTTP client and scheduler, polling every 100 ms. */
    private FollowScheduler replica(String name) {
        Pool pool = pool(name);
        FollowClaims claims = new FollowClaims(pool, name, LEASE);
        ByteBudget budget = new ByteBudget(config.follow().maxBytesInFlight());
        PageFetcher fetcher = new PageFetcher(vertx.getDelegate(), new AddressGuard(vertx, new AddressPolicy(true)),
                budget, FollowBeans.settings(config));
        FollowRunner runner = new FollowRunner(fetcher, ingest, claims, schedule, budget, metrics, vertx,
                Duration.ofSeconds(5));
        int slots = config.follow().maxConcurrent();
        return new FollowScheduler(vertx.getDelegate(), claims, runner, new Bulkhead("fetches", slots, Long.MAX_VALUE),
                slots, Duration.ofMillis(100), () -> { });
    }

    private Pool pool(String applicationName) {
        PgConnectOptions connect = new PgConnectOptions().setHost("127.0.0.1").setPort(5432).setDatabase("postgres")
                .setUser("postgres").setProperties(Map.of("search_path", TestSchema.NAME,
                        "application_name", applicationName));
        Pool pool = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(connect)
                .using(vertx.getDelegate()).build());
        pools.add(pool);
        return pool;
    }

    static void sql(String statement) {
        try (var c = DriverManager.getConnection(TestSchema.JDBC_URL, "postgres", ""); var s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long queryLong(String query) {
        return Long.parseLong(queryString(query));
    }

    private static String queryString(String query) {
        try (var c = DriverManager.getConnection(TestSchema.JDBC_URL, "postgres", ""); var s = c.createStatement();
             var r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
