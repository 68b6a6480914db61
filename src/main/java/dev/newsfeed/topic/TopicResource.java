package dev.newsfeed.topic;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.ingest.BearerToken;
import dev.newsfeed.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestPath;

/** The topics, their post counts and feed URLs; custom topics are created and removed here. */
@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    private static final String TOPICS = """
            select t.slug, t.name, t.description, t.builtin, t.query, t.places,
                   (select count(*) from post_topic pt where pt.topic_slug = t.slug) as post_count,
                   (select max(p.published_at) from post_topic pt join post p on p.id = pt.post_id
                     where pt.topic_slug = t.slug) as latest_post_at
            from topic t
            """;

    private final Pool pool;
    private final TopicService topics;
    private final BearerToken token;
    private final NewsfeedConfig config;

    public TopicResource(Pool pool, TopicService topics, BearerToken token, NewsfeedConfig config) {
        this.pool = pool;
        this.topics = topics;
        this.token = token;
        this.config = config;
    }

    public record Feeds(String rss, String atom, String json) {
    }

    public record TopicView(String slug, String name, String description, boolean builtin, String query,
                            List<String> places, long postCount, Instant latestPostAt, Feeds feeds) {
    }

    /** A custom topic: a name, a websearch query, and optionally places one of which must be named. */
    public record NewTopic(String name, String query, List<String> places) {
    }

    @GET
    public Uni<List<TopicView>> list() {
        return pool.query(TOPICS + " order by t.builtin desc, t.slug").execute().map(rows -> {
            List<TopicView> out = new ArrayList<>();
            rows.forEach(r -> out.add(view(r)));
            return out;
        });
    }

    @GET
    @Path("/{slug}")
    public Uni<TopicView> get(@RestPath String slug) {
        return one(slug);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(NewTopic body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        token.check(authorization);
        if (body == null || body.name() == null || body.name().isBlank()) {
            throw ProblemException.badRequest("Give the topic a 'name'.");
        }
        if (body.query() == null || body.query().isBlank()) {
            throw ProblemException.badRequest("Give the topic a 'query' in websearch syntax, e.g. \"grain deal\" -turkey.");
        }
        String slug = slug(body.name());
        if (slug.isEmpty()) {
            throw ProblemException.badRequest("The name must contain letters or digits.");
        }
        List<String> places = body.places() == null ? List.of()
                : body.places().stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        return checkQuery(body.query())
                .flatMap(x -> Panache.withTransaction(() -> Topic.<Topic>findById(slug).flatMap(existing -> {
                    if (existing != null) {
                        throw new ProblemException(409, "Conflict", "The slug '" + slug + "' is taken.");
                    }
                    return TopicService.newCustom(slug, body.name().trim(), body.query().trim(), places).persist()
                            .call(() -> Panache.getSession().flatMap(s -> s.flush()))
                            .call(() -> topics.linkCustom(slug));
                })))
                .invoke(topics::changed)
                .flatMap(x -> one(slug))
                .map(view -> Response.status(201).entity(view)
                        .header("Location", config.publicBaseUrl() + "/api/topics/" + slug).build());
    }

    @DELETE
    @Path("/{slug}")
    public Uni<Response> delete(@RestPath String slug, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        token.check(authorization);
        return Panache.withTransaction(() -> Topic.<Topic>findById(slug).flatMap(t -> {
            if (t == null) {
                throw ProblemException.notFound("There is no topic '" + slug + "'.");
            }
            if (t.builtin) {
                throw new ProblemException(409, "Conflict", "'" + slug + "' is built in and cannot be deleted.");
            }
            return t.delete();
        })).invoke(topics::changed).map(x -> Response.noContent().build());
    }

    /** A query whose words are all stop words or punctuation would match nothing: say so. */
    private Uni<Void> checkQuery(String query) {
        return pool.preparedQuery("select numnode(websearch_to_tsquery('english', $1)) as nodes")
                .execute(Tuple.of(query))
                .map(rows -> {
                    if (rows.iterator().next().getInteger("nodes") == 0) {
                        throw ProblemException.badRequest("The query '" + query + "' has no searchable words "
                                + "(only stop words or punctuation).");
                    }
                    return null;
                });
    }

    private Uni<TopicView> one(String slug) {
        return pool.preparedQuery(TOPICS + " where t.slug = $1").execute(Tuple.of(slug)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw ProblemException.notFound("There is no topic '" + slug + "'.");
            }
            return view(rows.iterator().next());
        });
    }

    private TopicView view(Row r) {
        String slug = r.getString("slug");
        String base = config.publicBaseUrl() + "/feeds/" + slug;
        return new TopicView(slug, r.getString("name"), r.getString("description"), r.getBoolean("builtin"),
                r.getString("query"), List.of(r.getArrayOfStrings("places")), r.getLong("post_count"),
                r.getOffsetDateTime("latest_post_at") == null ? null : r.getOffsetDateTime("latest_post_at").toInstant(),
                new Feeds(base + ".rss", base + ".atom", base + ".json"));
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
