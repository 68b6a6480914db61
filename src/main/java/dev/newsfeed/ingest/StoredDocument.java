package dev.newsfeed.ingest;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A page exactly as it was received, kept so it can be extracted again. */
@Entity
@Table(name = "document")
public class StoredDocument extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_id", nullable = false)
    public Long sourceId;

    @Column(nullable = false, unique = true)
    public String sha256;

    public String url;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    /** The bytes as received (UTF-8); bytea, because pages may hold bytes text columns refuse. */
    @Column(nullable = false)
    public byte[] raw;

    @Column(name = "retrieved_at", nullable = false)
    public Instant retrievedAt;

    @Column(name = "ingested_at", nullable = false)
    public Instant ingestedAt;

    public String layout;

    @Column(name = "extractor_version", nullable = false)
    public int extractorVersion;

    @Column(name = "extraction_error")
    public String extractionError;
}
