package dev.newsfeed.follow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A page the service fetches itself (migration V10). Created, read and deleted through Panache; claims and
 * fetch records are written by {@link FollowClaims} in SQL, which Panache cannot say ("skip locked").
 */
@Entity
@Table(name = "follow")
public class Follow extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String url;

    /** The outlet the page is read as; null lets the extractor tell. */
    public String source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_fetch_at", nullable = false)
    public Instant nextFetchAt;

    @Column(name = "interval_seconds", nullable = false)
    public int intervalSeconds;

    @Column(name = "change_gap_seconds")
    public Integer changeGapSeconds;

    @Column(name = "last_change_at")
    public Instant lastChangeAt;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "last_fetch_at")
    public Instant lastFetchAt;

    @Column(name = "last_fetched_by")
    public String lastFetchedBy;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_outcome")
    public String lastOutcome;

    @Column(name = "last_duration_ms")
    public Integer lastDurationMs;

    @Column(name = "last_posts_created")
    public Integer lastPostsCreated;

    @Column(name = "last_posts_updated")
    public Integer lastPostsUpdated;

    @Column(name = "last_document_id")
    public Long lastDocumentId;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;

    @Column(name = "fetch_count", nullable = false)
    public long fetchCount;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "claim_token")
    public UUID claimToken;

    @Column(name = "claimed_by")
    public String claimedBy;
}
