package dev.newsfeed.topic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsfeed.post.Changes;
import dev.newsfeed.post.Post;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Keeps the stored topics and post↔topic links in step with the classifier and the custom topics. */
@ApplicationScoped
public class TopicService {

    private static final Logger LOG = Logger.getLogger(TopicService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Custom topics match in SQL, where the posts' search vectors are. */
    private static final String CUSTOM_MATCH = """
            insert into post_topic (post_id, topic_slug, score, evidence)
            select p.id, t.slug, ts_rank(p.search, websearch_to_tsquery('english', t.query)),
                   jsonb_build_object('query', t.query, 'places', to_jsonb(t.places))
            from post p join topic t on not t.builtin
            where %s
              and p.search @@ websearch_to_tsquery('english', t.query)
              and (cardinality(t.places) = 0 or p.search @@ websearch_to_tsquery('english',
                   array_to_string(t.places, ' or ')))
            on conflict (post_id, topic_slug) do update set score = excluded.score, evidence = excluded.evidence
            """;

    private final TopicClassifier classifier = TopicClassifier.builtin();
    private final Changes changes;

    TopicService(Changes changes) {
        this.changes = changes;
    }

    public TopicClassifier classifier() {
        return classifier;
    }

    /** Replaces the topic links of {@code posts}; runs inside the caller's transaction. */
    public Uni<Void> link(List<Post> posts, TopicClassifier classifier) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Post post : posts) {
            chain = chain.call(() -> linkOne(post.id, post.headline, List.of(post.body), classifier));
        }
        if (!posts.isEmpty()) {
            UUID[] ids = posts.stream().map(p -> p.id).toArray(UUID[]::new);
            chain = chain.call(() -> Panache.getSession().flatMap(s -> s
                    .createNativeQuery(CUSTOM_MATCH.formatted("p.id = any(?1)"))
                    .setParameter(1, ids)
                    .executeUpdate()));
        }
        return chain;
    }

    private Uni<Void> linkOne(UUID id, String headline, List<String> body, TopicClassifier classifier) {
        List<TopicMatch> matches = classifier.classify(headline, body);
        Uni<Void> chain = Panache.getSession().flatMap(s -> s
                .createNativeQuery("delete from post_topic where post_id = ?1")
                .setParameter(1, id)
                .executeUpdate()).replaceWithVoid();
        for (TopicMatch m : matches) {
            chain = chain.call(() -> Panache.getSession().flatMap(s -> s
                    .createNativeQuery("insert into post_topic (post_id, topic_slug, score, evidence) "
                            + "values (?1, ?2, ?3, cast(cast(?4 as text) as jsonb))")
                    .setParameter(1, id)
                    .setParameter(2, m.slug())
                    .setParameter(3, (float) m.score())
                    .setParameter(4, json(m.evidence()))
                    .executeUpdate()));
        }
        return chain;
    }

    /** Classifies every stored post for one custom topic; inside the caller's transaction. */
    public Uni<Integer> linkCustom(String slug) {
        return Panache.getSession().flatMap(s -> s
                .createNativeQuery(CUSTOM_MATCH.formatted("t.slug = ?1"))
                .setParameter(1, slug)
                .executeUpdate());
    }

    /**
     * With no post stored there is nothing to reclassify, and every post ingested from now on is classified by
     * this version: recorded at once, a new database's first start does not reclassify its own seeds (nor does
     * the next start, when the first was stopped before a background pass could finish).
     */
    private static final String VERSION_WHEN_EMPTY = "insert into classifier_state (id, version, updated_at)"
            + " select 1, ?1, now() where not exists (select 1 from post)"
            + " on conflict (id) do update set version = excluded.version, updated_at = now()";

    /** Writes the built-in topics and tells whether stored posts were classified by another version. */
    public Uni<Boolean> syncBuiltins() {
        List<TopicDefinition> defs = classifier.definitions();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < defs.size(); i++) {
            rows.append(i == 0 ? "" : ", ").append("(?%d, ?%d, ?%d, true)".formatted(3 * i + 1, 3 * i + 2, 3 * i + 3));
        }
        // One statement, and rows left alone when unchanged: every start runs it.
        String upsert = "insert into topic (slug, name, description, builtin) values " + rows
                + " on conflict (slug) do update set name = excluded.name, description = excluded.description,"
                + " builtin = true where (topic.name, topic.description, topic.builtin)"
                + " is distinct from (excluded.name, excluded.description, true)";
        return Panache.withTransaction(() -> Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(upsert);
            for (int i = 0; i < defs.size(); i++) {
                query.setParameter(3 * i + 1, defs.get(i).slug())
                        .setParameter(3 * i + 2, defs.get(i).name())
                        .setParameter(3 * i + 3, defs.get(i).description());
            }
            return query.executeUpdate();
        }).flatMap(x -> Panache.getSession().flatMap(s -> s
                .createNativeQuery(VERSION_WHEN_EMPTY).setParameter(1, classifier.version()).executeUpdate()))
                .flatMap(x -> Panache.getSession().flatMap(s -> s
                        .createNativeQuery("select version from classifier_state where id = 1", String.class)
                        .getResultList()))
                .map(versions -> versions.isEmpty() || !versions.get(0).equals(classifier.version())));
    }

    /** Reclassifies every stored post with the built-in classifier, in batches, then records the version. */
    public Uni<Integer> reclassifyAll() {
        // PostgreSQL orders uuids as unsigned bytes: the all-zero uuid is below every id.
        return reclassifyFrom(new UUID(0, 0), 0)
                .call(n -> Panache.withTransaction(() -> Panache.getSession().flatMap(s -> s
                        .createNativeQuery("insert into classifier_state (id, version, updated_at) values (1, ?1, now()) "
                                + "on conflict (id) do update set version = excluded.version, updated_at = now()")
                        .setParameter(1, classifier.version())
                        .executeUpdate())))
                .invoke(changes::changed)
                .invoke(n -> LOG.infof("Reclassified %d posts with topics %s", n, classifier.version()));
    }

    private Uni<Integer> reclassifyFrom(UUID after, int done) {
        return Panache.withTransaction(() -> Post.<Post>find("id > ?1 order by id", after).page(0, 200).list()
                        .call(batch -> link(batch, classifier).replaceWith(batch)))
                .flatMap(batch -> batch.isEmpty() ? Uni.createFrom().item(done)
                        : reclassifyFrom(batch.get(batch.size() - 1).id, done + batch.size()));
    }

    /** After a committed topic change: this replica's caches drop at once, others' when told by PostgreSQL. */
    public void changed() {
        changes.changed();
    }

    public static Topic newCustom(String slug, String name, String query, List<String> places) {
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

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
