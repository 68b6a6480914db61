package dev.newsfeed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an anonymous client, a hostile page or a careless one cannot do to the service. */
@QuarkusTest
class RobustnessTest {

    /** A live blog whose first post's element id holds a control character (U+0001), as a hostile page may. */
    private static final String HOSTILE_PAGE = """
            <!DOCTYPE html><html lang="en"><head><title>Live: strikes on the south</title></head><body><main>
            <article id="post&#1;1">
              <time datetime="2022-10-04T14:35:00Z">10:35 a.m. ET, October 4, 2022</time>
              <h2>Strikes hit Kherson&#1; overnight</h2>
              <p class="byline">From CNN's Jo Shelley</p>
              <p>Russian forces shelled Kherson overnight, the regional governor said on Tuesday.</p>
            </article>
            <article id="post2">
              <time datetime="2022-10-04T14:27:00Z">10:27 a.m. ET, October 4, 2022</time>
              <h2>Kyiv asks for more air defence</h2>
              <p class="byline">From CNN's Anna Chernova</p>
              <p>Ukraine's president asked allies for more air defence systems after the strikes.</p>
            </article>
            </main></body></html>""";

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void empty() {
        Seeds.truncate();
    }

    @Test
    void aWriteWithoutTheTokenIsTurnedAwayBeforeItsBodyIsSent() throws Exception {
        // 5 MB declared and not one byte sent: the answer must come from the headers alone.
        String status = statusLineOf("POST /api/documents HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 5000000\r\n\r\n");
        assertTrue(status.contains(" 401 "), status);
        status = statusLineOf("POST /api/documents HTTP/1.1\r\nHost: test\r\nAuthorization: Bearer " + Seeds.TOKEN
                + "\r\nContent-Type: text/plain\r\nContent-Length: 15000000\r\n\r\n");
        assertTrue(status.contains(" 413 "), status);
        given().contentType("text/plain").body("x").delete("/api/topics/anything").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void previewsBeyondTheBulkheadAre503WithRetryAfterAndTheServiceGoesOn() throws Exception {
        // Two previews whose bodies never come hold the two places; the third is turned away at once.
        try (Socket a = holdPreview(); Socket b = holdPreview()) {
            given().contentType("text/plain").body(Seeds.text("003_224804e4c1447252.txt")).post("/api/extract")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            given().get("/api/posts").then().statusCode(200);
        }
        // A client that went away gave its place back.
        boolean admitted = false;
        for (int i = 0; i < 50 && !admitted; i++) {
            admitted = given().contentType("text/plain").body(Seeds.text("003_224804e4c1447252.txt"))
                    .post("/api/extract").statusCode() == 200;
            if (!admitted) {
                Thread.sleep(100);
            }
        }
        assertTrue(admitted, "previews are admitted again once the held ones are gone");
    }

    @Test
    void aHostileAnchorIsCleanedAtIngestAndEveryFeedStillAnswers() {
        given().auth().oauth2(Seeds.TOKEN).contentType("text/html").body(HOSTILE_PAGE)
                .queryParam("url", "https://example.org/live").post("/api/documents").then().statusCode(201);
        List<String> urls = given().get("/api/posts").then().statusCode(200).extract().path("items.url");
        assertTrue(urls.contains("https://example.org/live#post1"), urls::toString);
        for (String feed : List.of("/feeds/all.rss", "/feeds/all.atom", "/feeds/all.json", "/feeds/sources/cnn.atom",
                "/feeds/kherson-front.rss")) {
            String body = given().get(feed).then().statusCode(200).extract().asString();
            assertFalse(body.contains("\u0001"), feed + " holds a control character");
        }
    }

    @Test
    void aClientThatOnlyAcceptsDeflateGetsTheIdentityBodyUnderItsOwnETag() {
        Seeds.post(Seeds.text("003_224804e4c1447252.txt"), "https://edition.cnn.com/live-3", "2023-07-08T22:00:00Z");
        var raw = RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        String plainEtag = given().config(raw).get("/feeds/all.atom").header("ETag");
        given().config(raw).header("Accept-Encoding", "deflate").get("/feeds/all.atom").then().statusCode(200)
                .header("Content-Encoding", nullValue()).header("ETag", equalTo(plainEtag));
    }

    @Test
    void httpDatesHaveTwoDigitDaysAndEveryFormIsRead() {
        Seeds.post(Seeds.text("003_224804e4c1447252.txt"), "https://edition.cnn.com/live-3", "2023-07-08T22:00:00Z");
        var first = given().get("/feeds/all.atom");
        first.then().header("Last-Modified", matchesPattern("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));
        java.time.ZonedDateTime modified = java.time.ZonedDateTime.parse(first.header("Last-Modified"),
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
        String rfc850 = modified.format(java.time.format.DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'",
                java.util.Locale.US));
        given().header("If-Modified-Since", rfc850).get("/feeds/all.atom").then().statusCode(304);
    }

    @Test
    void parametersAreCheckedAndBadOnesAre400Problems() {
        given().queryParam("liveblog", "abc").get("/api/posts").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("q", "kherson\u0001").get("/api/posts").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("control character"));
        given().queryParam("q", "kherson\u0001").get("/feeds/search.atom").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Seeds.TOKEN).contentType("text/plain").body(Seeds.text("002_6765f3dc99b5e53b.txt"))
                .queryParam("url", "https://example.org/a\u0001b").post("/api/documents").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Seeds.TOKEN).contentType("text/plain").body(Seeds.text("002_6765f3dc99b5e53b.txt"))
                .queryParam("source", "Not a slug!").post("/api/documents").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/liveblogs/abc").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(Seeds.TOKEN).contentType("application/json").body("{\"name\": \"Grain\", ")
                .post("/api/topics").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
        given().auth().oauth2(Seeds.TOKEN).contentType("application/json").body("[1, 2]")
                .post("/api/topics").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void creatingTheSameTopicAtOnceMakesItOnceAndTellsTheOthers409() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> given().auth().oauth2(Seeds.TOKEN).contentType("application/json")
                    .body("{\"name\": \"Grain corridor\", \"query\": \"grain\"}").post("/api/topics").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        try {
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            given().auth().oauth2(Seeds.TOKEN).delete("/api/topics/grain-corridor");
        }
    }

    @Test
    void aLiveBlogShowsAPageOfItsPostsAndLinksTheRest() {
        Seeds.post(Seeds.text("003_224804e4c1447252.txt"), "https://edition.cnn.com/live-3", "2023-07-08T22:00:00Z");
        long id = given().get("/api/liveblogs").then().extract().jsonPath().getLong("[0].id");
        var page = given().queryParam("limit", 4).get("/api/liveblogs/" + id).then().statusCode(200)
                .body("posts", hasSize(4)).body("nextCursor", notNullValue())
                .header("Link", containsString("liveblog=" + id)).extract();
        String next = page.header("Link").replaceAll("^<([^>]+)>.*$", "$1").replace(base.toString().replaceAll("/$", ""), "");
        given().urlEncodingEnabled(false).get(next.replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .body("items", hasSize(4));
    }

    /** Sends raw request headers and answers the status line that comes back, within two seconds. */
    private String statusLineOf(String head) throws Exception {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(2_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    /** A preview whose headers arrive and whose body never does. */
    private Socket holdPreview() throws Exception {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.getOutputStream().write(("POST /api/extract HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        Thread.sleep(200);
        return s;
    }
}
