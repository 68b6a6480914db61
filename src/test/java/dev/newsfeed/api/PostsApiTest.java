package dev.newsfeed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostsApiTest {

    @BeforeEach
    void seed() {
        Seeds.truncate();
        Seeds.post(Seeds.text("000_e3d03f88e765b43a.txt"), "https://edition.cnn.com/live-1", "2022-10-05T06:00:00Z");
        Seeds.post(Seeds.text("002_6765f3dc99b5e53b.txt"), null, "2022-10-04T12:00:00Z");
    }

    /** The seed of September 2022 as well, for tests that need all three CNN pages. */
    private static void postSeptember() {
        Seeds.post(Seeds.text("001_bc022891e7d8fe1f.txt"), "https://edition.cnn.com/live-2", "2022-09-11T02:00:00Z");
    }

    @Test
    void walkingAllPagesWhileInsertingReturnsExactlyThePostsBehindTheCursor() {
        Set<String> before = new HashSet<>(given().queryParam("limit", 100).get("/api/posts").jsonPath()
                .getList("items.id"));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        Map<String, Object> lastBeforeInsert = null;
        int pages = 0;
        do {
            var request = given().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/posts");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("nextCursor");
            if (pages == 1) {
                lastBeforeInsert = page.jsonPath().getMap("items[-1]");
                // New posts arrive mid-walk: newer ones (July 2023), which the walk has passed, and older ones
                // (September 2022), which it has still to reach.
                Seeds.post(Seeds.text("003_224804e4c1447252.txt"), "https://edition.cnn.com/live-3",
                        "2023-07-08T22:00:00Z");
                Seeds.post(Seeds.text("001_bc022891e7d8fe1f.txt"), "https://edition.cnn.com/live-2",
                        "2022-09-11T02:00:00Z");
            }
            pages++;
        } while (cursor != null && pages < 50);
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a post came twice: " + seen);
        List<Map<String, Object>> now = given().queryParam("limit", 100).get("/api/posts").jsonPath().getList("items");
        Set<String> expected = new HashSet<>(before);
        for (Map<String, Object> post : now) {
            if (!before.contains(post.get("id")) && walksAfter(post, lastBeforeInsert)) {
                expected.add((String) post.get("id"));
            }
        }
        assertTrue(expected.size() > before.size(), "the test inserts posts the walk still has to reach");
        assertEquals(expected, new HashSet<>(seen));
    }

    /** Whether {@code post} comes after {@code cursor} in the API's order: newest first, undated last, then by id. */
    private static boolean walksAfter(Map<String, Object> post, Map<String, Object> cursor) {
        String t = (String) post.get("publishedAt");
        String c = (String) cursor.get("publishedAt");
        int byTime = t == null ? (c == null ? 0 : 1) : c == null ? -1 : java.time.Instant.parse(c)
                .compareTo(java.time.Instant.parse(t));
        // PostgreSQL orders uuids as unsigned bytes, which is the order of their lower-case hex.
        return byTime > 0 || byTime == 0 && ((String) cursor.get("id")).compareTo((String) post.get("id")) > 0;
    }

    @Test
    void postsOfUnknownTimeComeLast() {
        Response all = given().queryParam("limit", 100).get("/api/posts");
        List<String> times = all.jsonPath().getList("items.publishedAt");
        int firstNull = times.indexOf(null);
        assertTrue(firstNull > 0);
        for (int i = firstNull; i < times.size(); i++) {
            assertEquals(null, times.get(i), "dated post after an undated one");
        }
    }

    @Test
    void aLargePageIsTheSameJsonAsTheSmallPagesItCovers() {
        postSeptember();
        Seeds.post(Seeds.text("003_224804e4c1447252.txt"), "https://edition.cnn.com/live-3", "2023-07-08T22:00:00Z");
        Response large = given().queryParam("limit", 24).get("/api/posts");
        large.then().statusCode(200).contentType("application/json").header("Link", startsWith("<http"));
        List<Map<String, Object>> small = new ArrayList<>(given().queryParam("limit", 12).get("/api/posts").jsonPath()
                .getList("items"));
        Response second = given().queryParam("limit", 12)
                .queryParam("cursor", given().queryParam("limit", 12).get("/api/posts").jsonPath().getString("nextCursor"))
                .get("/api/posts");
        small.addAll(second.jsonPath().getList("items"));
        assertEquals(small, large.jsonPath().getList("items"));
        assertEquals(second.jsonPath().getString("nextCursor"), large.jsonPath().getString("nextCursor"));
    }

    @Test
    void nextPageIsLinkedInTheHeader() {
        given().queryParam("limit", 2).get("/api/posts").then().statusCode(200)
                .header("Link", startsWith("<http")).body("nextCursor", not(nullValue()));
    }

    @Test
    void everyPostOfAFilteredPageHasTheFilter() {
        postSeptember();
        int all = given().queryParam("limit", 100).get("/api/posts").jsonPath().getList("items").size();
        List<List<String>> topics = given().queryParam("topic", "mobilization").queryParam("limit", 100)
                .get("/api/posts").then().statusCode(200).extract().path("items.topics.slug");
        assertTrue(!topics.isEmpty() && topics.size() < all, topics.size() + " of " + all);
        assertTrue(topics.stream().allMatch(t -> t.contains("mobilization")), topics::toString);
        List<String> sources = given().queryParam("source", "rferl").queryParam("limit", 100).get("/api/posts")
                .then().extract().path("items.source");
        assertEquals(List.of("rferl"), sources);
        given().queryParam("q", "Kazakhstan").get("/api/posts").then()
                .body("items[0].headline", equalTo(
                        "More than 200,000 Russians have entered Kazakhstan since Putin's military escalation"));
        List<String> times = given().queryParam("since", "2022-10-04T13:00:00Z")
                .queryParam("until", "2022-10-04T14:00:00Z").queryParam("limit", 100).get("/api/posts")
                .then().extract().path("items.publishedAt");
        assertEquals(2, times.size(), times::toString);
        assertTrue(times.stream().allMatch(t -> t.compareTo("2022-10-04T13:00:00Z") >= 0
                && t.compareTo("2022-10-04T14:00:00Z") < 0), times::toString);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTopicPageListsItsPostsInTheOrderOfAllPosts() {
        // A topic's page walks the topic's own index, whose sort key is copied from each post as links are written.
        postSeptember();
        List<Map<String, Object>> all = given().queryParam("limit", 100).get("/api/posts").jsonPath().getList("items");
        List<Object> expected = all.stream()
                .filter(p -> ((List<Map<String, Object>>) p.get("topics")).stream()
                        .anyMatch(t -> "kherson-front".equals(t.get("slug"))))
                .map(p -> p.get("id")).toList();
        List<Object> page = given().queryParam("topic", "kherson-front").queryParam("limit", 100).get("/api/posts")
                .jsonPath().getList("items.id");
        assertTrue(expected.size() > 2, expected::toString);
        assertEquals(expected, page);
    }

    @Test
    void aPostHasEveryFieldClientsRelyOn() {
        String id = given().queryParam("q", "Kazakhstan").get("/api/posts").jsonPath().getString("items[0].id");
        given().get("/api/posts/" + id).then().statusCode(200)
                .body("timestampText", equalTo("8:07 a.m. ET, October 4, 2022"))
                .body("publishedAt", equalTo("2022-10-04T12:07:00Z"))
                .body("publishedAtPrecision", equalTo("exact"))
                .body("authors", equalTo(List.of("Eve Brennan")))
                .body("captions[0].credit", equalTo("AP"))
                .body("topics[0].slug", equalTo("mobilization"))
                .body("source", equalTo("cnn"))
                .body("headlinePrinted", equalTo(true))
                .body("complete", equalTo(true))
                .body("labels", equalTo(List.of()))
                .body("revision", equalTo(1));
    }

    @Test
    void searchPagesByRankWithoutRepeats() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int n = 0;
        do {
            var request = given().queryParam("limit", 2).queryParam("q", "Ukrainian forces");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/posts");
            for (Object id : page.jsonPath().getList("items.id")) {
                assertTrue(seen.add((String) id), "repeated " + id);
            }
            cursor = page.jsonPath().getString("nextCursor");
            n++;
        } while (cursor != null && n < 30);
        assertTrue(seen.size() > 2);
    }

    @Test
    void errorsAreProblemResponses() {
        given().queryParam("cursor", "garbage!").get("/api/posts").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
        given().queryParam("limit", 0).get("/api/posts").then().statusCode(400);
        given().queryParam("limit", 101).get("/api/posts").then().statusCode(400);
        given().queryParam("since", "yesterday").get("/api/posts").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/posts/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/posts/" + java.util.UUID.randomUUID()).then().statusCode(404);
        given().get("/api/liveblogs/999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/liveblogs/abc").then().statusCode(404);
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void liveblogsAndSourcesAreListed() {
        given().get("/api/sources").then().statusCode(200).body("slug", hasItem("rferl"));
        int id = given().get("/api/liveblogs").jsonPath().getInt("[0].id");
        given().get("/api/liveblogs/" + id).then().statusCode(200).body("posts", hasSize(9));
    }
}
