package dev.newsfeed.ingest;

import dev.newsfeed.extract.ExtractedDocument;
import dev.newsfeed.extract.ExtractionException;
import dev.newsfeed.extract.Extractor;
import dev.newsfeed.extract.PageContext;
import dev.newsfeed.post.Changes;
import dev.newsfeed.post.Sha256;
import dev.newsfeed.post.Source;
import dev.newsfeed.topic.TopicService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Documents in: extraction (on a worker thread), then one transaction per document that keeps the raw page,
 * creates or updates its posts and classifies them. Ingests of the same page are serialised by a
 * transaction-scoped advisory lock, so parallel identical requests create the posts once.
 */
@ApplicationScoped
public class IngestService {

    private final Extractor extractor = new Extractor();
    private final PostWriter writer;
    private final TopicService topics;
    private final IngestMetrics metrics;
    private final Vertx vertx;
    private final Changes changes;

    public IngestService(PostWriter writer, TopicService topics, IngestMetrics metrics, Vertx vertx,
                         Changes changes) {
        this.changes = changes;
        this.writer = writer;
        this.topics = topics;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    /** Extracts without storing anything: what the pipeline would see. */
    public Uni<ExtractedDocument> preview(IncomingDocument in) {
        return vertx.executeBlocking(() -> extractor.extract(in.body(), context(in)));
    }

    public Uni<IngestResult> ingest(IncomingDocument in) {
        // Hashed on a worker: a 10 MiB page takes tens of milliseconds, too long for the event loop.
        return vertx.executeBlocking(() -> Sha256.hex(in.body())).flatMap(sha -> ingest(in, sha));
    }

    /**
     * A page seen before (every seed at every restart) is answered without extracting it again; a first sight is
     * checked once more under the page's lock, where parallel ingests of it meet.
     */
    private Uni<IngestResult> ingest(IncomingDocument in, String sha) {
        return Panache.withSession(() -> writer.repeat(sha)).flatMap(seen -> seen != null
                ? Uni.createFrom().item(seen).invoke(result -> metrics.recordIngest(result, in.source()))
                : vertx.executeBlocking(() -> Extraction.of(extractor, in))
                        .flatMap(extraction -> Panache.withTransaction(() -> store(in, sha, extraction))
                                .invoke(result -> metrics.recordIngest(result, extraction.sourceSlug())))
                        .invoke(changes::changed));
    }

    private Uni<IngestResult> store(IncomingDocument in, String sha, Extraction extraction) {
        String source = extraction.document() != null ? extraction.document().source() : extraction.source();
        String lockKey = extraction.document() != null ? pageKey(in, extraction.document()) : sha;
        return writer.lock(lockKey)
                .flatMap(x -> writer.repeat(sha))
                .flatMap(existing -> existing != null ? Uni.createFrom().item(existing)
                        : writer.source(source).flatMap(src -> insert(in, extraction, sha, src)));
    }

    private Uni<IngestResult> insert(IncomingDocument in, Extraction extraction, String sha, Source source) {
        StoredDocument doc = new StoredDocument();
        doc.sourceId = source.id;
        doc.sha256 = sha;
        doc.url = in.url();
        doc.contentType = in.contentType();
        doc.raw = in.body().getBytes(StandardCharsets.UTF_8);
        doc.retrievedAt = retrievedAt(in);
        doc.ingestedAt = Instant.now();
        doc.extractorVersion = Extractor.VERSION;
        if (extraction.error() != null) {
            doc.extractionError = extraction.error();
            return doc.<StoredDocument>persist().map(d -> new IngestResult(d.id, sha, null, 0, 0, 0, List.of(),
                    false, extraction.error()));
        }
        doc.layout = extraction.document().layout().wire();
        return doc.<StoredDocument>persist()
                .flatMap(d -> writer.liveBlog(source, pageKey(in, extraction.document()), in.url(),
                        extraction.document()))
                .flatMap(blog -> writer.apply(doc, blog, extraction.document().posts(), topics.classifier()));
    }

    /** Extracts a stored document again, updating its posts in place. */
    public Uni<IngestResult> reprocess(StoredDocument doc) {
        IncomingDocument in = new IncomingDocument(new String(doc.raw, StandardCharsets.UTF_8), doc.contentType, null, doc.url, doc.retrievedAt);
        return vertx.executeBlocking(() -> Extraction.of(extractor, in))
                .flatMap(extraction -> Panache.withTransaction(() -> {
                    if (extraction.error() != null) {
                        return StoredDocument.<StoredDocument>findById(doc.id).map(d -> {
                            d.extractionError = extraction.error();
                            d.extractorVersion = Extractor.VERSION;
                            return new IngestResult(d.id, d.sha256, null, 0, 0, 0, List.of(), false,
                                    extraction.error());
                        });
                    }
                    String key = pageKey(in, extraction.document());
                    return writer.lock(key)
                            .flatMap(x -> StoredDocument.<StoredDocument>findById(doc.id))
                            .flatMap(d -> Source.<Source>findById(d.sourceId).flatMap(src -> {
                                d.extractionError = null;
                                d.extractorVersion = Extractor.VERSION;
                                d.layout = extraction.document().layout().wire();
                                return writer.liveBlog(src, key, d.url, extraction.document())
                                        .flatMap(blog -> writer.apply(d, blog, extraction.document().posts(),
                                                topics.classifier()));
                            }));
                }))
                .invoke(changes::changed);
    }

    /** A live blog is known by its URL; without one, by its source and title. */
    static String pageKey(IncomingDocument in, ExtractedDocument doc) {
        if (in.url() != null && !in.url().isBlank()) {
            return in.url().replaceFirst("#.*$", "");
        }
        String title = doc.title() != null ? doc.title()
                : doc.posts().isEmpty() ? "untitled" : doc.posts().get(0).headline();
        return doc.source() + ":" + PostMatcher.key(title);
    }

    private static PageContext context(IncomingDocument in) {
        return new PageContext(in.source(), in.url(), retrievedAt(in));
    }

    private static Instant retrievedAt(IncomingDocument in) {
        return in.retrievedAt() != null ? in.retrievedAt() : Instant.now();
    }

    /** The extractor's outcome: a document, or the reason there is none. */
    record Extraction(ExtractedDocument document, String error, String source) {
        String sourceSlug() {
            return document != null ? document.source() : source;
        }

        static Extraction of(Extractor extractor, IncomingDocument in) {
            try {
                return new Extraction(extractor.extract(in.body(), context(in)), null, null);
            } catch (ExtractionException e) {
                String source = in.source() != null ? in.source() : Extractor.detectSource(in.body());
                return new Extraction(null, e.getMessage(), source);
            }
        }
    }
}
