package dev.newsfeed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsfeed.follow.FollowTestProfile;
import dev.newsfeed.follow.PageServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following pages served by a real HTTP server on loopback, through the public API. */
@QuarkusTest
@TestProfile(FollowTestProfile.class)
class FollowsApiTest {

    private static PageServer server;

    @BeforeAll
    static void startServer() {
        server = PageServer.start();
    }

    @AfterAll
    static void stopServer() {
        Seeds.sql("truncate follow");
        server.close();
    }

    @BeforeEach
    void empty() {
        Seeds.sql("truncate follow");
        Seeds.truncate();
        server.reset();
    }

    @Test
    void aFollowedPageIsFetchedAndItsNewPostsAppearInPostsAndFeeds() {
        AtomicInteger updates = new AtomicInteger();
        server.page("/live", () -> PageServer.liveBlog(updates.get()));
        Response created = follow(server.url("/live"), "cnn");
        created.then().statusCode(201).body("url", equalTo(server.url("/live"))).body("nextFetchAt", notNullValue())
                .header("Location", containsString("/api/follows/"));
        long id = created.jsonPath().getLong("id");

        JsonPath first = awaitFetches(id, 1);
        assertEquals("changed", first.getString("lastFetch.outcome"));
        assertEquals(200, first.getInt("lastFetch.status"));
        assertEquals(9, first.getInt("lastFetch.postsCreated"));
        assertNotNull(first.getString("lastFetch.validators.etag"));
        assertNotNull(first.getString("lastFetch.validators.lastModified"));
        assertTrue(Instant.parse(first.getString("nextFetchAt")).isAfter(Instant.now().plusSeconds(60)));
        given().queryParam("limit", 100).get("/api/posts").then().body("items", hasSize(9));
        String agent = server.lastRequest("/live").get("User-Agent");
        assertTrue(agent.startsWith("Newsfeed/1.0 (+http"), agent);
        assertTrue(server.lastRequest("/live").get("Accept-Encoding").contains("gzip"));

        // The live blog gains a post: the next fetch sends the old validators, gets a 200 and stores the one post.
        String oldEtag = first.getString("lastFetch.validators.etag");
        updates.set(1);
        JsonPath second = fetchNow(id);
        assertEquals(oldEtag, server.lastRequest("/live").get("If-None-Match"));
        assertEquals("changed", second.getString("lastFetch.outcome"));
        assertEquals(1, second.getInt("lastFetch.postsCreated"));
        assertEquals(0, second.getInt("lastFetch.postsUpdated"));
        given().queryParam("limit", 100).get("/api/posts").then().body("items", hasSize(10))
                .body("items.headline", hasItem(startsWith("Update number 1 ")));
        given().get("/feeds/all.atom").then().statusCode(200).body(containsString("Update number 1 from"));
        given().get("/feeds/sources/cnn.rss").then().statusCode(200).body(containsString("Update number 1 from"));
        assertEquals(2, server.hits("/live"));
    }

    @Test
    void aNotModifiedPageStoresNothing() {
        server.page("/live", () -> PageServer.liveBlog(0));
        long id = follow(server.url("/live"), null).jsonPath().getLong("id");
        awaitFetches(id, 1);
        int documents = documents();

        JsonPath again = fetchNow(id);
        assertEquals("not_modified", again.getString("lastFetch.outcome"));
        assertEquals(304, again.getInt("lastFetch.status"));
        assertEquals(0, again.getInt("lastFetch.postsCreated"));
        assertNotNull(server.lastRequest("/live").get("If-None-Match"));
        assertNotNull(server.lastRequest("/live").get("If-Modified-Since"));
        assertEquals(documents, documents());
        given().queryParam("limit", 100).get("/api/posts").then().body("items", hasSize(9));
    }

    @Test
    void anUnchangedPageServedWithoutValidatorsStoresNothing() {
        server.plainPage("/plain", () -> PageServer.liveBlog(0));
        long id = follow(server.url("/plain"), null).jsonPath().getLong("id");
        awaitFetches(id, 1);
        assertEquals(1, documents());

        JsonPath again = fetchNow(id);
        assertEquals("unchanged", again.getString("lastFetch.outcome"));
        assertEquals(200, again.getInt("lastFetch.status"));
        assertEquals(0, again.getInt("lastFetch.postsCreated"));
        assertEquals(0, again.getInt("consecutiveFailures"));
        assertEquals(1, documents());
        assertEquals(2, server.hits("/plain"));
    }

    @Test
    void aGzippedPageIsRead() {
        server.gzipPage("/gz", PageServer.liveBlog(2));
        long id = follow(server.url("/gz"), null).jsonPath().getLong("id");
        JsonPath f = awaitFetches(id, 1);
        assertEquals("changed", f.getString("lastFetch.outcome"), f.prettify());
        assertEquals(11, f.getInt("lastFetch.postsCreated"));
    }

    @Test
    void redirectsAreFollowedAndTheFollowKeepsItsUrl() {
        server.page("/live", () -> PageServer.liveBlog(0));
        server.redirect("/moved", 301, "/live");
        long id = follow(server.url("/moved"), null).jsonPath().getLong("id");
        JsonPath f = awaitFetches(id, 1);
        assertEquals("changed", f.getString("lastFetch.outcome"));
        assertEquals(1, server.hits("/live"));
        given().queryParam("limit", 1).get("/api/posts").then().body("items[0].url", startsWith(server.url("/moved")));
    }

    @Test
    void aServerErrorIsShownAndBackedOffThenTheFollowRecovers() {
        server.status("/flaky", 500, Map.of());
        long id = follow(server.url("/flaky"), null).jsonPath().getLong("id");
        JsonPath failed = awaitFetches(id, 1);
        assertFailedWithBackoff(failed, "http_error", "HTTP 500", 1);

        JsonPath twice = fetchNow(id);
        assertFailedWithBackoff(twice, "http_error", "HTTP 500", 2);

        server.page("/flaky", () -> PageServer.liveBlog(0));
        JsonPath recovered = fetchNow(id);
        assertEquals("changed", recovered.getString("lastFetch.outcome"));
        assertEquals(0, recovered.getInt("consecutiveFailures"));
        assertNull(recovered.getString("lastError"));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.silent("/silent");
        long id = follow(server.url("/silent"), null).jsonPath().getLong("id");
        JsonPath f = awaitFetches(id, 1);
        assertFailedWithBackoff(f, "timeout", "within 5 s", 1);
        assertTrue(f.getInt("lastFetch.durationMs") < 15_000, f.prettify());
    }

    @Test
    void aSlowServerDoesNotHoldUpAnotherFollow() {
        server.silent("/silent");
        server.page("/live", () -> PageServer.liveBlog(0));
        long slow = follow(server.url("/silent"), null).jsonPath().getLong("id");
        long fast = follow(server.url("/live"), null).jsonPath().getLong("id");
        JsonPath s = awaitFetches(slow, 1);
        JsonPath f = awaitFetches(fast, 1);
        assertEquals("timeout", s.getString("lastFetch.outcome"));
        assertEquals("changed", f.getString("lastFetch.outcome"));
        // The quick page was done while the silent one still waited for its answer: fetched side by side.
        assertTrue(ended(f).isBefore(ended(s)), f.prettify() + s.prettify());
    }

    private static Instant ended(JsonPath follow) {
        return Instant.parse(follow.getString("lastFetch.at")).plusMillis(follow.getInt("lastFetch.durationMs"));
    }

    @Test
    void garbageIsAnErrorAndTheDocumentIsKept() {
        byte[] noise = new byte[50_000];
        new Random(17).nextBytes(noise);
        server.bytes("/noise", "text/html", noise);
        long id = follow(server.url("/noise"), null).jsonPath().getLong("id");
        JsonPath f = awaitFetches(id, 1);
        assertFailedWithBackoff(f, "unreadable", "nothing could be extracted", 1);
        assertNotNull(f.get("lastFetch.documentId"));
        assertNull(f.get("lastFetch.validators.etag"));
        // Read again (its validators were not kept): the same bytes, the same error, one document.
        JsonPath again = fetchNow(id);
        assertFailedWithBackoff(again, "unreadable", "nothing could be extracted", 2);
        assertEquals(1, documents());
    }

    @Test
    void somethingThatIsNotAPageIsAnError() {
        server.bytes("/image", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        long id = follow(server.url("/image"), null).jsonPath().getLong("id");
        assertFailedWithBackoff(awaitFetches(id, 1), "unsupported", "image/png", 1);
        assertEquals(0, documents());
    }

    @Test
    void aBodyOverTheLimitIsNotReadToItsEnd() {
        server.endless("/endless");
        long id = follow(server.url("/endless"), null).jsonPath().getLong("id");
        JsonPath f = awaitFetches(id, 1);
        assertFailedWithBackoff(f, "too_large", "10485760-byte limit", 1);
        // The client stopped reading at the limit and reset the stream; a client that read on would take it all.
        long written = server.written("/endless");
        assertTrue(written < 64L << 20, "the server wrote " + written + " bytes");
        assertEquals(0, documents());
    }

    @Test
    void aRedirectLoopStopsAfterFiveRedirects() {
        server.redirect("/loop", 302, "/loop");
        long id = follow(server.url("/loop"), null).jsonPath().getLong("id");
        JsonPath f = awaitFetches(id, 1);
        assertFailedWithBackoff(f, "redirects", "more than 5 redirects", 1);
        assertEquals(6, server.hits("/loop"));
    }

    @Test
    void aRedirectToARefusedAddressIsNotFollowed() {
        server.redirect("/to-metadata", 302, "http://169.254.169.254/latest/meta-data/");
        long id = follow(server.url("/to-metadata"), null).jsonPath().getLong("id");
        assertFailedWithBackoff(awaitFetches(id, 1), "refused", "cloud metadata", 1);
        server.redirect("/to-ftp", 302, "ftp://127.0.0.1/file");
        long ftp = follow(server.url("/to-ftp"), null).jsonPath().getLong("id");
        assertFailedWithBackoff(awaitFetches(ftp, 1), "refused", "only http and https", 1);
    }

    @Test
    void retryAfterIsHonouredOn429And503() {
        server.status("/busy", 429, Map.of("Retry-After", "3600"));
        long id = follow(server.url("/busy"), null).jsonPath().getLong("id");
        JsonPath f = awaitFetches(id, 1);
        assertFailedWithBackoff(f, "rate_limited", "HTTP 429", 1);
        assertTrue(Instant.parse(f.getString("nextFetchAt")).isAfter(Instant.now().plusSeconds(3500)), f.prettify());
        server.status("/busy", 503, Map.of("Retry-After", "7200"));
        JsonPath again = fetchNow(id);
        assertFailedWithBackoff(again, "rate_limited", "HTTP 503", 2);
        assertTrue(Instant.parse(again.getString("nextFetchAt")).isAfter(Instant.now().plusSeconds(7100)));
    }

    @Test
    void aConnectionRefusedIsANetworkError() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        long id = follow("http://127.0.0.1:" + closed + "/closed", null).jsonPath().getLong("id");
        assertFailedWithBackoff(awaitFetches(id, 1), "network", "cannot connect", 1);
    }

    @Test
    void followingAnAddressAlreadyFollowedAnswersTheFollow() {
        server.page("/live", () -> PageServer.liveBlog(0));
        long id = follow(server.url("/live"), null).then().statusCode(201).extract().jsonPath().getLong("id");
        // The same page written another way: host case, a fragment.
        String same = server.url("/live").replace("http://", "HTTP://") + "#latest";
        follow(same, null).then().statusCode(200).body("id", equalTo((int) id))
                .body("url", equalTo(server.url("/live")));
        given().get("/api/follows").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void badAddressesAre400AndRefusedOnes422() {
        for (String bad : new String[] {"not a url", "ftp://example.com/x", "/relative", "http://user:pw@example.com/",
                "javascript:alert(1)", "http://"}) {
            follow(bad, null).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("'url'"));
        }
        given().auth().oauth2(Seeds.TOKEN).contentType("application/json").body("{}").post("/api/follows")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("missing"));
        given().auth().oauth2(Seeds.TOKEN).contentType("application/json").body("{\"url\": ").post("/api/follows")
                .then().statusCode(400).contentType("application/problem+json");
        follow(server.url("/live"), "Not A Slug!").then().statusCode(400).body("detail", containsString("'source'"));
        for (String refused : new String[] {"http://169.254.169.254/latest/meta-data/", "http://0.0.0.0:8080/",
                "http://[fd00:ec2::254]/", "http://224.0.0.1/", "http://[::ffff:169.254.169.254]/"}) {
            follow(refused, null).then().statusCode(422).contentType("application/problem+json")
                    .body("title", equalTo("Address refused"));
        }
        given().get("/api/follows").then().body("items", hasSize(0));
    }

    @Test
    void writesNeedTheToken() {
        given().contentType("application/json").body("{\"url\": \"" + server.url("/live") + "\"}")
                .post("/api/follows").then().statusCode(401).contentType("application/problem+json");
        given().delete("/api/follows/1").then().statusCode(401);
        given().post("/api/follows/1/fetch").then().statusCode(401);
    }

    @Test
    void aFollowCanBeListedReadAndDeleted() {
        server.page("/a", () -> PageServer.liveBlog(0));
        server.page("/b", () -> PageServer.liveBlog(1));
        long a = follow(server.url("/a"), null).jsonPath().getLong("id");
        long b = follow(server.url("/b"), null).jsonPath().getLong("id");
        Response page = given().queryParam("limit", 1).get("/api/follows");
        page.then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo((int) a))
                .header("Link", containsString("after=" + a));
        given().queryParam("limit", 1).queryParam("after", a).get("/api/follows").then()
                .body("items[0].id", equalTo((int) b)).body("nextAfter", nullValue());
        given().get("/api/follows/" + b).then().statusCode(200).body("url", equalTo(server.url("/b")));

        given().auth().oauth2(Seeds.TOKEN).delete("/api/follows/" + a).then().statusCode(204);
        given().get("/api/follows/" + a).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Seeds.TOKEN).delete("/api/follows/" + a).then().statusCode(404);
        given().auth().oauth2(Seeds.TOKEN).post("/api/follows/" + a + "/fetch").then().statusCode(404);
        given().get("/api/follows/nope").then().statusCode(404);
        given().queryParam("limit", 0).get("/api/follows").then().statusCode(400);
    }

    @Test
    void aFollowBeingFetchedElsewhereIs409() {
        server.page("/live", () -> PageServer.liveBlog(0));
        long id = follow(server.url("/live"), null).jsonPath().getLong("id");
        awaitFetches(id, 1);
        // Another replica holds it (its lease runs for an hour).
        Seeds.sql("update follow set claimed_until = now() + interval '1 hour', claim_token = gen_random_uuid(), "
                + "claimed_by = 'newsfeed-other' where id = " + id);
        given().auth().oauth2(Seeds.TOKEN).post("/api/follows/" + id + "/fetch").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("newsfeed-other"));
        // Its lease ran out (the replica died): the follow can be fetched again.
        Seeds.sql("update follow set claimed_until = now() - interval '1 second' where id = " + id);
        assertEquals("not_modified", fetchNow(id).getString("lastFetch.outcome"));
    }

    @Test
    void operatorsSeeFetchesInMetricsAndOverdueFollowsInReadiness() {
        server.page("/live", () -> PageServer.liveBlog(0));
        server.status("/down", 500, Map.of());
        long ok = follow(server.url("/live"), null).jsonPath().getLong("id");
        long down = follow(server.url("/down"), null).jsonPath().getLong("id");
        awaitFetches(ok, 1);
        awaitFetches(down, 1);
        // A follow due an hour ago that a dead replica still holds: overdue.
        Seeds.sql("update follow set next_fetch_at = now() - interval '1 hour', claimed_until = now() + "
                + "interval '1 hour', claim_token = gen_random_uuid() where id = " + ok);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'followed pages' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'followed pages' }.data.overdue", equalTo(1))
                .body("checks.find { it.name == 'followed pages' }.data.failing", equalTo(1));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("newsfeed_follow_fetches_total{outcome=\"changed\"}"), "fetches by outcome");
        assertTrue(metrics.contains("newsfeed_follow_fetches_total{outcome=\"http_error\"}"), "failed fetches");
        assertTrue(metrics.contains("newsfeed_follow_fetch_duration_seconds_count"), "fetch duration");
        assertTrue(metrics.contains("newsfeed_follows_failing"), "follows failing");
        assertTrue(metrics.contains("newsfeed_follows_overdue"), "follows overdue");
    }

    private static void assertFailedWithBackoff(JsonPath f, String outcome, String error, int failures) {
        assertEquals(outcome, f.getString("lastFetch.outcome"), f.prettify());
        assertTrue(f.getString("lastError").contains(error), f.getString("lastError"));
        assertEquals(failures, f.getInt("consecutiveFailures"), f.prettify());
        // Backed off: not due again before half the first backoff (the minimum interval, two minutes).
        assertTrue(Instant.parse(f.getString("nextFetchAt")).isAfter(Instant.now().plusSeconds(50)), f.prettify());
        // Not stuck: the claim was given back.
        assertNull(f.get("fetchingOn"), f.prettify());
    }

    static Response follow(String url, String source) {
        String body = source == null ? "{\"url\": \"" + url + "\"}"
                : "{\"url\": \"" + url + "\", \"source\": \"" + source + "\"}";
        return given().auth().oauth2(Seeds.TOKEN).contentType("application/json").body(body).post("/api/follows");
    }

    static JsonPath fetchNow(long id) {
        return given().auth().oauth2(Seeds.TOKEN).post("/api/follows/" + id + "/fetch").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Waits for the follow's {@code n}th fetch (the scheduler's), and answers the follow then. */
    static JsonPath awaitFetches(long id, int n) {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(end)) {
            JsonPath f = given().get("/api/follows/" + id).then().statusCode(200).extract().jsonPath();
            if (f.getInt("fetchCount") >= n) {
                return f;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("follow " + id + " was not fetched " + n + " times in 20 s");
    }

    private static int documents() {
        return given().get("/api/sources").jsonPath().getList("documentCount", Integer.class).stream()
                .mapToInt(Integer::intValue).sum();
    }
}
