package dev.newsfeed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages for people over plain HTTP: what they show, how they are kept and answered, and how they fail. */
@QuarkusTest
@TestProfile(SiteHttpTest.SmallPages.class)
class SiteHttpTest {

    /** Three posts a page, so the few posts of a fixture page through several. */
    public static class SmallPages implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsfeed.site.page-size", "3");
        }
    }

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    @BeforeEach
    void seed() {
        Seeds.truncate();
        Seeds.post(Seeds.text("003_224804e4c1447252.txt"), "https://edition.cnn.com/live-3", "2023-07-08T22:00:00Z");
        html("html-liveblog-with-figcaptions.html", "https://edition.cnn.com/live-figcaptions");
    }

    @Test
    void theHomePageListsTopicsSourcesAndLiveBlogsWithTheirFeeds() {
        Response r = given().header("Accept", HTML).get("/");
        r.then().statusCode(200).contentType("text/html; charset=utf-8")
                .header("Content-Security-Policy", equalTo(CSP))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Link", containsString("</feeds/all.atom>; rel=\"alternate\""));
        Document d = Jsoup.parse(r.asString());
        assertAccessible(d);
        assertAlternates(d, "/feeds/all");
        Element kherson = d.selectFirst("a[href=/topics/kherson-front]").closest("tr");
        long count = given().get("/api/topics/kherson-front").then().extract().jsonPath().getLong("postCount");
        assertTrue(count > 0);
        assertEquals(Long.toString(count), kherson.selectFirst("td.num").text());
        assertNotNull(kherson.selectFirst("a[href=/feeds/kherson-front.rss]"));
        assertNotNull(kherson.selectFirst("a[href=/feeds/kherson-front.atom]"));
        assertNotNull(kherson.selectFirst("a[href=/feeds/kherson-front.json]"));
        assertTrue(kherson.text().contains("4 Oct 2022, 14:35"), kherson.text());
        assertNotNull(d.selectFirst("a[href=/sources/cnn]"));
        assertNotNull(d.selectFirst("a[href=/feeds/sources/cnn.atom]"));
        assertNotNull(d.selectFirst("a[href=/feeds.opml]"));
        int liveblog = liveblogId("https://edition.cnn.com/live-3");
        Element blog = d.selectFirst("a[href=/liveblogs/" + liveblog + "]").parent();
        assertNotNull(blog.selectFirst("a[href=https://edition.cnn.com/live-3]"), blog.outerHtml());
        String css = d.selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(css.matches("/site\\.css\\?v=[0-9a-f]{12}"), "the stylesheet is named by its content: " + css);
        given().urlEncodingEnabled(false).get(css).then().statusCode(200).contentType(startsWith("text/css"));
        Element search = d.selectFirst("form[role=search]");
        assertEquals("/search", search.attr("action"));
        assertEquals("q", d.selectFirst("label[for=q]").nextElementSibling().attr("id"));
    }

    @Test
    void aTopicPagePagesWithTheApisCursorsAndOffersTheTopicsFeeds() {
        Seeds.post(Seeds.text("000_e3d03f88e765b43a.txt"), "https://edition.cnn.com/live-0", "2022-10-04T16:00:00Z")
                .then().statusCode(201);
        var topics = given().get("/api/topics").jsonPath();
        String topic = topics.getString("max { it.postCount }.slug");
        assertTrue(topics.getInt("max { it.postCount }.postCount") > 3, "a topic of more than a page");
        Document first = page("/topics/" + topic);
        assertAlternates(first, "/feeds/" + topic);
        assertEquals(topics.getString("find { it.slug == '" + topic + "' }.name"), first.selectFirst("h1").text());
        var api = given().queryParam("topic", topic).queryParam("limit", 3).get("/api/posts").jsonPath();
        assertEquals(api.getList("items.id"), postIds(first));
        String next = first.selectFirst("a[rel=next]").attr("href");
        assertEquals("/topics/" + topic + "?cursor=" + api.getString("nextCursor"), next);
        Document second = page(next);
        var api2 = given().queryParam("topic", topic).queryParam("limit", 3)
                .queryParam("cursor", api.getString("nextCursor")).get("/api/posts").jsonPath();
        assertEquals(api2.getList("items.id"), postIds(second));
        assertNotNull(second.selectFirst(".paging a[href=/topics/" + topic + "]"), "an older page links back to the newest");
        assertAlternates(second, "/feeds/" + topic);
    }

    @Test
    void sourceAndLiveBlogPagesShowTheirPostsAndFeeds() {
        Document source = page("/sources/cnn");
        assertEquals("CNN", source.selectFirst("h1").text());
        assertAlternates(source, "/feeds/sources/cnn");
        assertEquals(3, source.select("article.post").size());
        int liveblog = liveblogId("https://edition.cnn.com/live-figcaptions");
        Document blog = page("/liveblogs/" + liveblog);
        assertAlternates(blog, "/feeds/liveblogs/" + liveblog);
        assertNotNull(blog.selectFirst("a[href=https://edition.cnn.com/live-figcaptions]"));
        assertTrue(blog.select("article.post h2").eachText().contains("Ukrainian forces advance along the Dnipro River"));
        assertEquals(page("/liveblogs/" + liveblog).html(), page("/liveblogs/00" + liveblog).html(),
                "a live blog has one page whatever zeros its id is written with");
    }

    @Test
    void aPostPageShowsTimeBylineCaptionsEvidenceRevisionsAndTheOriginal() {
        String id = postId("Ukrainian forces advance along the Dnipro River");
        Seeds.sql("insert into post_revision (post_id, revision, headline, body, caption_texts, caption_credits, authors,"
                + " content_hash, document_id, recorded_at) select id, 1, 'Ukrainian forces advance near Kherson',"
                + " array['An earlier body.'], '{}', '{}', array['Jo Shelley'], 'x', document_id,"
                + " '2022-10-04T15:00:00Z' from post where id = '" + id + "'");
        Document d = page("/posts/" + id);
        assertAccessible(d);
        assertEquals("Ukrainian forces advance along the Dnipro River", d.selectFirst("h1").text());
        Element time = d.selectFirst("article time");
        assertEquals("2022-10-04T14:35:00Z", time.attr("datetime"));
        assertEquals("4 October 2022, 14:35 UTC", time.text());
        String meta = d.selectFirst("article .meta").text();
        assertTrue(meta.contains("(exact)") && meta.contains("Jo Shelley, Olga Voitovych"), meta);
        assertTrue(d.selectFirst("figcaption").text().contains("A Ukrainian soldier stands beside a howitzer")
                && d.selectFirst("figcaption .credit").text().equals("Credit: Kostyantin Gak/CNN"));
        assertEquals("https://edition.cnn.com/live-figcaptions#h_1", d.selectFirst("a.original").attr("href"));
        Element topic = d.selectFirst("ul.evidence a[href=/topics/kherson-front]").parent();
        assertTrue(topic.select("ul li").eachText().stream().anyMatch(t -> t.startsWith("“Kherson")),
                topic.outerHtml());
        Element revision = d.selectFirst("details");
        assertTrue(revision.selectFirst("summary").text().contains("4 October 2022, 15:00 UTC"));
        assertEquals("Ukrainian forces advance near Kherson", revision.selectFirst("h3").text());
        int liveblog = liveblogId("https://edition.cnn.com/live-figcaptions");
        assertAlternates(d, "/feeds/liveblogs/" + liveblog);
    }

    @Test
    void aPostsTimeSaysHowFarItCanBeTrusted() {
        text("cnn-relative-time-glued-to-headline.txt", "https://ci.example/relative");
        text("cnn-posts-without-timestamps.txt", "https://ci.example/untimed");
        Document relative = page("/posts/" + postId("Foreign ministers meet in Ankara"));
        assertEquals("about 5 October 2022, 11:48 UTC", relative.selectFirst("article time").text());
        assertTrue(relative.selectFirst("article .note").text().contains("“12 min ago”"));
        String untimed = given().get("/api/posts?source=cnn&limit=100").jsonPath()
                .getString("items.find { it.publishedAt == null }.id");
        Document unknown = page("/posts/" + untimed);
        assertNull(unknown.selectFirst("article time"));
        assertTrue(unknown.selectFirst("article .meta").text().contains("Time unknown"));
        assertTrue(unknown.selectFirst("article .note").text().startsWith("The page gave no time"));
    }

    @Test
    void hostileTextShowsAsTextAndIllegalCharactersAreDropped() {
        String id = postId("Ukrainian forces advance along the Dnipro River");
        Seeds.sql("update post set headline = '<script>alert(1)</script> & \"quotes\"' || chr(1),"
                + " body = array['<img src=x onerror=alert(2)>', '</p><p>'] where id = '" + id + "'");
        Response r = given().header("Accept", HTML).get("/posts/" + id);
        r.then().statusCode(200).header("Content-Security-Policy", equalTo(CSP));
        String html = r.asString();
        assertFalse(html.contains("<script>"), "no script element");
        assertFalse(html.contains("<img"), "no image element");
        assertFalse(html.contains("\u0001"), "no control character");
        Document d = Jsoup.parse(html);
        assertEquals("<script>alert(1)</script> & \"quotes\"", d.selectFirst("h1").text());
        assertTrue(d.select("article p").eachText().contains("<img src=x onerror=alert(2)>"));
        assertTrue(d.select("script, img").isEmpty());
        assertTrue(d.selectFirst("title").text().startsWith("<script>alert(1)</script>"));
    }

    @Test
    void searchRanksAndOffersTheSearchFeeds() {
        Document d = page("/search?q=Ukraine");
        assertAlternates(d, "/feeds/search", "?q=Ukraine");
        assertEquals("Ukraine", d.selectFirst("input#q").attr("value"), "the search stays in its box");
        var api = given().queryParam("q", "Ukraine").queryParam("limit", 3).get("/api/posts").jsonPath();
        assertEquals(api.getList("items.id"), postIds(d));
        assertEquals("/search?q=Ukraine&cursor=" + api.getString("nextCursor"),
                d.selectFirst("a[rel=next]").attr("href"));
        Document none = page("/search?q=zzzqqqxxx");
        assertTrue(none.select("article").isEmpty());
        assertNotNull(none.selectFirst("p.empty"));
        Document form = page("/search");
        assertTrue(form.select("article").isEmpty());
        assertEquals("", form.selectFirst("input#q").attr("value"));
    }

    @Test
    void pagesAreKeptWithStrongValidatorsAndGzipAndRenderedOncePerChange() throws IOException {
        // Without decoders RestAssured sends no Accept-Encoding of its own: the identity representation.
        var raw = RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        String first = given().config(raw).header("Accept", HTML).get("/topics/kherson-front").header("ETag");
        double before = renders();
        Response again = given().config(raw).header("Accept", HTML).get("/topics/kherson-front");
        assertEquals(first, again.header("ETag"));
        assertEquals(before, renders(), "a kept page is not rendered again");
        assertFalse(first.startsWith("W/"), "a strong validator");
        given().config(raw).header("If-None-Match", first).get("/topics/kherson-front").then().statusCode(304)
                .header("ETag", equalTo(first)).header("Vary", equalTo("Accept-Encoding"))
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=300"));
        Response gzipped = given().config(raw).header("Accept-Encoding", "gzip").get("/topics/kherson-front");
        gzipped.then().statusCode(200).header("Content-Encoding", equalTo("gzip"))
                .header("ETag", equalTo(first.replaceAll("\"$", "-gzip\"")));
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.asByteArray()))) {
            assertEquals(again.asString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        var head = given().config(raw).head("/topics/kherson-front");
        head.then().statusCode(200).header("ETag", equalTo(first));
        assertEquals(0, head.asByteArray().length);

        String home = given().get("/").header("ETag");
        double homeRendered = renders();
        text("guardian-clock-time-then-headline.txt", "https://ci.example/guardian");
        // This replica acts on its own change as soon as it commits: the next request renders the page anew.
        Response changed = given().header("Accept", HTML).get("/");
        assertNotEquals(home, changed.header("ETag"));
        assertNotNull(Jsoup.parse(changed.asString()).selectFirst("a[href=/sources/guardian]"));
        assertEquals(homeRendered + 1, renders());
    }

    @Test
    void errorsArePagesForBrowsersAndProblemsForApiClients() {
        for (String path : List.of("/topics/no-such-topic", "/sources/nobody", "/liveblogs/999999", "/liveblogs/abc",
                "/posts/not-a-uuid", "/posts/00000000-0000-0000-0000-000000000000", "/no/such/page")) {
            Response page = given().header("Accept", HTML).get(path);
            page.then().statusCode(404).contentType("text/html; charset=utf-8")
                    .header("Content-Security-Policy", equalTo(CSP));
            Document d = Jsoup.parse(page.asString());
            assertEquals("not found", d.selectFirst("h1").text().toLowerCase(java.util.Locale.ROOT), path);
            assertAccessible(d);
            given().header("Accept", "application/json").get(path).then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        Response badCursor = given().header("Accept", HTML).get("/topics/kherson-front?cursor=not-ours");
        badCursor.then().statusCode(400).contentType(startsWith("text/html"));
        assertTrue(Jsoup.parse(badCursor.asString()).selectFirst("main").text().contains("cursor"));
        given().header("Accept", HTML).urlEncodingEnabled(false).get("/search?q=a%01b").then().statusCode(400)
                .contentType(startsWith("text/html")).body(containsString("\\u0001"));
        given().header("Accept", HTML).urlEncodingEnabled(false).get("/topics/a%7Fb").then().statusCode(400);
        given().header("Accept", HTML).post("/").then().statusCode(405).header("Allow", equalTo("GET, HEAD"))
                .contentType(startsWith("text/html"));
        given().post("/topics/kherson-front").then().statusCode(405).contentType("application/problem+json");
        // The hostile part of a bad request is shown as text too.
        Response hostile = given().header("Accept", HTML).get("/topics/<script>x</script>");
        hostile.then().statusCode(404);
        assertFalse(hostile.asString().contains("<script>"));
        // The API and the feeds keep problems even for a browser.
        given().header("Accept", HTML).get("/api/posts/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Accept", HTML).get("/feeds/no-such-topic.atom").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Accept", "application/json, text/html;q=0.9").get("/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void feedsLinkBackToTheMatchingPages() {
        String base = "http://localhost:8080";
        int liveblog = liveblogId("https://edition.cnn.com/live-3");
        String id = postId("Ukrainian forces advance along the Dnipro River");
        // Before any feed is kept: a post whose page is unknown links to its page here.
        Seeds.sql("update liveblog set url = null where url = 'https://edition.cnn.com/live-figcaptions'");
        assertEquals(base + "/topics/kherson-front",
                given().get("/feeds/kherson-front.json").jsonPath().getString("home_page_url"));
        assertEquals(base + "/", given().get("/feeds/all.json").jsonPath().getString("home_page_url"));
        assertEquals(base + "/sources/cnn", given().get("/feeds/sources/cnn.json").jsonPath().getString("home_page_url"));
        assertEquals(base + "/liveblogs/" + liveblog,
                given().get("/feeds/liveblogs/" + liveblog + ".json").jsonPath().getString("home_page_url"));
        assertEquals(base + "/search?q=NATO+summit",
                given().queryParam("q", "NATO summit").get("/feeds/search.json").jsonPath().getString("home_page_url"));
        given().get("/feeds/kherson-front.atom").then()
                .body(containsString("<link rel=\"alternate\" type=\"text/html\" href=\"" + base + "/topics/kherson-front\""));
        given().get("/feeds/kherson-front.rss").then()
                .body(containsString("<link>" + base + "/topics/kherson-front</link>"));
        assertTrue(given().get("/feeds/all.json").jsonPath().getList("items.url").contains(base + "/posts/" + id));
    }

    private static void assertAccessible(Document d) {
        assertEquals("en", d.selectFirst("html").attr("lang"));
        assertEquals(1, d.select("h1").size(), "one h1");
        assertNotNull(d.selectFirst("header"));
        assertNotNull(d.selectFirst("main#main"));
        assertNotNull(d.selectFirst("a.skip[href=#main]"));
        Element input = d.selectFirst("input#q");
        assertNotNull(d.selectFirst("label[for=q]"), "the search box has a label");
        assertEquals("search", input.attr("type"));
    }

    private static void assertAlternates(Document d, String feedPath) {
        assertAlternates(d, feedPath, "");
    }

    private static void assertAlternates(Document d, String feedPath, String query) {
        assertEquals(feedPath + ".rss" + query, d.selectFirst("link[rel=alternate][type=application/rss+xml]").attr("href"));
        assertEquals(feedPath + ".atom" + query, d.selectFirst("link[rel=alternate][type=application/atom+xml]").attr("href"));
        assertEquals(feedPath + ".json" + query, d.selectFirst("link[rel=alternate][type=application/feed+json]").attr("href"));
        for (Element link : d.select("link[rel=alternate]")) {
            given().urlEncodingEnabled(false).get(link.attr("href")).then().statusCode(200);
        }
    }

    private static Document page(String path) {
        Response r = given().header("Accept", HTML).urlEncodingEnabled(false).get(path);
        r.then().statusCode(200).contentType("text/html; charset=utf-8").header("Content-Security-Policy", equalTo(CSP));
        return Jsoup.parse(r.asString());
    }

    private static List<String> postIds(Document d) {
        return d.select("article.post h2 a").eachAttr("href").stream().map(h -> h.substring("/posts/".length())).toList();
    }

    private static double renders() {
        Matcher m = Pattern.compile("(?m)^newsfeed_site_renders_total(?:\\{[^}]*})? ([0-9.E+]+)$")
                .matcher(given().get("/q/metrics").asString());
        assertTrue(m.find(), "the render counter is exported");
        return Double.parseDouble(m.group(1));
    }

    private static int liveblogId(String url) {
        return given().get("/api/liveblogs").then().statusCode(200).extract()
                .path("find { it.url == '" + url + "' }.id");
    }

    private static String postId(String headline) {
        return given().queryParam("limit", 100).get("/api/posts").jsonPath()
                .getString("items.find { it.headline == '" + headline + "' }.id");
    }

    private static void text(String fixture, String url) {
        given().auth().oauth2(Seeds.TOKEN).contentType("text/plain; charset=UTF-8").body(fixture(fixture))
                .queryParam("url", url).queryParam("retrievedAt", "2022-10-05T12:00:00Z")
                .post("/api/documents").then().statusCode(201);
    }

    private static void html(String fixture, String url) {
        given().auth().oauth2(Seeds.TOKEN).contentType("text/html; charset=UTF-8").body(fixture(fixture))
                .queryParam("url", url).queryParam("retrievedAt", "2022-10-05T12:00:00Z")
                .post("/api/documents").then().statusCode(201);
    }

    private static String fixture(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/forms", name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
