package dev.newsfeed.follow;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A follow this replica has claimed for one fetch: what the fetch and the schedule need, and the claim's token. */
public record ClaimedFollow(long id, String url, String source, Instant createdAt, long intervalSeconds,
                            Long changeGapSeconds, Instant lastChangeAt, String etag, String lastModified,
                            int consecutiveFailures, UUID claimToken) {

    /** The columns {@link #of} reads. */
    static final String COLUMNS = "f.id, f.url, f.source, f.created_at, f.interval_seconds, f.change_gap_seconds, "
            + "f.last_change_at, f.etag, f.last_modified, f.consecutive_failures, f.claim_token";

    static ClaimedFollow of(Row r) {
        Integer gap = r.getInteger("change_gap_seconds");
        return new ClaimedFollow(r.getLong("id"), r.getString("url"), r.getString("source"),
                instant(r.getOffsetDateTime("created_at")), r.getInteger("interval_seconds"),
                gap == null ? null : gap.longValue(), instant(r.getOffsetDateTime("last_change_at")),
                r.getString("etag"), r.getString("last_modified"), r.getInteger("consecutive_failures"),
                r.getUUID("claim_token"));
    }

    FollowSchedule.State state() {
        return new FollowSchedule.State(createdAt, lastChangeAt, changeGapSeconds, consecutiveFailures);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
