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

    /**
     * A live blog of {@code posts} posts in CNN's line-per-paragraph layout (seed 003's), each with its own time,
     * headline, byline and two paragraphs; post {@code edited} (if any) has a sentence added to its last one.
     */
    static String liveBlog(int posts, int edited) {
        StringBuilder b = new StringBuilder("Russia-Ukraine news\n\nBy Christian Edwards, CNN\n\n"
                + "Updated 11:59 p.m. ET, July 8, 2023\n" + posts + " Posts\n\n");
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2023, 7, 8, 23, 59);
        for (int i = 0; i < posts; i++, t = t.minusMinutes(1)) {
            int hour = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
            b.append(hour).append(':').append(String.format("%02d", t.getMinute()))
                    .append(t.getHour() < 12 ? " a.m." : " p.m.").append(" ET, July ").append(t.getDayOfMonth())
                    .append(", 2023\n\n")
                    .append("Officials report developments in district number ").append(i).append("\n\n")
                    .append("From CNN's Jo Shelley and Olga Voitovych\n\n")
                    .append("Officials in district ").append(i).append(" said on Saturday that repairs to the grid ")
                    .append("had begun after the overnight strikes.\n\n")
                    .append("Residents were asked to limit their use of electricity until the evening.")
                    .append(i == edited ? " The regional governor later said power was back in most homes." : "")
                    .append("\n\n");
        }
        return b.toString();
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
        sql("truncate post_topic, post_revision, post, liveblog, document, source cascade");
    }

    /** The number the query answers, read in the test schema behind the service's back. */
    static long count(String query) {
        try (var c = java.sql.DriverManager.getConnection(dev.newsfeed.testing.TestSchema.JDBC_URL, "postgres", "");
             var s = c.createStatement(); var r = s.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
