package dev.newsfeed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What operators rely on: probes, metrics, OpenAPI. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabaseAndIngestAges() {
        Seeds.truncate();
        Seeds.post(Seeds.text("002_6765f3dc99b5e53b.txt"), null, "2022-10-04T12:00:00Z");
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("newest ingest per source"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsCountIngestsAndFeedResponses() {
        Seeds.truncate();
        Seeds.post(Seeds.text("002_6765f3dc99b5e53b.txt"), null, "2022-10-04T12:00:00Z");
        String etag = given().get("/feeds/all.atom").header("ETag");
        given().header("If-None-Match", etag).get("/feeds/all.atom").then().statusCode(304);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsfeed_posts_ingested_total{change=\"created\""))
                .body(containsString("newsfeed_feed_responses_total{format=\"atom\",status=\"304\"}"))
                .body(containsString("http_server_requests_seconds_count"))
                // Each pool under its own name (unnamed, the second pool's gauges were dropped), and the change
                // listener's connection.
                .body(containsString("sql_pool_queue_size{pool_name=\"write\""))
                .body(containsString("sql_pool_queue_size{pool_name=\"read\""))
                .body(containsString("change_listener_queue_size"));
    }

    @Test
    void documentsTheExtractorDoubtsAreCountedAndSaySo() throws Exception {
        Seeds.truncate();
        String page = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/test/resources/forms/headlines-over-prose-without-times.txt"));
        Seeds.post(page, "https://example.org/live-without-times", "2022-10-04T12:00:00Z").then().statusCode(201)
                .body("warnings", hasItem(containsString("boundaries guessed")));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsfeed_extraction_warnings_total{warning=\"post-boundaries-guessed-from\"}"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/posts"))
                .body(containsString("/feeds/sources/{slug}.{ext}"));
    }
}
