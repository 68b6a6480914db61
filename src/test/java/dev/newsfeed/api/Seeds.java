package dev.newsfeed.api;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Seed documents posted through the public API, as a client would. */
final class Seeds {

    static final String TOKEN = "test-token";

    private Seeds() {
    }

    static String text(String file) {
        try {
            return Files.readString(Path.of("seeds", file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response post(String body, String url, String retrievedAt) {
        return given().auth().oauth2(TOKEN).contentType("text/plain; charset=UTF-8").body(body)
                .queryParam("url", url).queryParam("retrievedAt", retrievedAt)
                .when().post("/api/documents");
    }

    /** Waits for the reprocessing under way to finish, and answers its last progress. */
    static Response awaitReprocessing() {
        for (int i = 0; i < 300; i++) {
            Response r = given().get("/api/documents/reprocess");
            if (!"running".equals(r.jsonPath().getString("state"))) {
                return r;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("reprocessing did not finish in 30 s");
    }

    /** Empties every table but the topics, so each test starts from nothing. */
    static void truncate() {
        sql("truncate post_topic, document_post, post_revision, post, liveblog, document, source cascade");
    }

    /** Runs SQL in the test schema, behind the service's back: for setting up states the API cannot make. */
    static void sql(String statements) {
        try (var c = java.sql.DriverManager.getConnection(
                dev.newsfeed.testing.TestSchema.JDBC_URL, "postgres", "");
             var s = c.createStatement()) {
            s.execute(statements);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
