package dev.newsfeed.ingest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Re-extraction of every stored document with the current extractor, through the same path as an ingest, in the
 * background: documents are read a few at a time in id order (their pages are never all in memory), one is
 * processed at a time (reads keep the other core), and progress is logged and shown at
 * GET /api/documents/reprocess. One job runs at a time on a replica.
 */
@ApplicationScoped
public class Reprocessing {

    private static final Logger LOG = Logger.getLogger(Reprocessing.class);
    /** Documents read per query; a page is at most the ingest limit, so this bounds the bytes held. */
    private static final int BATCH = 8;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    /** Where a job stands. */
    public record Progress(String state, long documentsTotal, long documentsDone, long postsCreated,
                           long postsUpdated, long postsUnchanged, long documentsUnreadable, Instant startedAt,
                           Instant finishedAt, String error) {

        Progress done(IngestResult r) {
            return new Progress(state, documentsTotal, documentsDone + 1, postsCreated + r.created(),
                    postsUpdated + r.updated(), postsUnchanged + r.unchanged(),
                    documentsUnreadable + (r.extractionError() != null ? 1 : 0), startedAt, null, null);
        }

        Progress finished(String state, String error) {
            return new Progress(state, documentsTotal, documentsDone, postsCreated, postsUpdated, postsUnchanged,
                    documentsUnreadable, startedAt, Instant.now(), error);
        }

        boolean running() {
            return state.equals("running");
        }
    }

    private final IngestService ingest;
    private final Pool pool;
    private final AtomicReference<Progress> current = new AtomicReference<>();

    Reprocessing(IngestService ingest, Pool pool) {
        this.ingest = ingest;
        this.pool = pool;
    }

    public Optional<Progress> progress() {
        return Optional.ofNullable(current.get());
    }

    /** Starts a job unless one is running; either way, the job under way. */
    public synchronized Progress start() {
        Progress now = current.get();
        if (now != null && now.running()) {
            return now;
        }
        Progress started = new Progress("running", 0, 0, 0, 0, 0, 0, Instant.now(), null, null);
        current.set(started);
        pool.query("select count(*) as n from document").execute()
                .map(rows -> rows.iterator().next().getLong("n"))
                .invoke(total -> current.updateAndGet(p -> new Progress(p.state(), total, p.documentsDone(),
                        p.postsCreated(), p.postsUpdated(), p.postsUnchanged(), p.documentsUnreadable(),
                        p.startedAt(), null, null)))
                .flatMap(total -> walk())
                .subscribe().with(
                        x -> {
                            Progress p = current.updateAndGet(q -> q.finished("finished", null));
                            LOG.infof("Reprocessed %d documents: %d posts created, %d updated, %d unchanged",
                                    p.documentsDone(), p.postsCreated(), p.postsUpdated(), p.postsUnchanged());
                        },
                        e -> {
                            current.updateAndGet(q -> q.finished("failed", e.getMessage()));
                            LOG.error("Reprocessing failed", e);
                        });
        return current.get();
    }

    /** Every document, a batch at a time in id order, each through the ingest path. */
    private Uni<Void> walk() {
        long[] lastLog = {System.nanoTime()};
        return Multi.createBy().repeating()
                .uni(() -> new long[] {0L}, after -> batch(after[0]).invoke(docs -> {
                    if (!docs.isEmpty()) {
                        after[0] = docs.get(docs.size() - 1).id();
                    }
                }))
                .until(List::isEmpty)
                .onItem().<StoredDocument>disjoint()
                .onItem().transformToUniAndConcatenate(ingest::reprocess)
                .invoke(r -> log(current.updateAndGet(p -> p.done(r)), lastLog))
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<List<StoredDocument>> batch(long afterId) {
        return pool.preparedQuery("select d.id, d.sha256, d.url, d.content_type, d.raw, d.retrieved_at, s.slug "
                        + "from document d join source s on s.id = d.source_id where d.id > $1 order by d.id limit "
                        + BATCH)
                .execute(Tuple.of(afterId))
                .map(rows -> {
                    List<StoredDocument> docs = new ArrayList<>(BATCH);
                    for (Row r : rows) {
                        docs.add(new StoredDocument(r.getLong("id"), r.getString("sha256"), r.getString("url"),
                                r.getString("content_type"), r.getBuffer("raw").getBytes(),
                                r.getOffsetDateTime("retrieved_at").toInstant(), r.getString("slug")));
                    }
                    return docs;
                });
    }

    private static void log(Progress p, long[] lastLog) {
        long now = System.nanoTime();
        if (now - lastLog[0] >= LOG_EVERY_NANOS) {
            lastLog[0] = now;
            LOG.infof("Reprocessing: %d of %d documents, %d posts created, %d updated", p.documentsDone(),
                    p.documentsTotal(), p.postsCreated(), p.postsUpdated());
        }
    }
}
