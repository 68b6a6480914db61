package dev.newsfeed.topic;

import dev.newsfeed.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Custom topics created and removed, each in one transaction with its links to the stored posts. */
@ApplicationScoped
class TopicStore {

    /** Creates the topic and links every stored post it matches; 409 when its slug is taken, even by a racer. */
    @WithTransaction
    Uni<Void> create(String slug, String name, String query, List<String> places) {
        return Topic.<Topic>findById(slug)
                .flatMap(existing -> {
                    if (existing != null) {
                        throw taken(slug);
                    }
                    return custom(slug, name, query, places).persistAndFlush();
                })
                .flatMap(x -> Panache.getSession().flatMap(s -> s
                        .createNativeQuery(TopicLinks.customMatch("t.slug = ?1"))
                        .setParameter(1, slug)
                        .executeUpdate()))
                .onFailure(TopicStore::uniqueViolation).transform(e -> taken(slug))
                .replaceWithVoid();
    }

    @WithTransaction
    Uni<Void> delete(String slug) {
        return Topic.<Topic>findById(slug).flatMap(t -> {
            if (t == null) {
                throw ProblemException.notFound("There is no topic '" + slug + "'.");
            }
            if (t.builtin) {
                throw ProblemException.conflict("'" + slug + "' is built in and cannot be deleted.");
            }
            return t.delete();
        });
    }

    /** Two requests creating the same topic at once: the second insert breaks the primary key. */
    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException taken(String slug) {
        return ProblemException.conflict("The slug '" + slug + "' is taken.");
    }

    private static Topic custom(String slug, String name, String query, List<String> places) {
        Topic t = new Topic();
        t.slug = slug;
        t.name = name;
        t.description = "Posts matching " + query + (places.isEmpty() ? "" : " in " + String.join(", ", places));
        t.builtin = false;
        t.query = query;
        t.places = places.toArray(String[]::new);
        t.createdAt = Instant.now();
        return t;
    }
}
