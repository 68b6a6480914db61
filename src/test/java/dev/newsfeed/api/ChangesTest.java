package dev.newsfeed.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feeds and search pages are kept in memory; what users read must still follow every change. */
@QuarkusTest
class ChangesTest {

    private static final String LIVE_BLOG = "https://edition.cnn.com/live-3";

    @BeforeEach
    void seed() {
        Seeds.truncate();
        Seeds.post(Seeds.text("003_224804e4c1447252.txt"), LIVE_BLOG, "2023-07-08T22:00:00Z");
    }

    @Test
    void aSearchRepeatedAfterAnIngestFindsTheNewPosts() {
        assertEquals(0, hits("Torske Cherevatiy"));
        Seeds.post(Seeds.text("002_6765f3dc99b5e53b.txt"), "https://example.org/rferl-article", "2022-10-05T12:00:00Z");
        assertTrue(hits("Torske Cherevatiy") > 0, "the page kept before the ingest is not served after it");
    }

    @Test
    void aChangeCommittedByAnotherReplicaReachesThisOnesFeedsAndSearches() {
        assertEquals(0, hits("Zyzzyva"));
        assertTrue(!given().get("/feeds/all.json").asString().contains("Zyzzyva"));
        // Another replica (here, a session behind the service's back) renames a post and commits.
        Seeds.sql("update post set headline = 'Zyzzyva sighted over Kherson' "
                + "where id = (select id from post order by sort_at desc, id desc limit 1)");
        assertTrue(within(10_000, () -> hits("Zyzzyva") == 1), "the search sees the other replica's change");
        assertTrue(within(10_000, () -> given().get("/feeds/all.json").asString().contains("Zyzzyva")),
                "the feed sees the other replica's change");
    }

    private static int hits(String q) {
        return given().queryParam("q", q).get("/api/posts").then().statusCode(200).extract().path("items.size()");
    }

    /** The announcement crosses a database connection: allow it a moment. */
    private static boolean within(long millis, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
