package dev.newsfeed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TopicsApiTest {

    @jakarta.inject.Inject
    dev.newsfeed.topic.TopicService topics;

    @BeforeEach
    void seed() {
        Seeds.truncate();
        given().auth().oauth2(Seeds.TOKEN).delete("/api/topics/grain-and-turkey");
        Seeds.post(Seeds.text("003_224804e4c1447252.txt"), "https://edition.cnn.com/live-3", "2023-07-08T22:00:00Z");
    }

    @Test
    void builtinTopicsAreListedWithCountsAndFeeds() {
        given().get("/api/topics").then().statusCode(200)
                .body("slug", hasItem("kherson-front"))
                .body("find { it.slug == 'nato-diplomacy' }.postCount", equalTo(3))
                .body("find { it.slug == 'nato-diplomacy' }.feeds.atom",
                        equalTo("http://localhost:8080/feeds/nato-diplomacy.atom"));
        given().get("/api/topics/civilian-toll").then().statusCode(200).body("postCount", greaterThan(0));
        given().get("/api/topics/no-such-topic").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aCustomTopicClassifiesStoredPostsAndCanBeRemoved() {
        given().auth().oauth2(Seeds.TOKEN).contentType("application/json")
                .body(Map.of("name", "Grain and Turkey", "query", "Erdogan OR Turkey"))
                .post("/api/topics").then().statusCode(201).body("slug", equalTo("grain-and-turkey"))
                .body("postCount", equalTo(3));
        given().queryParam("topic", "grain-and-turkey").get("/api/posts").then().body("items", hasSize(3))
                .body("items[0].topics.find { it.slug == 'grain-and-turkey' }.evidence.terms.kind",
                        hasItem("query"));
        given().auth().oauth2(Seeds.TOKEN).contentType("application/json")
                .body(Map.of("name", "Grain and Turkey", "query", "grain"))
                .post("/api/topics").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Seeds.TOKEN).delete("/api/topics/grain-and-turkey").then().statusCode(204);
        given().get("/api/topics/grain-and-turkey").then().statusCode(404);
    }

    @Test
    void aCustomTopicAlsoClassifiesPostsIngestedLater() {
        given().auth().oauth2(Seeds.TOKEN).contentType("application/json")
                .body(Map.of("name", "Grain and Turkey", "query", "Kazakhstan", "places", java.util.List.of("Kazakhstan")))
                .post("/api/topics").then().statusCode(201).body("postCount", equalTo(0));
        Seeds.post(Seeds.text("000_e3d03f88e765b43a.txt"), "https://edition.cnn.com/live-1", "2022-10-05T06:00:00Z");
        given().get("/api/topics/grain-and-turkey").then().body("postCount", equalTo(1));
        given().get("/feeds/grain-and-turkey.atom").then().statusCode(200).contentType("application/atom+xml");
    }

    @Test
    void changedDefinitionsReclassifyStoredPosts() throws Throwable {
        Seeds.sql("delete from post_topic; update classifier_state set version = 'an older release'");
        given().get("/api/topics/civilian-toll").then().body("postCount", equalTo(0));
        boolean stale = io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(topics::syncBuiltins);
        org.junit.jupiter.api.Assertions.assertTrue(stale, "a new topics version must be noticed");
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(topics::reclassifyAll);
        given().get("/api/topics/civilian-toll").then().body("postCount", greaterThan(0));
        org.junit.jupiter.api.Assertions.assertFalse(
                io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(topics::syncBuiltins));
    }

    @Test
    void aNewDatabaseClassifiesItsFirstPostsOnceOnly() throws Throwable {
        Seeds.truncate();
        Seeds.sql("update classifier_state set version = 'an older release'");
        org.junit.jupiter.api.Assertions.assertFalse(
                io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(topics::syncBuiltins),
                "with no post stored, nothing is left to reclassify");
        Seeds.post(Seeds.text("003_224804e4c1447252.txt"), "https://edition.cnn.com/live-3", "2023-07-08T22:00:00Z");
        given().get("/api/topics/civilian-toll").then().body("postCount", greaterThan(0));
        org.junit.jupiter.api.Assertions.assertFalse(
                io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(topics::syncBuiltins),
                "posts ingested since were classified by this version");
    }

    @Test
    void badTopicsAreRefusedWithAReason() {
        given().auth().oauth2(Seeds.TOKEN).contentType("application/json")
                .body(Map.of("name", "Nothing", "query", "the and of"))
                .post("/api/topics").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Seeds.TOKEN).contentType("application/json").body(Map.of("query", "x"))
                .post("/api/topics").then().statusCode(400);
        given().contentType("application/json").body(Map.of("name", "a", "query", "b"))
                .post("/api/topics").then().statusCode(401);
        given().auth().oauth2(Seeds.TOKEN).delete("/api/topics/kherson-front").then().statusCode(409);
    }

    @Test
    void aPostListsItsTopicsWithEvidence() {
        given().queryParam("topic", "military-aid").get("/api/posts").then().statusCode(200)
                .body("items[0].topics.find { it.slug == 'military-aid' }.evidence.terms.size()", greaterThan(0))
                .body("items[0].topics.find { it.slug == 'military-aid' }.evidence.terms[0].weight", notNullValue());
    }
}
