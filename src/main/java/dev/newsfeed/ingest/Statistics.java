package dev.newsfeed.ingest;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Keeps the planner's statistics of the posts tables up to date after bursts of writes. The read pool plans its
 * statements once (generic plans); planned on statistics that predate a burst, a topic page ran several times
 * slower until autovacuum got round to an analyze, up to a minute later. So when this replica has written more
 * than a tenth of the table since it last analyzed it, it analyzes the tables at once, in the background. Only the
 * columns the read pool's pages filter and order by are analyzed: the search vector's statistics cost most of a
 * whole-table analyze, which then competed with the next ingest for the CPU; autovacuum refreshes them.
 */
@ApplicationScoped
class Statistics {

    private static final Logger LOG = Logger.getLogger(Statistics.class);
    /** Below this many rows written nothing is checked: a share of a small table is noise. */
    private static final long MIN_ROWS = 500;
    private static final double SHARE = 0.1;

    private final Pool pool;
    private final AtomicLong sinceAnalyze = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();

    Statistics(Pool pool) {
        this.pool = pool;
    }

    /** After a commit that wrote {@code rows} posts. */
    void written(int rows) {
        long pending = sinceAnalyze.addAndGet(rows);
        if (pending < MIN_ROWS || !running.compareAndSet(false, true)) {
            return;
        }
        pool.query("select greatest(reltuples, 0)::bigint as rows from pg_class where oid = 'post'::regclass")
                .execute()
                .map(r -> r.iterator().next().getLong("rows"))
                .flatMap(rowsNow -> {
                    if (pending < SHARE * rowsNow) {
                        return io.smallrye.mutiny.Uni.createFrom().voidItem();
                    }
                    sinceAnalyze.addAndGet(-pending);
                    return pool.query("analyze post (id, liveblog_id, source_id, published_at, sort_at), post_topic")
                            .execute().replaceWithVoid()
                            .invoke(() -> LOG.debugf("Analyzed post and post_topic after %d rows written", pending));
                })
                .onTermination().invoke(() -> running.set(false))
                .subscribe().with(x -> { }, e -> LOG.warnf("Could not refresh the planner's statistics: %s",
                        e.getMessage()));
    }
}
