package dev.newsfeed.topic;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.web.ProblemException;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;

/** The topics, their post counts and feed URLs; custom topics are created and removed here (with the token). */
@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    private static final String TOPICS = """
            select t.slug, t.name, t.description, t.builtin, t.query, t.places,
                   (select count(*) from post_topic pt where pt.topic_slug = t.slug) as post_count,
                   (select max(pt.sort_at) from post_topic pt where pt.topic_slug = t.slug
                     and pt.sort_at > '-infinity') as latest_post_at
            from topic t
            """;

    private final Pool pool;
    private final TopicService topics;
    private final NewsfeedConfig config;

    TopicResource(@ReactiveDataSource("read") Pool pool, TopicService topics, NewsfeedConfig config) {
        this.pool = pool;
        this.topics = topics;
        this.config = config;
    }

    public record Feeds(String rss, String atom, String json) {
    }

    public record TopicView(String slug, String name, String description, boolean builtin, String query,
                            List<String> places, long postCount, Instant latestPostAt, Feeds feeds) {
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
    public Uni<Response> create(TopicService.NewTopic body) {
        return topics.create(body).flatMap(this::one).map(view -> Response.status(201).entity(view)
                .header("Location", config.publicBaseUrl() + "/api/topics/" + view.slug()).build());
    }

    @DELETE
    @Path("/{slug}")
    public Uni<Response> delete(@RestPath String slug) {
        return topics.delete(slug).map(x -> Response.noContent().build());
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
}
