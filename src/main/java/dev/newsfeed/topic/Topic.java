package dev.newsfeed.topic;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A topic: built in (classified by {@link TopicClassifier}) or custom (a full-text query). */
@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {
    @Id
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public boolean builtin;

    /** websearch_to_tsquery syntax; custom topics only. */
    public String query;

    /** Place names, one of which must occur; custom topics only. */
    @Column(columnDefinition = "text[]", nullable = false)
    public String[] places;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
