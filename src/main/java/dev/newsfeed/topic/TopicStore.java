package dev.newsfeed.topic;

import dev.newsfeed.web.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Custom topics created and removed, each in one transaction with its links to the stored posts. The posts a new
 * topic may match are found by PostgreSQL's full-text index, a batch at a time, and decided (with their evidence)
 * by the topic's matcher on a worker.
 */
@ApplicationScoped
class TopicStore {

    /** Candidate posts read per statement when a topic is created: a broad query may match most posts. */
    private static final int BATCH = 500;

    private final Pool pool;
    private final TopicLinks links;
    private final Vertx vertx;

    TopicStore(Pool pool, TopicLinks links, Vertx vertx) {
        this.pool = pool;
        this.links = links;
        this.vertx = vertx;
    }

    /** Creates the topic and links every stored post it matches; 409 when its slug is taken, even by a racer. */
    Uni<Void> create(String slug, String name, String query, List<String> places, CustomTopicMatcher matcher) {
        String description = "Posts matching " + query + (places.isEmpty() ? "" : " in " + String.join(", ", places));
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                insert into topic (slug, name, description, builtin, query, places)
                                values ($1, $2, $3, false, $4, $5) on conflict (slug) do nothing returning slug""")
                .execute(Tuple.of(slug, name, description, query, places.toArray(String[]::new)))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.conflict("The slug '" + slug + "' is taken.");
                    }
                    return linkAll(tx, query, matcher);
                }));
    }

    /** The stored posts the query's words find, a batch at a time in id order, matched and linked. */
    private Uni<Void> linkAll(SqlClient tx, String query, CustomTopicMatcher matcher) {
        return Multi.createBy().repeating()
                .uni(() -> new UUID[] {new UUID(0, 0)}, after -> tx.preparedQuery("""
                                select id, headline, body from post
                                where search @@ websearch_to_tsquery('english', $1) and id > $2
                                order by id limit """ + " " + BATCH)
                        .execute(Tuple.of(query, after[0]))
                        .map(rows -> {
                            List<Row> batch = new ArrayList<>(rows.size());
                            rows.forEach(batch::add);
                            if (!batch.isEmpty()) {
                                after[0] = batch.get(batch.size() - 1).getUUID("id");
                            }
                            return batch;
                        }))
                .until(List::isEmpty)
                .onItem().transformToUniAndConcatenate(batch -> vertx.executeBlocking(() -> batch.stream()
                                .map(r -> new TopicLinks.Classified(r.getUUID("id"), matcher
                                        .match(r.getString("headline"), List.of(r.getArrayOfStrings("body")))
                                        .map(List::of).orElse(List.of())))
                                .toList(), false)
                        .flatMap(classified -> links.add(tx, classified)))
                .collect().last()
                .replaceWithVoid();
    }

    Uni<Void> delete(String slug) {
        return pool.withTransaction(tx -> tx.preparedQuery("delete from topic where slug = $1 and not builtin returning slug")
                .execute(Tuple.of(slug))
                .flatMap(deleted -> deleted.size() > 0 ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("select 1 from topic where slug = $1").execute(Tuple.of(slug)).map(builtin -> {
                            if (builtin.size() > 0) {
                                throw ProblemException.conflict("'" + slug + "' is built in and cannot be deleted.");
                            }
                            throw ProblemException.notFound("There is no topic '" + slug + "'.");
                        })));
    }
}
