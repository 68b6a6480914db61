package dev.newsfeed.post;

import dev.newsfeed.config.NewsfeedConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Pages of search results, kept until posts change. A search ranks every post it matches, so a broad one costs
 * PostgreSQL 15-20 ms whatever the page size; news searches repeat ("Kherson" while the counteroffensive lasts)
 * and a page kept answers without touching the database. Other pages walk an index and are not kept.
 */
@ApplicationScoped
public class SearchCache {

    /** A replica reading from a standby may hear of a change before the standby shows it: bound the damage. */
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final PostQueries queries;
    private final ChangeBoundCache<PostFilter, PostPage> pages;

    SearchCache(PostQueries queries, Changes changes, NewsfeedConfig config) {
        this.queries = queries;
        this.pages = new ChangeBoundCache<>(changes, config.api().searchCacheEntries(), MAX_AGE);
    }

    /** The page for {@code filter}: kept when it is a search that was asked for since posts last changed. */
    public Uni<PostPage> page(PostFilter filter) {
        if (filter.q() == null) {
            return queries.page(filter);
        }
        return pages.getOrCompute(filter, () -> queries.page(filter));
    }
}
