package dev.newsfeed.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters operators watch: documents and posts ingested, extraction failures by source. */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(IngestResult result) {
        if (result.extractionError() != null && !result.repeated()) {
            registry.counter("newsfeed.extraction.failures", "source", result.source()).increment();
        }
        String outcome = result.repeated() ? "repeated" : result.extractionError() != null ? "failed" : "stored";
        registry.counter("newsfeed.documents.ingested", "outcome", outcome).increment();
        registry.counter("newsfeed.posts.ingested", "change", "created").increment(result.created());
        registry.counter("newsfeed.posts.ingested", "change", "updated").increment(result.updated());
        registry.counter("newsfeed.posts.ingested", "change", "unchanged").increment(result.repeated() ? 0
                : result.unchanged());
    }
}
