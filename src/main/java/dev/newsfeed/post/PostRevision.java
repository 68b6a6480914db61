package dev.newsfeed.post;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A post's content as it was before a re-ingest changed it. */
@Entity
@Table(name = "post_revision")
public class PostRevision extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "post_id", nullable = false)
    public UUID postId;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public String headline;

    @Column(columnDefinition = "text[]", nullable = false)
    public String[] body;

    @Column(name = "caption_texts", columnDefinition = "text[]", nullable = false)
    public String[] captionTexts;

    @Column(name = "caption_credits", columnDefinition = "text[]", nullable = false)
    public String[] captionCredits;

    @Column(columnDefinition = "text[]", nullable = false)
    public String[] authors;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "document_id", nullable = false)
    public Long documentId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static PostRevision of(Post post) {
        PostRevision r = new PostRevision();
        r.postId = post.id;
        r.revision = post.revision;
        r.headline = post.headline;
        r.body = post.body;
        r.captionTexts = post.captionTexts;
        r.captionCredits = post.captionCredits;
        r.authors = post.authors;
        r.contentHash = post.contentHash;
        r.documentId = post.documentId;
        r.recordedAt = Instant.now();
        return r;
    }
}
