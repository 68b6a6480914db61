package dev.newsfeed.ingest;

import dev.newsfeed.cache.Changes;
import dev.newsfeed.extract.ExtractedDocument;
import dev.newsfeed.extract.ExtractionException;
import dev.newsfeed.extract.Extractor;
import dev.newsfeed.extract.PageContext;
import dev.newsfeed.extract.Text;
import dev.newsfeed.hash.Sha256;
import dev.newsfeed.topic.CustomTopics;
import dev.newsfeed.topic.TopicClassifier;
import dev.newsfeed.topic.TopicMatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Documents in. The steps of an ingest, in order: the page is hashed (a page seen before is answered at once),
 * extracted, then, in one transaction under the page's lock, kept with its live blog, its posts matched to the
 * stored ones and classified, the changes written; last, the change is announced. Hashing, extraction,
 * matching and classification run on worker threads: a large page takes longer than the event loop may.
 * Ingests of the same page are serialised by a transaction-scoped advisory lock, so parallel identical
 * requests create the posts once.
 */
@ApplicationScoped
public class IngestService {

    private final Extractor extractor = new Extractor();
    private final TopicClassifier classifier;
    private final CustomTopics custom;
    private final IngestStore store;
    private final Pool pool;
    private final Vertx vertx;
    private final Changes changes;
    private final IngestMetrics metrics;
    private final Statistics statistics;

    IngestService(TopicClassifier classifier, CustomTopics custom, IngestStore store, Pool pool, Vertx vertx,
                  Changes changes, IngestMetrics metrics, Statistics statistics) {
        this.classifier = classifier;
        this.custom = custom;
        this.store = store;
        this.pool = pool;
        this.vertx = vertx;
        this.changes = changes;
        this.metrics = metrics;
        this.statistics = statistics;
    }

    /**
     * What the pipeline would make of a page, without storing anything: the document and each post's topics.
     * Blocking: the caller runs it on a worker thread.
     */
    public Preview preview(IncomingDocument in) throws ExtractionException {
        ExtractedDocument doc = extractor.extract(in.body(), context(in));
        return new Preview(doc, doc.posts().stream().map(p -> classifier.classify(p.headline(), p.body())).toList());
    }

    /** An extracted page and the topics of each of its posts. */
    public record Preview(ExtractedDocument document, List<List<TopicMatch>> topics) {
    }

    public Uni<IngestResult> ingest(IncomingDocument in) {
        return onWorker(() -> Received.of(in))
                .flatMap(received -> store.repeat(pool, received.sha()).flatMap(seen -> seen != null
                        ? Uni.createFrom().item(seen)
                        : firstSight(in, received)))
                .invoke(metrics::record);
    }

    /** The page as bytes (as it is kept) and their hash, made on a worker: a 10 MiB page takes tens of ms. */
    record Received(byte[] raw, String sha) {
        static Received of(IncomingDocument in) {
            byte[] raw = in.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return new Received(raw, Sha256.hex(raw));
        }
    }

    /**
     * A page not seen before: checked once more under the page's lock, where parallel ingests of it meet. The
     * page is extracted on a worker while the transaction takes its locks and reads the live blog's stored posts:
     * a page with an address is known by it before it is read, and a re-read page's time is mostly these two.
     */
    private Uni<IngestResult> firstSight(IncomingDocument in, Received received) {
        String sha = received.sha();
        Uni<Extraction> extraction = Uni.createFrom().completionStage(
                onWorker(() -> Extraction.of(extractor, in)).subscribeAsCompletionStage());
        String address = Extraction.addressKey(in.url());
        // The page's hash is locked as well as the page: the same bytes sent at once under two addresses must not
        // both pass the check below.
        return pool.withTransaction(tx -> store.lock(tx, sha)
                        .flatMap(x -> address != null ? Uni.createFrom().item(address)
                                : extraction.map(e -> e.pageKey(in, sha)))
                        .flatMap(pageKey -> store.lock(tx, pageKey)
                                .flatMap(x -> store.repeat(tx, sha))
                                .flatMap(seen -> seen != null ? Uni.createFrom().item(seen)
                                        : store.storedPosts(tx, pageKey).flatMap(stored -> extraction
                                                .flatMap(e -> keep(tx, in, received, e, stored))))))
                .invoke(this::announce);
    }

    /** The page kept with its source, then its posts stored. */
    private Uni<IngestResult> keep(SqlClient tx, IncomingDocument in, Received received, Extraction extraction,
                                   List<StoredPost> stored) {
        return store.source(tx, extraction.source(), Extractor.sourceName(extraction.source()))
                .flatMap(sourceId -> store.document(tx, sourceId, received.sha(), in, received.raw(),
                                extraction.reading())
                        .flatMap(docId -> extraction.document() == null
                                ? Uni.createFrom().item(extraction.unreadable(docId, received.sha()))
                                : storePosts(tx, docId, sourceId, received.sha(), in.url(), extraction, stored)));
    }

    /** Extracts a stored document again with the current extractor, updating its posts in place. */
    public Uni<IngestResult> reprocess(StoredDocument doc) {
        IncomingDocument in = doc.incoming();
        return onWorker(() -> Extraction.of(extractor, in))
                .flatMap(extraction -> pool.withTransaction(tx -> store.lock(tx, extraction.pageKey(in, doc.sha256()))
                        .flatMap(x -> store.reread(tx, doc.id(), extraction.reading()))
                        .flatMap(x -> extraction.document() == null
                                ? Uni.createFrom().item(extraction.unreadable(doc.id(), doc.sha256()))
                                : store.storedPosts(tx, extraction.pageKey(in, doc.sha256())).flatMap(stored -> store
                                        .source(tx, extraction.source(), Extractor.sourceName(extraction.source()))
                                        .flatMap(sourceId -> storePosts(tx, doc.id(), sourceId, doc.sha256(),
                                                in.url(), extraction, stored))))))
                .invoke(this::announce);
    }

    /**
     * Steps 2 to 4: the live blog, and the page's posts matched against its stored ones; the new and changed
     * posts are written while a worker classifies them (the two take about as long), then their topics.
     */
    private Uni<IngestResult> storePosts(SqlClient tx, long docId, long sourceId, String sha, String url,
                                         Extraction extraction, List<StoredPost> stored) {
        ExtractedDocument doc = extraction.document();
        return store.liveBlog(tx, sourceId, extraction.pageKey(url), url, doc).flatMap(blogId ->
                onWorker(() -> IngestPlan.of(extraction.contents(), stored))
                        .flatMap(plan -> custom.current(tx)
                        .flatMap(matchers -> Uni.combine().all()
                                .unis(store.writePosts(tx, docId, blogId, sourceId, plan),
                                        onWorker(() -> plan.classify(classifier, matchers)))
                                .with((written, classified) -> classified))
                        .flatMap(classified -> store.writeTopics(tx, plan, classified))
                        .flatMap(x -> store.settle(tx, docId, blogId, plan.postIds(),
                                plan.created().size() + plan.changed().size()))
                        .replaceWith(IngestResult.stored(docId, sha, doc, plan.created().size(),
                                plan.changed().size(), plan.unchanged(), plan.postIds()))));
    }

    /** Step 5, after the commit: this replica's kept values drop at once, others' when PostgreSQL tells them. */
    private void announce(IngestResult result) {
        if (result.created() + result.updated() > 0) {
            changes.changed();
            statistics.written(result.created() + result.updated());
        }
    }

    private <T> Uni<T> onWorker(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    private static PageContext context(IncomingDocument in) {
        return new PageContext(in.source(), in.url(), in.retrievedAt());
    }

    /**
     * The extractor's outcome: a document and its posts as they are stored (made here, on the worker that
     * extracts: hashing a thousand posts takes milliseconds), or the reason there is none.
     */
    record Extraction(ExtractedDocument document, List<PostContent> contents, String error, String source) {

        static Extraction of(Extractor extractor, IncomingDocument in) {
            try {
                ExtractedDocument doc = extractor.extract(in.body(), context(in));
                return new Extraction(doc, doc.posts().stream().map(PostContent::of).toList(), null, doc.source());
            } catch (ExtractionException e) {
                String source = in.source() != null ? in.source() : Extractor.detectSource(in.body());
                return new Extraction(null, List.of(), e.getMessage(), source);
            }
        }

        String layout() {
            return document == null ? null : document.layout().wire();
        }

        IngestResult unreadable(long documentId, String sha) {
            return IngestResult.unreadable(documentId, sha, source, error);
        }

        IngestStore.Reading reading() {
            return document == null
                    ? new IngestStore.Reading(null, Extractor.VERSION, error, new String[0], null)
                    : new IngestStore.Reading(layout(), Extractor.VERSION, null,
                            document.warnings().toArray(String[]::new), document.confidence().wire());
        }

        /** The lock of an ingest: the live blog's key, or the page's hash when nothing could be read of it. */
        String pageKey(IncomingDocument in, String sha) {
            return document == null ? sha : pageKey(in.url());
        }

        /** A live blog is known by its URL; without one, by its source and title. */
        String pageKey(String url) {
            String address = addressKey(url);
            if (address != null) {
                return address;
            }
            String title = document.title() != null ? document.title()
                    : document.posts().isEmpty() ? "untitled" : document.posts().get(0).headline();
            return document.source() + ":" + Text.key(title);
        }

        /** The key of a live blog with an address, known before its page is read; null without one. */
        static String addressKey(String url) {
            return url == null || url.isBlank() ? null : url.replaceFirst("#.*$", "");
        }
    }
}
