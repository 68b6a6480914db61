package dev.newsfeed.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counters operators watch: documents and posts ingested, extraction failures by source, and documents the
 * extractor doubts (by warning, and those whose cut into posts it trusts little).
 */
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
        if (!result.repeated()) {
            for (String warning : result.warnings()) {
                registry.counter("newsfeed.extraction.warnings", "warning", key(warning)).increment();
            }
            if ("low".equals(result.confidence())) {
                registry.counter("newsfeed.extraction.low.confidence", "source", result.source()).increment();
            }
        }
    }

    /** A warning's tag: its first words, which tell the kinds apart (the sentences are fixed). */
    static String key(String warning) {
        String[] words = warning.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().split(" +");
        return String.join("-", java.util.Arrays.copyOf(words, Math.min(4, words.length)));
    }
}
