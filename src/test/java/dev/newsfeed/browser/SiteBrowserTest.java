package dev.newsfeed.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The pages in a real browser (Debian's Chromium, driven by chromedriver) against a running service:
 * {@code ./mvnw -Pbrowser test -Dsite.baseUrl=http://127.0.0.1:18080 -Dsite.token=...}, as .ci/run does. Not part
 * of the default test run, and outside dev.newsfeed.site so that a focused run of the site's tests leaves it out too.
 * Screenshots go to target/screenshots/.
 */
class SiteBrowserTest {

    private static final String BASE = System.getProperty("site.baseUrl", "http://127.0.0.1:18080");
    private static final String TOKEN = System.getProperty("site.token", "ci-token");
    private static final Path SHOTS = Path.of("target", "screenshots");
    /** A post as hostile as a page can make it: markup and script in its headline and body. */
    private static final String HOSTILE = """
            Live updates: <script>alert("x")</script> hostile test page

            Updated 10:00 a.m. ET, October 6, 2022

            9:58 a.m. ET, October 6, 2022

            <script>alert(1)</script> Kherson shelled & "quoted"
            From CNN staff

            The text says <img src=x onerror=alert(2)> and </p><script>document.title="pwned"</script> near Kherson.
            """;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        profile = Files.createTempDirectory("newsfeed-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("site.chromium", "/usr/bin/chromium"));
        // Without the background-networking flags Chromium's own connections are refused by the closed network.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1280,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("site.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1280, 1800));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void everyPageKindLoadsWithoutConsoleErrorsAndItsFeedsAnswer() throws Exception {
        for (String path : pages()) {
            open(path);
            assertNoConsoleErrors(path);
            assertEquals(1, browser.findElements(By.tagName("h1")).size(), path);
            String header = browser.findElement(By.cssSelector("header.site")).getCssValue("background-color");
            assertEquals("rgba(122, 31, 31, 1)", header, path + ": the stylesheet is applied, under the CSP");
            List<WebElement> alternates = browser.findElements(By.cssSelector("link[rel=alternate]"));
            assertEquals(List.of("application/rss+xml", "application/atom+xml", "application/feed+json"),
                    alternates.stream().map(l -> l.getDomAttribute("type")).toList(), path);
            for (WebElement link : alternates) {
                String feed = link.getDomProperty("href");
                HttpResponse<String> r = get(feed);
                assertEquals(200, r.statusCode(), path + " offers " + feed);
            }
        }
    }

    @Test
    void anErrorIsAPageAndTheConsoleSaysSo() {
        open("/topics/no-such-topic");
        assertEquals("Not found", browser.findElement(By.tagName("h1")).getText());
        // The one console error here is the 404 itself: it shows the console is read, so a page with none is clean.
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("404"), errors.get(0));
    }

    @Test
    void olderPagesAreReachedByClicking() {
        String source = busiestSource();
        open("/sources/" + source);
        // Posts are told apart by their links: two posts of a source can share a headline ("Women's World Cup").
        List<String> first = postLinks();
        assertEquals(20, first.size(), "a full first page");
        browser.findElement(By.cssSelector("a[rel=next]")).click();
        awaitUrl(url -> url.contains("/sources/" + source + "?cursor="));
        assertNoConsoleErrors("the second page");
        List<String> second = postLinks();
        assertFalse(second.isEmpty());
        assertTrue(second.stream().noneMatch(first::contains), "the second page holds other posts");
        browser.findElement(By.linkText("← Newest posts")).click();
        awaitUrl(url -> url.equals(BASE + "/sources/" + source));
        assertEquals(first, postLinks());
    }

    @Test
    void searchWorksByTypingAndClicking() {
        open("/");
        browser.findElement(By.id("q")).sendKeys("Kherson");
        browser.findElement(By.cssSelector("form[role=search] button")).click();
        awaitUrl(url -> url.equals(BASE + "/search?q=Kherson"));
        assertNoConsoleErrors("the search");
        assertEquals("Search: Kherson", browser.findElement(By.tagName("h1")).getText());
        assertFalse(headlines().isEmpty(), "Kherson is found");
        assertEquals("Kherson", browser.findElement(By.id("q")).getDomProperty("value"));
        assertEquals(BASE + "/feeds/search.atom?q=Kherson",
                browser.findElement(By.cssSelector("link[type='application/atom+xml']")).getDomProperty("href"));
    }

    @Test
    void aPostWithHostileTextShowsItAsText() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(BASE
                        + "/api/documents?url=https://ci.example/hostile&retrievedAt=2022-10-06T15:00:00Z"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(HOSTILE)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.body());
        String id = JSON.readTree(r.body()).get("postIds").get(0).asText();
        open("/posts/" + id);
        assertNoConsoleErrors("the hostile post");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertEquals("<script>alert(1)</script> Kherson shelled & \"quoted\"",
                browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.cssSelector("article.post")).getText()
                .contains("The text says <img src=x onerror=alert(2)> and </p><script>document.title=\"pwned\"</script>"));
        JavascriptExecutor js = browser;
        assertEquals(0L, js.executeScript("return document.scripts.length + document.images.length"));
        assertNotEquals("pwned", browser.getTitle());
    }

    @Test
    void keyboardFocusIsVisible() {
        open("/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("Skip to the content", focused.getText());
        assertEquals("solid", focused.getCssValue("outline-style"));
        assertNotEquals("0px", focused.getCssValue("outline-width"));
    }

    @Test
    void screenshotsOfTheHomeATopicAndAPost() throws Exception {
        String topic = busiestTopic();
        String post = JSON.readTree(get(BASE + "/api/posts?topic=" + topic + "&limit=1").body())
                .get("items").get(0).get("id").asText();
        Map<String, String> shots = Map.of("home.png", "/", "topic.png", "/topics/" + topic,
                "post.png", "/posts/" + post);
        for (var shot : shots.entrySet()) {
            open(shot.getValue());
            Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SHOTS.resolve(shot.getKey()), StandardCopyOption.REPLACE_EXISTING);
            assertTrue(Files.size(SHOTS.resolve(shot.getKey())) > 10_000, shot.getKey());
        }
    }

    /** One page of every kind, with ids and slugs the running service has. */
    private static List<String> pages() throws Exception {
        JsonNode blogs = JSON.readTree(get(BASE + "/api/liveblogs").body());
        String post = JSON.readTree(get(BASE + "/api/posts?limit=1").body()).get("items").get(0).get("id").asText();
        List<String> out = new ArrayList<>(List.of("/", "/topics/" + busiestTopic(), "/sources/" + busiestSource(),
                "/liveblogs/" + blogs.get(0).get("id").asText(), "/posts/" + post, "/search?q=NATO", "/search"));
        return out;
    }

    private static String busiestTopic() {
        return busiest("/api/topics", "slug", "postCount");
    }

    private static String busiestSource() {
        return busiest("/api/sources", "slug", "postCount");
    }

    private static String busiest(String path, String key, String count) {
        try {
            JsonNode best = null;
            for (JsonNode n : JSON.readTree(get(BASE + path).body())) {
                if (best == null || n.get(count).asLong() > best.get(count).asLong()) {
                    best = n;
                }
            }
            assertNotNull(best, path + " lists something");
            return best.get(key).asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for the navigation a click started: the driver may answer the next command while the browser is
     * still on the old page (a form's submit, seen in CI), and the old page's URL and headlines would be read.
     */
    private static void awaitUrl(java.util.function.Predicate<String> arrived) {
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(d -> arrived.test(d.getCurrentUrl()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the click led to " + browser.getCurrentUrl(), e);
        }
    }

    private static void open(String path) {
        browser.get(BASE + path);
    }

    private static List<String> headlines() {
        return browser.findElements(By.cssSelector("article.post h2")).stream().map(WebElement::getText).toList();
    }

    /** Each listed post's own address, which no other post shares. */
    private static List<String> postLinks() {
        return browser.findElements(By.cssSelector("article.post h2 a")).stream().map(a -> a.getAttribute("href"))
                .toList();
    }

    /** Errors the page logged (a failed load, a CSP violation, a script error) since the last look. */
    private static void assertNoConsoleErrors(String what) {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
        assertEquals(List.of(), errors, what);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
