package dev.newsfeed.ingest;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.web.Bulkhead;
import dev.newsfeed.web.Problem;
import dev.newsfeed.web.ProblemException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Bounds what documents in flight hold, before their bodies are read: previews (anyone may send them) and
 * ingests each have a bulkhead of so many at once and so many bytes between them, counted from the declared
 * length. A request beyond it is answered 503 with Retry-After at once, so a flood of 10 MB previews costs
 * their headers, not the heap.
 */
@Singleton
public class DocumentAdmission {

    private final long maxBody;
    private final Bulkhead previews;
    private final Bulkhead ingests;

    DocumentAdmission(NewsfeedConfig config) {
        this.maxBody = config.ingest().maxBodyBytes();
        this.previews = new Bulkhead("previews", config.preview().maxConcurrent(), config.preview().maxBytesInFlight());
        this.ingests = new Bulkhead("ingests", config.ingest().maxConcurrent(), config.ingest().maxBytesInFlight());
    }

    void register(@Observes Router router) {
        // After the token check (order -1000): a write without the token is turned away before it is counted.
        router.post("/api/extract").order(-900).handler(ctx -> admit(ctx, previews));
        router.post("/api/documents").order(-900).handler(ctx -> admit(ctx, ingests));
    }

    private void admit(RoutingContext ctx, Bulkhead bulkhead) {
        long length = declaredLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length > maxBody) {
            Problem.send(ctx.response(), 413, "Document too large", "The document has " + length
                    + " bytes; the limit is " + maxBody + ".");
            return;
        }
        if (!bulkhead.tryEnter(length)) {
            ProblemException full = bulkhead.full();
            Problem.send(ctx.response(), full);
            return;
        }
        ctx.addEndHandler(done -> bulkhead.exit(length));
        ctx.next();
    }

    /** The body's declared length; a body of unknown length may be as large as the limit allows. */
    private long declaredLength(String header) {
        try {
            return header == null ? maxBody : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return maxBody;
        }
    }
}
