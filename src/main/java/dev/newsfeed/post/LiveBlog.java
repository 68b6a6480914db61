package dev.newsfeed.post;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A live-blog page (or a single article), the home of its posts across re-ingests. */
@Entity
@Table(name = "liveblog")
public class LiveBlog extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    @Column(name = "page_key", nullable = false, unique = true)
    public String pageKey;

    public String url;

    public String title;

    /** The extractor's layout name; "article" for single articles. */
    @Column(nullable = false)
    public String kind;

    @Column(columnDefinition = "text[]", nullable = false)
    public String[] summary;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
