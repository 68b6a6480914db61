package dev.newsfeed.site;

import dev.newsfeed.cache.Changes;
import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.post.Cursor;
import dev.newsfeed.post.PostFilter;
import dev.newsfeed.post.PostPage;
import dev.newsfeed.post.PostQueries;
import dev.newsfeed.post.PostView;
import dev.newsfeed.post.SearchService;
import dev.newsfeed.web.ErrorPages;
import dev.newsfeed.web.KeptRenders;
import dev.newsfeed.web.Params;
import dev.newsfeed.web.ProblemException;
import dev.newsfeed.web.Representation;
import dev.newsfeed.web.SafeText;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Pages for people, kept and answered like feeds: first pages and posts rendered once per change and kept (and
 * served while the database is away); older pages and searches rendered per request, a few at a time. Templates
 * render on a worker thread, never on the event loop.
 */
@Singleton
public class SitePages {

    static final String MEDIA_TYPE = "text/html; charset=utf-8";

    private final SiteQueries queries;
    private final PostQueries posts;
    private final SearchService searches;
    private final NewsfeedConfig config;
    private final Vertx vertx;
    private final KeptRenders<PageRequest> renders;

    SitePages(SiteQueries queries, PostQueries posts, SearchService searches, Changes changes, NewsfeedConfig config,
              MeterRegistry registry, Vertx vertx) {
        this.queries = queries;
        this.posts = posts;
        this.searches = searches;
        this.config = config;
        this.vertx = vertx;
        this.renders = new KeptRenders<>("site", "page", config.site().cacheBytes(),
                config.site().maxConcurrentRenders(),
                changes, config.feed(), registry);
    }

    /** The kept page when nothing changed since it was rendered, else null: no query is made. */
    Representation kept(PageRequest request) {
        return renders.kept(request, request.kept());
    }

    /** The page: kept, or rendered (and kept when it is a first page or a post). */
    Uni<Representation> serve(PageRequest request) {
        return renders.serve(request, request.kept(), () -> render(request));
    }

    /** A page read from the database, to be rendered; {@code updated} is its Last-Modified. */
    private record Loaded(Head head, Supplier<TemplateInstance> template, Instant updated) {
    }

    private Uni<Representation> render(PageRequest r) {
        return load(r).flatMap(page -> vertx.executeBlocking(() -> represent(page), false));
    }

    private Representation represent(Loaded page) {
        byte[] html = page.template().get().render().getBytes(StandardCharsets.UTF_8);
        FeedLinks f = page.head().feeds();
        String links = "<" + f.rss() + ">; rel=\"alternate\"; type=\"application/rss+xml\", <" + f.atom()
                + ">; rel=\"alternate\"; type=\"application/atom+xml\", <" + f.json()
                + ">; rel=\"alternate\"; type=\"application/feed+json\"";
        return new Representation(html, MEDIA_TYPE, page.updated(), renders.cacheControl(), Map.of(
                "Content-Security-Policy", ErrorPages.CONTENT_SECURITY_POLICY,
                "X-Content-Type-Options", "nosniff",
                "Link", SafeText.legal(links)));
    }

    private Uni<Loaded> load(PageRequest r) {
        int size = config.site().pageSize();
        return switch (r.kind()) {
            case HOME -> queries.home().map(home -> {
                Head head = Head.of("Newsfeed", FeedLinks.all());
                return new Loaded(head, () -> Templates.home(head, home), Instant.now());
            });
            case TOPIC -> queries.topic(r.key()).flatMap(t -> listing(r, Head.of(t.name(),
                    FeedLinks.topic(r.key(), t.name())), t.description(), null,
                    PostFilter.first(size).topic(r.key()), Links.topic(r.key()), "No post is in this topic yet."));
            case SOURCE -> queries.source(r.key()).flatMap(s -> listing(r, Head.of(s.name(),
                    FeedLinks.source(r.key(), s.name())), "Posts from " + s.name() + ", newest first.", null,
                    PostFilter.first(size).source(r.key()), Links.source(r.key()), "No post from this source yet."));
            case LIVEBLOG -> {
                long id = Long.parseLong(r.key());
                yield queries.liveblog(id).flatMap(l -> listing(r, Head.of(l.name(), FeedLinks.liveblog(id, l.name())),
                        l.description(), l.url(), PostFilter.first(size).liveblog(id), Links.liveblog(id),
                        "No post of this live blog yet."));
            }
            case SEARCH -> r.q() == null
                    ? Uni.createFrom().item(emptySearch())
                    : listing(r, new Head("Search: " + r.q(), FeedLinks.search(r.q()), r.q()),
                    "Posts matching your search, best match first.", null, PostFilter.first(size).query(r.q()),
                    Links.search(r.q()), "No post matches. Search takes words, \"a phrase\", or -word to leave out.");
            case POST -> post(UUID.fromString(r.key()));
        };
    }

    private Loaded emptySearch() {
        Head head = new Head("Search", FeedLinks.all(), null);
        ListingView view = new ListingView("Search every post: words, \"a phrase\", or -word to leave one out.",
                null, List.of(), null, null, null);
        return new Loaded(head, () -> Templates.listing(head, view), Instant.EPOCH);
    }

    /**
     * @param first the newest page's path, the base of the older pages' links too
     */
    private Uni<Loaded> listing(PageRequest r, Head head, String intro, String original, PostFilter filter,
                                String first, String empty) {
        PostFilter f = r.cursor() == null ? filter : filter.after(Cursor.decode(r.cursor()));
        // Searches go through SearchService, which keeps their result pages until posts change.
        Uni<PostPage> page = f.q() == null ? posts.page(f) : searches.page(f);
        return Uni.combine().all().unis(page, queries.sourceNames()).with((p, sources) -> {
            String sep = first.contains("?") ? "&" : "?";
            String next = p.nextCursor() == null ? null : first + sep + "cursor=" + Links.enc(p.nextCursor());
            ListingView view = new ListingView(intro, original, p.items().stream().map(i -> PostItem.of(i, sources)).toList(),
                    r.cursor() == null ? null : first, next, empty);
            Instant updated = p.items().stream().map(PostView::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
            return new Loaded(head, () -> Templates.listing(head, view), updated);
        });
    }

    private Uni<Loaded> post(UUID id) {
        return posts.byId(id).flatMap(found -> {
            PostView p = found.orElseThrow(() -> ProblemException.notFound("There is no post with id '"
                    + Params.printable(id.toString()) + "'."));
            return Uni.combine().all().unis(queries.liveblog(p.liveblog()), queries.revisions(id),
                    queries.sourceNames()).with((l, revs, sources) -> {
                Head head = Head.of(p.headline(), FeedLinks.liveblog(p.liveblog(), l.name()));
                // The view is made with the page, on the worker: reading the evidence parses JSON.
                return new Loaded(head, () -> Templates.post(head, new PostPageView(PostItem.of(p, sources),
                        p.captions().stream().map(c -> new PostPageView.Caption(c.text(), c.credit())).toList(),
                        p.topics().stream().map(t -> new PostPageView.TopicEvidence(t.name(), Links.topic(t.slug()),
                                String.format(Locale.ROOT, "%.2f", t.score()), Evidence.reasons(t.evidence())))
                                .toList(),
                        Links.liveblog(p.liveblog()), l.name(), PostTime.readable(p.firstSeenAt()),
                        PostTime.readable(p.updatedAt()), revs)), p.updatedAt());
            });
        });
    }
}
