package dev.newsfeed.feed;

import dev.newsfeed.cache.Changes;
import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.post.Cursor;
import dev.newsfeed.post.PostFilter;
import dev.newsfeed.post.PostPage;
import dev.newsfeed.post.PostQueries;
import dev.newsfeed.post.PostView;
import dev.newsfeed.web.KeptRenders;
import dev.newsfeed.web.ProblemException;
import dev.newsfeed.web.Representation;
import dev.newsfeed.web.SafeText;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Feeds from posts: the first page of each kept, rendered once per change (and served while the database is
 * away); archive pages and searches rendered per request, a few at a time. Rendering (Rome, gzip, hashing) runs
 * on a worker thread.
 */
@Singleton
public class FeedService {

    /** Entry ids: a tag URI that never changes for a post. */
    static final String TAG_PREFIX = "tag:newsfeed.dev,2026:post:";

    private final PostQueries posts;
    private final Pool pool;
    private final NewsfeedConfig config;
    private final Vertx vertx;
    private final KeptRenders<FeedRequest> renders;
    private final FeedWriter writer = new FeedWriter();

    FeedService(PostQueries posts, @ReactiveDataSource("read") Pool pool, Changes changes, NewsfeedConfig config,
                MeterRegistry registry, Vertx vertx) {
        this.posts = posts;
        this.pool = pool;
        this.config = config;
        this.vertx = vertx;
        this.renders = new KeptRenders<>("feed", "feed", config.feed().cacheBytes(),
                config.feed().maxConcurrentRenders(),
                changes, config.feed(), registry);
    }

    /** The kept feed when nothing changed since it was rendered, else null: no query is made. */
    Representation kept(FeedRequest request) {
        return renders.kept(request, request.kept());
    }

    /** The feed: kept, or rendered (and kept when it is a first page). */
    Uni<Representation> serve(FeedRequest request) {
        return renders.serve(request, request.kept(), () -> render(request));
    }

    /** Which posts a feed holds, what it is called, and the page people read them on. */
    private record Selection(String title, String description, PostFilter filter, String home) {
    }

    private Uni<Selection> select(FeedRequest r) {
        String base = config.publicBaseUrl();
        PostFilter all = PostFilter.first(config.feed().maxEntries());
        return switch (r.kind()) {
            case ALL -> Uni.createFrom().item(new Selection("Newsfeed: all posts", "Every post Newsfeed has read.",
                    all, base + "/"));
            case SEARCH -> Uni.createFrom().item(new Selection("Newsfeed: search for " + r.q(),
                    "Posts matching " + r.q() + ".", all.query(r.q()), base + "/search?q=" + enc(r.q())));
            case TOPIC -> row("select name, description from topic where slug = $1", r.name(), "topic")
                    .map(row -> new Selection("Newsfeed: " + row.getString("name"), row.getString("description"),
                            all.topic(r.name()), base + "/topics/" + enc(r.name())));
            case SOURCE -> row("select name from source where slug = $1", r.name(), "source")
                    .map(row -> new Selection("Newsfeed: " + row.getString("name"),
                            "Posts from " + row.getString("name") + ".", all.source(r.name()),
                            base + "/sources/" + enc(r.name())));
            case LIVEBLOG -> row("select coalesce(title, 'Live blog') as title from liveblog where id = $1",
                    Long.parseLong(r.name()), "live blog")
                    .map(row -> new Selection("Newsfeed: " + row.getString("title"),
                            "Posts of " + row.getString("title") + ".", all.liveblog(Long.parseLong(r.name())),
                            base + "/liveblogs/" + r.name()));
        };
    }

    private Uni<Representation> render(FeedRequest r) {
        return select(r).flatMap(s -> posts.page(r.page() == null ? s.filter() : s.filter().after(Cursor.decode(r.page())))
                .flatMap(page -> vertx.executeBlocking(() -> represent(r, s, page), false)));
    }

    private Representation represent(FeedRequest r, Selection s, PostPage page) {
        FeedDocument doc = document(r, s, page);
        return new Representation(writer.write(doc, r.format()), r.format().mediaType(), doc.updated(),
                renders.cacheControl(),
                Map.of("Link", alternateLinks(doc, r.format())));
    }

    private FeedDocument document(FeedRequest r, Selection s, PostPage page) {
        String base = config.publicBaseUrl();
        List<FeedEntry> entries = new ArrayList<>();
        Instant updated = Instant.EPOCH;
        for (PostView p : page.items()) {
            FeedEntry e = entry(p, base);
            entries.add(e);
            if (e.updated().isAfter(updated)) {
                updated = e.updated();
            }
        }
        List<FeedDocument.Alternate> alternates = new ArrayList<>();
        for (FeedFormat f : FeedFormat.values()) {
            alternates.add(new FeedDocument.Alternate(f.mediaType(), url(base, r.in(f), r.page())));
        }
        String archive = page.nextCursor() == null ? null : url(base, r, page.nextCursor());
        String id = base + r.path() + (r.q() == null ? "" : "?q=" + enc(r.q()));
        return new FeedDocument(id, s.title(), s.description(), s.home(), url(base, r, r.page()), alternates, archive,
                updated, (int) Math.max(1, config.feed().maxAge().toMinutes()), entries);
    }

    private static String alternateLinks(FeedDocument doc, FeedFormat format) {
        StringJoiner links = new StringJoiner(", ");
        for (FeedDocument.Alternate a : doc.alternates()) {
            if (!a.mediaType().equals(format.mediaType())) {
                links.add("<" + a.url() + ">; rel=\"alternate\"; type=\"" + a.mediaType() + "\"");
            }
        }
        return SafeText.legal(links.toString());
    }

    static String url(String base, FeedRequest r, String page) {
        StringBuilder b = new StringBuilder(base).append(r.path()).append('.').append(r.format().extension());
        String sep = "?";
        if (r.q() != null) {
            b.append(sep).append("q=").append(enc(r.q()));
            sep = "&";
        }
        if (page != null) {
            b.append(sep).append("page=").append(enc(page));
        }
        return b.toString();
    }

    static FeedEntry entry(PostView p, String base) {
        String link = p.url() != null ? p.url() : base + "/posts/" + p.id();
        Instant published = p.publishedAt() != null ? p.publishedAt() : p.firstSeenAt();
        Instant updated = p.updatedAt().isBefore(published) ? published : p.updatedAt();
        return new FeedEntry(TAG_PREFIX + p.id(), p.headline(), link, p.authors(),
                p.topics().stream().map(PostView.TopicRef::slug).toList(), published, updated, summary(p),
                html(p));
    }

    private static String summary(PostView p) {
        if (p.body().isEmpty()) {
            return p.headline();
        }
        String first = p.body().get(0);
        return first.length() <= 400 ? first : first.substring(0, first.lastIndexOf(' ', 400) + 1) + "…";
    }

    static String html(PostView p) {
        StringBuilder b = new StringBuilder();
        for (PostView.CaptionView c : p.captions()) {
            b.append("<figure><figcaption>").append(SafeText.escapeHtml(c.text()));
            if (c.credit() != null) {
                b.append(" <small>(").append(SafeText.escapeHtml(c.credit())).append(")</small>");
            }
            b.append("</figcaption></figure>");
        }
        for (String para : p.body()) {
            b.append("<p>").append(SafeText.escapeHtml(para)).append("</p>");
        }
        return b.toString();
    }

    private Uni<Row> row(String sql, Object key, String what) {
        return pool.preparedQuery(sql).execute(Tuple.of(key)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw ProblemException.notFound("There is no " + what + " '" + key + "'.");
            }
            return rows.iterator().next();
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
