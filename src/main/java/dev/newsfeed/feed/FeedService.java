package dev.newsfeed.feed;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.post.ChangeBoundCache;
import dev.newsfeed.post.Changes;
import dev.newsfeed.post.Cursor;
import dev.newsfeed.post.PostFilter;
import dev.newsfeed.post.PostQueries;
import dev.newsfeed.post.PostView;
import dev.newsfeed.post.Sha256;
import dev.newsfeed.web.ProblemException;
import io.smallrye.mutiny.Uni;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Builds feeds from posts and keeps them rendered until something changes. */
@Singleton
public class FeedService {

    /** Entry ids: a tag URI that never changes for a post. */
    static final String TAG_PREFIX = "tag:newsfeed.dev,2026:post:";

    private final PostQueries posts;
    private final Pool pool;
    /**
     * Rendered feeds, kept until posts or topics change on any replica and at most the feed's max-age: a kept
     * feed answers 25-50 times faster than a rebuilt one.
     */
    private final ChangeBoundCache<String, RenderedFeed> cache;
    private final NewsfeedConfig config;
    private final FeedWriter writer = new FeedWriter();
    private final Counter renders;
    private final FeedHttp http;

    public FeedService(PostQueries posts, @ReactiveDataSource("read") Pool pool, Changes changes, NewsfeedConfig config,
                       MeterRegistry registry, FeedHttp http) {
        this.http = http;
        this.posts = posts;
        this.pool = pool;
        this.cache = new ChangeBoundCache<>(changes, 10_000, config.feed().maxAge());
        this.config = config;
        // Renders per request served show how well the cache works: one render per feed per change is the aim.
        this.renders = registry.counter("newsfeed.feed.renders");
    }

    /** Which posts a feed holds and what it is called. */
    public record Selection(String path, String title, String description, PostFilter filter, String query) {
    }

    public Uni<Selection> topic(String slug) {
        return lookup("select name, description from topic where slug = $1", slug, "topic")
                .map(r -> new Selection("/feeds/" + slug, "Newsfeed: " + r[0], r[1],
                        new PostFilter(slug, null, null, null, null, null, null, 0), null));
    }

    public Selection all() {
        return new Selection("/feeds/all", "Newsfeed: all posts", "Every post Newsfeed has read.",
                PostFilter.all(0), null);
    }

    public Uni<Selection> source(String slug) {
        return lookup("select name, slug from source where slug = $1", slug, "source")
                .map(r -> new Selection("/feeds/sources/" + slug, "Newsfeed: " + r[0], "Posts from " + r[0] + ".",
                        new PostFilter(null, slug, null, null, null, null, null, 0), null));
    }

    public Uni<Selection> liveblog(long id) {
        return pool.preparedQuery("select coalesce(title, 'Live blog') from liveblog where id = $1")
                .execute(Tuple.of(id)).map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ProblemException.notFound("There is no live blog " + id + ".");
                    }
                    String title = rows.iterator().next().getString(0);
                    return new Selection("/feeds/liveblogs/" + id, "Newsfeed: " + title, "Posts of " + title + ".",
                            new PostFilter(null, null, id, null, null, null, null, 0), null);
                });
    }

    public Selection search(String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("A search feed needs 'q', e.g. /feeds/search.atom?q=HIMARS.");
        }
        return new Selection("/feeds/search", "Newsfeed: search for " + q, "Posts matching " + q + ".",
                new PostFilter(null, null, null, null, null, q.trim(), null, 0), q.trim());
    }

    /** The cache key of a feed request: its path, format, search and archive page. */
    static String key(String path, FeedFormat format, String q, String page) {
        return path + "." + format.extension() + "?q=" + q + "&page=" + page;
    }

    /** The rendered feed when nothing changed since it was rendered, else null: no query is made. */
    RenderedFeed cached(String key) {
        return cache.get(key);
    }

    /** The kept feed, else one rendered and kept until the next change (one render for readers who miss together). */
    Uni<RenderedFeed> cachedOrRender(String key, Supplier<Uni<Selection>> selection, FeedFormat format,
                                     String page) {
        return cache.getOrCompute(key, () -> selection.get().flatMap(s -> render(s, format, page)));
    }

    private Uni<RenderedFeed> render(Selection s, FeedFormat format, String page) {
        PostFilter filter = s.filter();
        filter = new PostFilter(filter.topic(), filter.source(), filter.liveblog(), null, null, filter.q(),
                page == null ? null : Cursor.decode(page), config.feed().maxEntries());
        return posts.page(filter).map(result -> {
            FeedDocument doc = document(s, format, page, result.items(), result.nextCursor());
            byte[] bytes = writer.write(doc, format);
            renders.increment();
            String etag = etag(bytes);
            String gzipEtag = etag.substring(0, etag.length() - 1) + "-gzip\"";
            String links = alternateLinks(doc, format);
            return new RenderedFeed(bytes, ContentCoding.gzip(bytes), etag, gzipEtag,
                    doc.updated(), format, http.headers(etag, doc.updated(), links, false),
                    http.headers(gzipEtag, doc.updated(), links, true));
        });
    }

    private FeedDocument document(Selection s, FeedFormat format, String page, List<PostView> items,
                                  String nextCursor) {
        String base = config.publicBaseUrl();
        List<FeedEntry> entries = new ArrayList<>();
        Instant updated = Instant.EPOCH;
        for (PostView p : items) {
            FeedEntry e = entry(p, base);
            entries.add(e);
            if (e.updated().isAfter(updated)) {
                updated = e.updated();
            }
        }
        List<FeedDocument.Alternate> alternates = new ArrayList<>();
        for (FeedFormat f : FeedFormat.values()) {
            alternates.add(new FeedDocument.Alternate(f.mediaType(), url(base, s, f, page)));
        }
        String archive = nextCursor == null ? null : url(base, s, format, nextCursor);
        String home = base + "/api/posts" + (s.filter().topic() != null ? "?topic=" + s.filter().topic() : "");
        return new FeedDocument(base + s.path() + (s.query() == null ? "" : "?q=" + enc(s.query())), s.title(),
                s.description(), home, url(base, s, format, page), alternates, archive, updated,
                (int) Math.max(1, config.feed().maxAge().toMinutes()), entries);
    }

    private static String alternateLinks(FeedDocument doc, FeedFormat format) {
        StringJoiner links = new StringJoiner(", ");
        for (FeedDocument.Alternate a : doc.alternates()) {
            if (!a.mediaType().equals(format.mediaType())) {
                links.add("<" + a.url() + ">; rel=\"alternate\"; type=\"" + a.mediaType() + "\"");
            }
        }
        return links.toString();
    }

    static String url(String base, Selection s, FeedFormat format, String page) {
        StringBuilder b = new StringBuilder(base).append(s.path()).append('.').append(format.extension());
        String sep = "?";
        if (s.query() != null) {
            b.append(sep).append("q=").append(enc(s.query()));
            sep = "&";
        }
        if (page != null) {
            b.append(sep).append("page=").append(enc(page));
        }
        return b.toString();
    }

    static FeedEntry entry(PostView p, String base) {
        String link = p.url() != null ? p.url() : base + "/api/posts/" + p.id();
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
            b.append("<figure><figcaption>").append(XmlText.escapeHtml(c.text()));
            if (c.credit() != null) {
                b.append(" <small>(").append(XmlText.escapeHtml(c.credit())).append(")</small>");
            }
            b.append("</figcaption></figure>");
        }
        for (String para : p.body()) {
            b.append("<p>").append(XmlText.escapeHtml(para)).append("</p>");
        }
        return b.toString();
    }

    private Uni<String[]> lookup(String sql, String key, String what) {
        return pool.preparedQuery(sql).execute(Tuple.of(key)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw ProblemException.notFound("There is no " + what + " '" + key + "'.");
            }
            var r = rows.iterator().next();
            return new String[] {r.getString(0), r.getString(1)};
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String etag(byte[] bytes) {
        return "\"" + Sha256.hex(bytes).substring(0, 32) + "\"";
    }
}
