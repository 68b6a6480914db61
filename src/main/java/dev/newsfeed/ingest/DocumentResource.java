package dev.newsfeed.ingest;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.extract.ExtractedDocument;
import dev.newsfeed.post.Params;
import dev.newsfeed.topic.TopicMatch;
import dev.newsfeed.topic.TopicService;
import dev.newsfeed.web.Problem;
import dev.newsfeed.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** Documents in: ingest (with a token), preview (without), and re-extraction of stored documents. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    private final IngestService ingest;
    private final BearerToken token;
    private final NewsfeedConfig config;
    private final TopicService topics;

    public DocumentResource(IngestService ingest, BearerToken token, NewsfeedConfig config, TopicService topics) {
        this.ingest = ingest;
        this.token = token;
        this.config = config;
        this.topics = topics;
    }

    /** The answer to an ingest. */
    public record IngestView(long documentId, String sha256, String layout, int created, int updated,
                             int unchanged, List<java.util.UUID> postIds) {
        static IngestView of(IngestResult r) {
            return new IngestView(r.documentId(), r.sha256(), r.layout(), r.created(), r.updated(), r.unchanged(),
                    r.postIds());
        }
    }

    /** What the extractor and classifier see in a page. */
    public record PreviewView(ExtractedDocument document, List<List<TopicMatch>> topics) {
    }

    @POST
    @Path("/documents")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    public Uni<Response> ingest(String body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @RestQuery String source, @RestQuery String url, @RestQuery String retrievedAt) {
        token.check(authorization);
        IncomingDocument in = incoming(body, contentType, source, url, retrievedAt);
        return ingest.ingest(in).map(result -> {
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
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    public Uni<PreviewView> extract(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                    @RestQuery String source, @RestQuery String url,
                                    @RestQuery String retrievedAt) {
        IncomingDocument in = incoming(body, contentType, source, url, retrievedAt);
        return ingest.preview(in).map(doc -> new PreviewView(doc, doc.posts().stream()
                .map(p -> topics.classifier().classify(p.headline(), p.body())).toList()));
    }

    /** Re-extracts every stored document with the current extractor; posts are updated in place. */
    @POST
    @Path("/documents/reprocess")
    public Uni<IngestView> reprocess(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        token.check(authorization);
        return Panache.withSession(() -> StoredDocument.<StoredDocument>find("order by retrievedAt, id").list())
                .onItem().transformToMulti(docs -> Multi.createFrom().iterable(docs))
                .onItem().transformToUniAndConcatenate(ingest::reprocess)
                .collect().asList()
                .map(results -> new IngestView(0, null, null,
                        results.stream().mapToInt(IngestResult::created).sum(),
                        results.stream().mapToInt(IngestResult::updated).sum(),
                        results.stream().mapToInt(IngestResult::unchanged).sum(),
                        results.stream().flatMap(r -> r.postIds().stream()).distinct().toList()));
    }

    private IncomingDocument incoming(String body, String contentType, String source, String url,
                                      String retrievedAt) {
        if (body == null || body.isEmpty()) {
            throw new ProblemException(422, "Unprocessable document", "The document is empty.");
        }
        long bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.ingest().maxBodyBytes()) {
            throw new ProblemException(413, "Document too large", "The document has " + bytes
                    + " bytes; the limit is " + config.ingest().maxBodyBytes() + ".");
        }
        if (url != null && !url.isBlank() && !url.matches("(?i)https?://\\S+")) {
            throw ProblemException.badRequest("'url' must be an absolute http(s) URL; got '" + url + "'.");
        }
        String type = contentType == null ? MediaType.TEXT_PLAIN : contentType.split(";")[0].trim();
        return new IncomingDocument(body, type, Params.text(source), Params.text(url),
                Params.instant("retrievedAt", retrievedAt));
    }
}
