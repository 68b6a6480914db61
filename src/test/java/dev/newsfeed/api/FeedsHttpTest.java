package dev.newsfeed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedsHttpTest {

    @BeforeEach
    void seed() {
        Seeds.truncate();
        Seeds.post(Seeds.text("003_224804e4c1447252.txt"), "https://edition.cnn.com/live-3", "2023-07-08T22:00:00Z");
    }

    @Test
    void topicFeedsComeInThreeFormatsWithExactTypes() {
        given().get("/feeds/nato-diplomacy.rss").then().statusCode(200).contentType("application/rss+xml")
                .body(containsString("isPermaLink=\"false\""));
        given().get("/feeds/nato-diplomacy.atom").then().statusCode(200).contentType("application/atom+xml")
                .header("Link", containsString("application/feed+json"));
        given().get("/feeds/nato-diplomacy.json").then().statusCode(200).contentType("application/feed+json")
                .body("version", equalTo("https://jsonfeed.org/version/1.1"));
        given().get("/feeds/all.atom").then().statusCode(200);
        given().get("/feeds/sources/cnn.rss").then().statusCode(200);
        given().queryParam("q", "NATO").get("/feeds/search.atom").then().statusCode(200);
        given().get("/feeds.opml").then().statusCode(200).body(containsString("kherson-front.atom"));
    }

    @Test
    void conditionalGetAnswers304() {
        var first = given().get("/feeds/civilian-toll.atom");
        String etag = first.header("ETag");
        // A 304 carries what a cache needs to refresh its copy (RFC 9110 15.4.5), not the 200's Link metadata.
        given().header("If-None-Match", etag).get("/feeds/civilian-toll.atom").then().statusCode(304)
                .header("ETag", equalTo(etag))
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=300"))
                .header("Vary", equalTo("Accept-Encoding"))
                .header("Link", nullValue());
        given().header("If-Modified-Since", first.header("Last-Modified")).get("/feeds/civilian-toll.atom")
                .then().statusCode(304);
        first.then().header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=300"));
    }

    @Test
    void unknownFeedsAre404Problems() {
        given().get("/feeds/no-such-topic.atom").then().statusCode(404).contentType("application/problem+json");
        given().get("/feeds/nato-diplomacy.xml").then().statusCode(404).contentType("application/problem+json");
        given().get("/feeds/search.atom").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void headAnswersTheSameHeadersWithoutABody() {
        var get = given().get("/feeds/nato-diplomacy.atom");
        var head = given().head("/feeds/nato-diplomacy.atom");
        head.then().statusCode(200).contentType("application/atom+xml").header("ETag", equalTo(get.header("ETag")))
                .header("Last-Modified", equalTo(get.header("Last-Modified")));
        assertEquals(0, head.asByteArray().length);
    }

    @Test
    void feedsAreGzippedForClientsThatAskAndNotForOthers() {
        // Without decoders RestAssured sends no Accept-Encoding of its own.
        byte[] plain = given().config(RestAssured.config().decoderConfig(
                        DecoderConfig.decoderConfig().noContentDecoders()))
                .get("/feeds/all.rss").then().statusCode(200)
                .header("Content-Encoding", nullValue()).extract().asByteArray();
        var gzipped = given().config(RestAssured.config().decoderConfig(
                        DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get("/feeds/all.rss");
        gzipped.then().statusCode(200).header("Content-Encoding", equalTo("gzip"))
                .header("Vary", containsString("Accept-Encoding"));
        assertTrue(gzipped.asByteArray().length < plain.length / 2, "a feed compresses to less than half");
        for (String feed : new String[] {"/feeds/all.atom", "/feeds/all.json", "/feeds.opml"}) {
            given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                    .header("Accept-Encoding", "gzip").get(feed).then().header("Content-Encoding", equalTo("gzip"));
        }
    }

    @Test
    void aGzippedFeedIsTheSameFeedUnderItsOwnValidatorAndEitherValidatorGets304() throws Exception {
        var raw = RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        var plain = given().config(raw).get("/feeds/kherson-front.atom");
        // The first gzip request may render the feed, the second is answered from what was kept: both the same.
        for (int i = 0; i < 2; i++) {
            var gzipped = given().config(raw).header("Accept-Encoding", "br, gzip;q=0.8").get("/feeds/kherson-front.atom");
            gzipped.then().statusCode(200).header("Content-Encoding", equalTo("gzip"));
            assertEquals(plain.header("ETag").replaceAll("\"$", "-gzip\""), gzipped.header("ETag"),
                    "a gzip body is another representation, with its own strong ETag");
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.asByteArray()))) {
                assertEquals(plain.asString(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                        "gzipped once, not twice");
            }
            given().config(raw).header("Accept-Encoding", "gzip").header("If-None-Match", plain.header("ETag"))
                    .get("/feeds/kherson-front.atom").then().statusCode(304)
                    .header("ETag", equalTo(gzipped.header("ETag")));
            given().config(raw).header("If-None-Match", gzipped.header("ETag")).get("/feeds/kherson-front.atom")
                    .then().statusCode(304).header("ETag", equalTo(plain.header("ETag")));
        }
        given().config(raw).header("Accept-Encoding", "gzip;q=0, identity").get("/feeds/kherson-front.atom").then()
                .statusCode(200).header("Content-Encoding", nullValue()).header("ETag", equalTo(plain.header("ETag")));
    }

    @Test
    void aLiveBlogHasItsOwnFeedsWithItsPostsOnly() {
        Seeds.post(Seeds.text("002_6765f3dc99b5e53b.txt"), "https://example.org/rferl-article", "2022-10-05T12:00:00Z");
        int liveblog = given().get("/api/liveblogs").then().statusCode(200).extract()
                .path("find { it.url == 'https://edition.cnn.com/live-3' }.id");
        var feed = given().get("/feeds/liveblogs/" + liveblog + ".json").then().statusCode(200)
                .contentType("application/feed+json").extract();
        List<String> urls = feed.path("items.url");
        assertEquals(9, urls.size());
        assertTrue(urls.stream().allMatch(u -> u.startsWith("https://edition.cnn.com/live-3")), urls::toString);
        given().get("/feeds/liveblogs/" + liveblog + ".rss").then().statusCode(200).contentType("application/rss+xml");
        given().get("/feeds/liveblogs/999999.atom").then().statusCode(404).contentType("application/problem+json");
        given().get("/feeds/liveblogs/not-a-number.atom").then().statusCode(404);
    }

    @Test
    void entryIdsStayTheSameWhenThePostIsEdited() {
        String item = "items.find { it.title.startsWith('No date set yet for Putin visit') }";
        String before = given().get("/feeds/all.json").then().extract().path(item + ".id");
        String edited = Seeds.text("003_224804e4c1447252.txt").replace("No date is set yet", "No date has been set yet");
        Seeds.post(edited, "https://edition.cnn.com/live-3", "2023-07-08T23:00:00Z").then().statusCode(201);
        String after = given().get("/feeds/all.json").then().extract().path(item + ".id");
        String text = given().get("/feeds/all.json").then().extract().path(item + ".content_html");
        assertTrue(text.contains("No date has been set yet"), "the feed shows the edit");
        assertTrue(before.startsWith("tag:"), before);
        assertEquals(before, after);
    }

    @Test
    void aFeedIsRenderedOnceUntilSomethingChanges() {
        given().get("/feeds/kherson-front.atom").then().statusCode(200);
        double rendered = renders();
        for (int i = 0; i < 5; i++) {
            given().get("/feeds/kherson-front.atom").then().statusCode(200);
        }
        assertEquals(rendered, renders(), "no render while nothing changed");
        Seeds.post(Seeds.text("002_6765f3dc99b5e53b.txt"), "https://example.org/rferl-article", "2022-10-05T12:00:00Z");
        given().get("/feeds/kherson-front.atom").then().statusCode(200);
        assertEquals(rendered + 1, renders(), "one render after an ingest");
    }

    @Test
    void readersMissingAFeedAtOnceShareOneRender() throws Exception {
        Seeds.post(Seeds.text("002_6765f3dc99b5e53b.txt"), "https://example.org/rferl-article", "2022-10-05T12:00:00Z");
        double rendered = renders();
        int readers = 16;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(readers);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> etags = new java.util.ArrayList<>();
            for (int i = 0; i < readers; i++) {
                etags.add(pool.submit(() -> {
                    start.await();
                    return given().get("/feeds/all.rss").then().statusCode(200).extract().header("ETag");
                }));
            }
            start.countDown();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (var etag : etags) {
                seen.add(etag.get());
            }
            assertEquals(1, seen.size(), "every reader got the same feed");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(rendered + 1, renders(), "one render for all the readers who missed it together");
    }

    private static double renders() {
        String metrics = given().get("/q/metrics").asString();
        Matcher m = Pattern.compile("(?m)^newsfeed_feed_renders_total(?:\\{[^}]*\\})? ([0-9.E+]+)").matcher(metrics);
        assertTrue(m.find(), "newsfeed_feed_renders_total is exported");
        return Double.parseDouble(m.group(1));
    }
}
