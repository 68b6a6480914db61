package dev.newsfeed.follow;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fetches claimed in PostgreSQL, so that with several replicas on one database each due fetch runs on one of
 * them: a claim takes due rows under {@code for update skip locked} (a row another replica is claiming is skipped,
 * not waited for) and gives each a lease and a token. A finished fetch is recorded only under its own token, and
 * clears the lease; a lease that runs out (its replica died or hung) makes the row claimable again, and the late
 * replica's record is then ignored. No leader, nothing but the table.
 */
public class FollowClaims {

    private static final String CLAIM_DUE = """
            with due as (select id from follow
                         where next_fetch_at <= $1 and (claimed_until is null or claimed_until <= $1)
                         order by next_fetch_at limit $3 for update skip locked)
            update follow f set claimed_until = $2, claim_token = gen_random_uuid(), claimed_by = $4
            from due where f.id = due.id
            returning\s""" + ClaimedFollow.COLUMNS;

    private static final String CLAIM_ONE = """
            with one as (select id from follow
                         where id = $3 and (claimed_until is null or claimed_until <= $1)
                         for update skip locked)
            update follow f set claimed_until = $2, claim_token = gen_random_uuid(), claimed_by = $4
            from one where f.id = one.id
            returning\s""" + ClaimedFollow.COLUMNS;

    private static final String NEXT_DUE = """
            select next_fetch_at from follow where claimed_until is null or claimed_until <= $1
            order by next_fetch_at limit 1""";

    private static final String RECORD = """
            update follow set next_fetch_at = $3, interval_seconds = $4, change_gap_seconds = $5,
                last_change_at = $6, etag = $7, last_modified = $8, last_fetch_at = $9, last_fetched_by = $10,
                last_status = $11, last_outcome = $12, last_duration_ms = $13, last_posts_created = $14,
                last_posts_updated = $15, last_document_id = $16, last_error = $17, consecutive_failures = $18,
                fetch_count = fetch_count + 1, claimed_until = null, claim_token = null, claimed_by = null
            where id = $1 and claim_token = $2""";

    private static final String RELEASE = """
            update follow set next_fetch_at = $3, claimed_until = null, claim_token = null, claimed_by = null
            where id = $1 and claim_token = $2""";

    /** What a finished fetch leaves on its follow. */
    public record Record(Instant nextFetchAt, long intervalSeconds, Long changeGapSeconds, Instant lastChangeAt,
                         String etag, String lastModified, Instant fetchedAt, Integer status, Outcome outcome,
                         long durationMillis, Integer postsCreated, Integer postsUpdated, Long documentId,
                         String error, int consecutiveFailures) {
    }

    private final Pool pool;
    private final String replica;
    private final Duration lease;

    public FollowClaims(Pool pool, String replica, Duration lease) {
        this.pool = pool;
        this.replica = replica;
        this.lease = lease;
    }

    /** Up to {@code limit} follows due at {@code now} and claimed by no live lease, now claimed by this replica. */
    public Uni<List<ClaimedFollow>> claimDue(Instant now, int limit) {
        return pool.preparedQuery(CLAIM_DUE)
                .execute(Tuple.of(time(now), time(now.plus(lease)), limit, replica))
                .map(rows -> {
                    List<ClaimedFollow> out = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        out.add(ClaimedFollow.of(r));
                    }
                    return out;
                });
    }

    /** When the next follow claimable at {@code now} is due (perhaps already); null when there is none. */
    public Uni<Instant> nextDue(Instant now) {
        return pool.preparedQuery(NEXT_DUE).execute(Tuple.of(time(now)))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getOffsetDateTime(0).toInstant());
    }

    /** The follow claimed for a fetch now, due or not; null when it is gone or another fetch of it holds a lease. */
    public Uni<ClaimedFollow> claim(long id, Instant now) {
        return pool.preparedQuery(CLAIM_ONE)
                .execute(Tuple.of(time(now), time(now.plus(lease)), id, replica))
                .map(rows -> rows.size() == 0 ? null : ClaimedFollow.of(rows.iterator().next()));
    }

    /** Records a finished fetch and ends its claim; false when the claim was lost (lease run out, follow deleted). */
    public Uni<Boolean> record(ClaimedFollow f, Record r) {
        Tuple args = Tuple.from(Arrays.asList(f.id(), f.claimToken(), time(r.nextFetchAt()),
                (int) Math.min(Integer.MAX_VALUE, r.intervalSeconds()),
                r.changeGapSeconds() == null ? null : (int) Math.min(Integer.MAX_VALUE, r.changeGapSeconds()),
                time(r.lastChangeAt()), r.etag(), r.lastModified(), time(r.fetchedAt()), replica, r.status(),
                r.outcome().wire(), (int) Math.min(Integer.MAX_VALUE, r.durationMillis()), r.postsCreated(),
                r.postsUpdated(), r.documentId(), r.error(), r.consecutiveFailures()));
        return pool.preparedQuery(RECORD).execute(args).map(rows -> rows.rowCount() == 1);
    }

    /** Ends a claim without a fetch recorded (deferred for memory, or no slot after all): due again at {@code next}. */
    public Uni<Boolean> release(ClaimedFollow f, Instant next) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(f.id(), f.claimToken(), time(next)))
                .map(rows -> rows.rowCount() == 1);
    }

    private static OffsetDateTime time(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
