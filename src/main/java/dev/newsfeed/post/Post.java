package dev.newsfeed.post;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import dev.newsfeed.extract.ExtractedPost;
import dev.newsfeed.extract.Precision;

/** A post as stored. Its id is assigned once and kept through re-ingests and edits. */
@Entity
@Table(name = "post")
public class Post extends PanacheEntityBase {
    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "liveblog_id")
    public LiveBlog liveBlog;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    /** The latest document the post was read from. */
    @Column(name = "document_id", nullable = false)
    public Long documentId;

    @Column(nullable = false)
    public String headline;

    @Column(name = "timestamp_text")
    public String timestampText;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_at_precision", nullable = false)
    public String publishedAtPrecision;

    @Column(columnDefinition = "text[]", nullable = false)
    public String[] authors;

    public String location;

    @Column(columnDefinition = "text[]", nullable = false)
    public String[] body;

    @Column(name = "body_text", nullable = false)
    public String bodyText;

    @Column(name = "caption_texts", columnDefinition = "text[]", nullable = false)
    public String[] captionTexts;

    /** Parallel to {@link #captionTexts}; an element is null where the page printed no credit. */
    @Column(name = "caption_credits", columnDefinition = "text[]", nullable = false)
    public String[] captionCredits;

    public String anchor;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(nullable = false)
    public int revision;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new post for an extracted one, with a fresh id that it keeps from now on. */
    public static Post create(ExtractedPost extracted, LiveBlog blog, Source source, long documentId) {
        Post p = new Post();
        p.id = UUID.randomUUID();
        p.liveBlog = blog;
        p.source = source;
        p.revision = 1;
        p.firstSeenAt = Instant.now();
        p.read(extracted, documentId);
        return p;
    }

    /** Takes the extracted content; the id, first-seen time and, for relative times, the date stay. */
    public void read(ExtractedPost extracted, long documentId) {
        this.documentId = documentId;
        headline = extracted.headline();
        boolean keepTime = publishedAt != null && extracted.publishedAtPrecision() == Precision.RELATIVE
                && Precision.RELATIVE.wire().equals(publishedAtPrecision);
        if (!keepTime) {
            timestampText = extracted.timestampText();
            publishedAt = extracted.publishedAt();
            publishedAtPrecision = extracted.publishedAtPrecision().wire();
        }
        authors = extracted.authors().toArray(String[]::new);
        location = extracted.location();
        body = extracted.body().toArray(String[]::new);
        bodyText = String.join("\n", extracted.body()) + captionText(extracted);
        captionTexts = extracted.captions().stream().map(c -> c.text()).toArray(String[]::new);
        captionCredits = extracted.captions().stream().map(c -> c.credit()).toArray(String[]::new);
        anchor = extracted.anchor();
        contentHash = hash(extracted);
        updatedAt = Instant.now();
    }

    private static String captionText(ExtractedPost extracted) {
        StringBuilder b = new StringBuilder();
        extracted.captions().forEach(c -> b.append('\n').append(c.text()));
        return b.toString();
    }

    /** What a reader sees of the post; a change here is a new revision. */
    public static String hash(ExtractedPost p) {
        StringBuilder b = new StringBuilder();
        b.append(p.headline()).append('\u0000').append(p.timestampText()).append('\u0000')
                .append(p.authors()).append('\u0000').append(p.location()).append('\u0000');
        p.body().forEach(x -> b.append(x).append('\u0001'));
        p.captions().forEach(c -> b.append(c.text()).append('\u0002').append(c.credit()).append('\u0001'));
        return Sha256.hex(b.toString());
    }
}
