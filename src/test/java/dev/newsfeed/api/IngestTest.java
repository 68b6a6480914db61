package dev.newsfeed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IngestTest {

    private static final String URL = "https://edition.cnn.com/europe/live-news/russia-ukraine-war-news-07-08-23/index.html";

    @BeforeEach
    void empty() {
        Seeds.truncate();
    }

    @Test
    void ingestingTwiceCreatesPostsOnceAndAnswers200WithTheSameIds() {
        String page = Seeds.text("003_224804e4c1447252.txt");
        Response first = Seeds.post(page, URL, "2023-07-08T22:00:00Z");
        first.then().statusCode(201).body("created", equalTo(9)).body("postIds", hasSize(9))
                .body("confidence", equalTo("high")).body("warnings", hasSize(0));
        Response second = Seeds.post(page, URL, "2023-07-08T22:00:00Z");
        second.then().statusCode(200).body("created", equalTo(0)).body("unchanged", equalTo(9));
        assertEquals(new HashSet<>(first.jsonPath().getList("postIds")),
                new HashSet<>(second.jsonPath().getList("postIds")));
        given().queryParam("limit", 100).get("/api/posts").then().body("items", hasSize(9));
    }

    @Test
    void eightIdenticalIngestsInParallelCreateThePostsOnce() throws Exception {
        String page = Seeds.text("000_e3d03f88e765b43a.txt");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> Seeds.post(page, "https://example.com/live", "2022-10-05T06:00:00Z").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        given().queryParam("limit", 100).get("/api/posts").then().body("items", hasSize(9));
    }

    @Test
    void anEditedPostKeepsItsIdAndGainsARevision() {
        String page = Seeds.text("003_224804e4c1447252.txt");
        Response first = Seeds.post(page, URL, "2023-07-08T22:00:00Z");
        String edited = page.replace("Earlier, officials had reported six dead and several injured.",
                "Earlier, officials had reported six dead and 11 injured.");
        Response second = Seeds.post(edited, URL, "2023-07-08T23:00:00Z");
        second.then().statusCode(201).body("created", equalTo(0)).body("updated", equalTo(1))
                .body("unchanged", equalTo(8));
        assertEquals(new HashSet<>(first.jsonPath().getList("postIds")),
                new HashSet<>(second.jsonPath().getList("postIds")));
    }

    @Test
    void aPostWhoseHeadlineWasEditedKeepsItsIdByItsOpeningAlsoWhenStoredBeforeOpeningsWereKept() {
        String page = Seeds.text("003_224804e4c1447252.txt");
        String stamp = "11:29 a.m. ET, July 8, 2023\n\n";
        String headline = "Ukrainian officials report gains around embattled eastern city of Bakhmut";
        Response first = Seeds.post(page, URL, "2023-07-08T22:00:00Z");
        // Posts stored before the opening's key was kept beside them have none: their body is read instead.
        Seeds.sql("update post set opening_key = null");
        for (String edit : List.of("Ukraine says its artillery is pushing Russian troops back near Bakhmut",
                "Ukraine's gunners say Russia is falling back near Bakhmut")) {
            Response again = Seeds.post(page.replace(stamp + headline, stamp + edit), URL, "2023-07-08T23:00:00Z");
            again.then().statusCode(201).body("created", equalTo(0)).body("updated", equalTo(1))
                    .body("unchanged", equalTo(8));
            assertEquals(new HashSet<>(first.jsonPath().getList("postIds")),
                    new HashSet<>(again.jsonPath().getList("postIds")));
        }
    }

    @Test
    void aPageWithNothingToExtractIs422AndIsKept() {
        String page = "   \n\u0000\u0001\u0002binary\u0000\u0000\u0000\u0000";
        String detail = Seeds.post(page, null, null)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("kept")).extract().path("detail");
        given().get("/api/sources").then().body("[0].documentCount", equalTo(1));
        // Sent again: the same reason, and still one kept document.
        Seeds.post(page, null, null).then().statusCode(422).body("detail", equalTo(detail));
        given().get("/api/sources").then().body("[0].documentCount", equalTo(1));
    }

    @Test
    void missingOrWrongTokenIs401() {
        given().contentType("text/plain").body("x").post("/api/documents")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("wrong").contentType("text/plain").body("x").post("/api/documents")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "a".repeat(10 * 1024 * 1024 + 1);
        Seeds.post(big, null, null).then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void previewExtractsWithoutStoring() {
        given().contentType("text/plain").body(Seeds.text("003_224804e4c1447252.txt")).post("/api/extract")
                .then().statusCode(200).body("document.posts", hasSize(9))
                .body("topics", hasSize(9));
        given().get("/api/posts").then().body("items", hasSize(0));
    }

    @Test
    void aPageServedAsBareHtmlIsReadInTheCharsetItsMetaDeclares() {
        String page = "<!DOCTYPE html><html lang=\"uk\"><head><meta charset=\"windows-1251\"><title>Новини</title></head>"
                + "<body><article><h1>Київ відновлює енергопостачання</h1><p>КИЇВ — Енергетики відновили світло"
                + " у столиці після нічного обстрілу, повідомила міська влада.</p><p>Ремонт триває.</p></article>"
                + "</body></html>";
        given().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/html").body(page.getBytes(Charset.forName("windows-1251"))).post("/api/extract")
                .then().statusCode(200).body("document.posts[0].headline", equalTo("Київ відновлює енергопостачання"));
    }

    @Test
    void aPreviewOfAPageWithNothingToReadIs422WithTheReason() {
        given().contentType("text/plain").body("   \n  ").post("/api/extract").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("empty"));
        given().contentType("text/plain").body("hello").post("/api/extract").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("No post or article"));
    }

    @Test
    void aReIngestChangingOnePostOfAThousandWritesOnePostAndOneRevision() {
        String url = "https://example.com/live-thousand";
        Seeds.post(Seeds.liveBlog(1000, -1), url, "2023-07-09T00:00:00Z").then().statusCode(201)
                .body("created", equalTo(1000));
        Seeds.sql("create table written_before as select id, xmin::text as x from post");
        try {
            Seeds.post(Seeds.liveBlog(1000, 500), url, "2023-07-09T00:10:00Z").then().statusCode(201)
                    .body("created", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(999));
            // A row written again gets a new xmin: exactly one post row was, and one revision kept.
            Seeds.sql("create table written_after as select count(*) as n from post p join written_before b "
                    + "on b.id = p.id where p.xmin::text <> b.x");
            assertEquals(1, Seeds.count("select n from written_after"));
            assertEquals(1, Seeds.count("select count(*) from post_revision"));
        } finally {
            Seeds.sql("drop table if exists written_before; drop table if exists written_after");
        }
    }

    @Test
    void quotesBackslashesAndBracesInParagraphsAndBylinesAreStoredAsWritten() {
        String odd = "He said \"no\" \\ {a,b}, NULL and \\\"quoted\\\" text, then left.";
        String page = Seeds.liveBlog(2, -1).replace("Residents were asked to limit their use of electricity until "
                + "the evening.", odd);
        Seeds.post(page, "https://example.com/live-odd", "2023-07-09T00:00:00Z").then().statusCode(201)
                .body("created", equalTo(2));
        given().get("/api/posts").then().statusCode(200)
                .body("items[0].body[1]", equalTo(odd)).body("items[1].body[1]", equalTo(odd))
                .body("items[0].authors", equalTo(List.of("Jo Shelley", "Olga Voitovych")));
    }

    @Test
    void photoCaptionsWithoutACreditAreStoredAndShownWithoutOne() {
        String page = "<!DOCTYPE html><html><head><title>Storm live: latest updates</title></head><body>"
                + "<div class=\"posts\">"
                + ("<article class=\"post\"><time datetime=\"2024-03-06T10:%1$02dZ\">10:%1$02d</time>"
                + "<h2>Trains cancelled in the west, update %1$d</h2>"
                + "<p>All trains west of Plymouth have been cancelled for the rest of the day, the operator said.</p>"
                + "<figure><img src=\"a.jpg\"><figcaption>A closed station in Cornwall on Wednesday</figcaption>"
                + "</figure></article>").formatted(10) + ("<article class=\"post\"><time datetime=\"2024-03-06T10:%1$02dZ\">"
                + "10:%1$02d</time><h2>Schools closed, update %1$d</h2><p>More than 200 schools are closed because of"
                + " the storm, the council said.</p></article>").formatted(20)
                + ("<article class=\"post\"><time datetime=\"2024-03-06T10:%1$02dZ\">10:%1$02d</time><h2>Winds of "
                + "100mph, update %1$d</h2><p>Gusts of over 100mph were recorded overnight, forecasters said.</p>"
                + "</article>").formatted(30) + "</div></body></html>";
        given().auth().oauth2(Seeds.TOKEN).contentType("text/html; charset=UTF-8").body(page)
                .queryParam("url", "https://example.com/storm-live").queryParam("retrievedAt", "2024-03-06T11:00:00Z")
                .post("/api/documents").then().statusCode(201).body("created", equalTo(3));
        given().queryParam("q", "Plymouth").get("/api/posts").then().statusCode(200)
                .body("items[0].captions[0].text", equalTo("A closed station in Cornwall on Wednesday"))
                .body("items[0].captions[0].credit", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aPageReadAgainWithNoPostChangedKeepsOneUnchangedCopy() {
        String url = "https://example.com/live-refreshed";
        String page = Seeds.text("003_224804e4c1447252.txt");
        Seeds.post(page, url, "2023-07-08T22:00:00Z").then().statusCode(201).body("created", equalTo(9));
        for (int fetch = 1; fetch <= 3; fetch++) {
            // The page's own clock moved on; not one post changed.
            Seeds.post(page.replace("Updated 5:38 p.m. ET", "Updated 5:4" + fetch + " p.m. ET"), url,
                    "2023-07-08T22:0" + fetch + ":00Z").then().statusCode(201).body("unchanged", equalTo(9));
        }
        assertEquals(2, Seeds.count("select count(*) from document"), "the first copy and the latest unchanged one");
        given().queryParam("limit", 100).get("/api/posts").then().body("items", hasSize(9));
    }

    @Test
    void newPagesOfANewSourceAndOnePageUnderTwoAddressesIngestedAtOnceAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String page = Seeds.liveBlog(3, -1).replace("district number", "district " + i + " number");
            calls.add(() -> given().auth().oauth2(Seeds.TOKEN).contentType("text/plain; charset=UTF-8").body(page)
                    .queryParam("source", "brand-new-outlet").queryParam("url", "https://new.example/" + page.hashCode())
                    .post("/api/documents").statusCode());
        }
        String same = Seeds.text("002_6765f3dc99b5e53b.txt");
        for (int i = 0; i < 2; i++) {
            String url = "https://mirror" + i + ".example/article";
            calls.add(() -> Seeds.post(same, url, "2022-10-05T12:00:00Z").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(List.of(201, 201, 201, 201, 201, 201), statuses.subList(0, 6), statuses.toString());
        assertEquals(Set.of(200, 201), Set.copyOf(statuses.subList(6, 8)), statuses.toString());
    }

    @Test
    void reprocessUpdatesPostsInPlace() {
        Response first = Seeds.post(Seeds.text("003_224804e4c1447252.txt"), URL, "2023-07-08T22:00:00Z");
        Set<Object> ids = new HashSet<>(first.jsonPath().getList("postIds"));
        given().auth().oauth2(Seeds.TOKEN).post("/api/documents/reprocess").then().statusCode(202)
                .header("Location", endsWith("/api/documents/reprocess"));
        Response done = Seeds.awaitReprocessing();
        done.then().body("documentsDone", equalTo(1)).body("postsCreated", equalTo(0))
                .body("postsUnchanged", equalTo(9));
        List<String> after = given().queryParam("limit", 100).get("/api/posts").jsonPath().getList("items.id");
        assertEquals(ids, new HashSet<>(after));
    }
}
