package dev.newsfeed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
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
        given().header("If-None-Match", etag).get("/feeds/civilian-toll.atom").then().statusCode(304);
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
}
