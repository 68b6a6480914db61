package dev.newsfeed.follow;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** As shipped (NEWSFEED_FOLLOW_ALLOW_PRIVATE unset): no follow reaches loopback or a private network. */
@QuarkusTest
class FollowsSafetyTest {

    private PageServer server;

    @BeforeEach
    void start() {
        FollowReplicasTest.sql("truncate follow");
        server = PageServer.start();
        server.page("/live", () -> PageServer.liveBlog(0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loopbackIsRefusedByDefaultByAddressAndByName() {
        // By name too: localhost is refused for what it resolves to.
        for (String url : new String[] {server.url("/live"), "http://localhost:" + server.port() + "/live",
                "http://[::1]:" + server.port() + "/live", "http://10.0.0.1/live", "http://192.168.1.1/"}) {
            given().auth().oauth2("test-token").contentType("application/json").body("{\"url\": \"" + url + "\"}")
                    .post("/api/follows").then().statusCode(422).contentType("application/problem+json")
                    .body("title", equalTo("Address refused"))
                    .body("detail", containsString("NEWSFEED_FOLLOW_ALLOW_PRIVATE"));
        }
        given().get("/api/follows").then().body("items", hasSize(0));
        assertEquals(0, server.hits("/live"), "nothing was sent to a refused address");
    }
}
