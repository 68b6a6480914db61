package dev.newsfeed.ingest;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.web.Problem;
import dev.newsfeed.web.ProblemException;
import dev.newsfeed.extract.ExtractionException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Documents in: ingest, preview, and re-extraction of stored documents. Writes need the token, which
 * {@code auth.WriteAccess} checks before the body is read; {@link DocumentAdmission} bounds how many bodies are
 * held at once. Bodies are read and decoded on a worker thread ({@code @Blocking}): a 10 MB page takes longer
 * than the event loop may, and so does writing a large preview's JSON.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    private final IngestService ingest;
    private final Reprocessing reprocessing;
    private final IncomingDocuments incoming;

    DocumentResource(IngestService ingest, Reprocessing reprocessing, NewsfeedConfig config) {
        this.ingest = ingest;
        this.reprocessing = reprocessing;
        this.incoming = new IncomingDocuments(config.ingest().maxBodyBytes());
    }

    /**
     * The answer to an ingest.
     *
     * @param warnings   the extractor's doubts about the page's posts, one sentence each
     * @param confidence how far the cut into posts can be trusted: high, medium or low
     */
    public record IngestView(long documentId, String sha256, String layout, int created, int updated,
                             int unchanged, List<UUID> postIds, List<String> warnings, String confidence) {
        static IngestView of(IngestResult r) {
            return new IngestView(r.documentId(), r.sha256(), r.layout(), r.created(), r.updated(), r.unchanged(),
                    r.postIds(), r.warnings(), r.confidence());
        }
    }

    @POST
    @Path("/documents")
    @Blocking
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    public Uni<Response> ingest(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @RestQuery String source, @RestQuery String url, @RestQuery String retrievedAt) {
        return ingest.ingest(incoming.of(body, contentType, source, url, retrievedAt)).map(result -> {
            if (result.extractionError() != null) {
                return Problem.response(422, "Unprocessable document", result.extractionError()
                        + " The document was kept (id " + result.documentId() + ") and will be read again by "
                        + "POST /api/documents/reprocess after an extractor upgrade.");
            }
            return Response.status(result.repeated() ? 200 : 201).entity(IngestView.of(result)).build();
        });
    }

    @POST
    @Path("/extract")
    @Blocking
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    public IngestService.Preview extract(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                         @RestQuery String source, @RestQuery String url,
                                         @RestQuery String retrievedAt) throws ExtractionException {
        return ingest.preview(incoming.of(body, contentType, source, url, retrievedAt));
    }

    /** A page the extractor cannot read (a preview of it) is the client's to fix: 422 with the extractor's reason. */
    @ServerExceptionMapper
    Response unreadable(ExtractionException e) {
        return Problem.response(422, "Unprocessable document", e.getMessage());
    }

    /**
     * Starts re-extracting every stored document with the current extractor, in the background; posts are
     * updated in place. 202 with the job, which {@code GET} shows as it goes; one job runs at a time.
     */
    @POST
    @Path("/documents/reprocess")
    public Response reprocess() {
        Reprocessing.Progress progress = reprocessing.start();
        return Response.accepted(progress).header("Location", "/api/documents/reprocess").build();
    }

    @GET
    @Path("/documents/reprocess")
    public Reprocessing.Progress reprocessProgress() {
        return reprocessing.progress().orElseThrow(() -> ProblemException.notFound(
                "No reprocessing has run since this replica started."));
    }
}
