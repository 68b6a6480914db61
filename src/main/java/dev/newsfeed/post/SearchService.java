package dev.newsfeed.post;

import dev.newsfeed.cache.Changes;
import dev.newsfeed.cache.KeptValues;
import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.web.DatabaseDown;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Pages of posts for the API, with pages of search results kept until posts change. A search ranks every post
 * it matches, so a broad one costs PostgreSQL far more than an index walk whatever the page size; news searches
 * repeat ("Kherson" while the counteroffensive lasts), and a page kept answers without touching the database.
 * Other pages walk an index and are not kept.
 */
@ApplicationScoped
public class SearchService {

    /** A replica reading from a standby may hear of a change before the standby shows it: bound the damage. */
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final PostQueries queries;
    private final KeptValues<PostFilter, PostPage> pages;

    SearchService(PostQueries queries, Changes changes, NewsfeedConfig config) {
        this.queries = queries;
        this.pages = new KeptValues<>(changes, config.api().searchCacheBytes(), MAX_AGE, Duration.ofMinutes(10),
                PostPage::bytes, DatabaseDown::is);
    }

    /** The page for {@code filter}: kept when it is a search that was asked for since posts last changed. */
    public Uni<PostPage> page(PostFilter filter) {
        return filter.q() == null ? queries.page(filter) : pages.getOrCompute(filter, () -> queries.page(filter));
    }
}
