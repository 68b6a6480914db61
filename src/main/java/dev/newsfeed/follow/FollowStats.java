package dev.newsfeed.follow;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import dev.newsfeed.config.NewsfeedConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Follows counted in the database: for the gauges and the readiness data. */
@ApplicationScoped
public class FollowStats {

    /** {@code mostOverdueSeconds}: how long the follow due the longest ago has been due, 0 when none is overdue. */
    public record Counts(long follows, long failing, long overdue, long mostOverdueSeconds) {
    }

    private static final String COUNT = """
            select count(*) as follows,
                   count(*) filter (where consecutive_failures > 0) as failing,
                   count(*) filter (where next_fetch_at < $1) as overdue,
                   min(next_fetch_at) filter (where next_fetch_at < $1) as oldest
            from follow""";

    private final Pool pool;
    private final Duration overdueAfter;

    FollowStats(@ReactiveDataSource("read") Pool pool, NewsfeedConfig config) {
        this.pool = pool;
        this.overdueAfter = config.follow().overdueAfter();
    }

    public Uni<Counts> count(Instant now) {
        return pool.preparedQuery(COUNT).execute(Tuple.of(now.minus(overdueAfter).atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    OffsetDateTime oldest = r.getOffsetDateTime("oldest");
                    return new Counts(r.getLong("follows"), r.getLong("failing"), r.getLong("overdue"),
                            oldest == null ? 0 : Duration.between(oldest.toInstant(), now).toSeconds());
                });
    }
}
