package dev.newsfeed.topic;

import dev.newsfeed.cache.Changes;
import dev.newsfeed.web.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The stored topics kept in step with the classifier and the custom topics: built-in topics written at start-up,
 * stored posts reclassified when the classifier changed, custom topics created and removed. Every committed change
 * is announced, so kept feeds and pages drop at once.
 */
@ApplicationScoped
public class TopicService {

    private static final Logger LOG = Logger.getLogger(TopicService.class);
    /** Posts reclassified per transaction. */
    private static final int BATCH = 500;

    private final TopicClassifier classifier;
    private final CustomTopics custom;
    private final TopicLinks links;
    private final TopicStore store;
    private final Pool pool;
    private final Vertx vertx;
    private final Changes changes;

    TopicService(TopicClassifier classifier, CustomTopics custom, TopicLinks links, TopicStore store, Pool pool,
                 Vertx vertx, Changes changes) {
        this.classifier = classifier;
        this.custom = custom;
        this.links = links;
        this.store = store;
        this.pool = pool;
        this.vertx = vertx;
        this.changes = changes;
    }

    /** A custom topic: a name, a websearch query, and optionally places one of which must be named. */
    public record NewTopic(String name, String query, List<String> places) {
    }

    /** Creates a custom topic and links the stored posts it matches; answers its slug. */
    public Uni<String> create(NewTopic topic) {
        if (topic == null || topic.name() == null || topic.name().isBlank()) {
            throw ProblemException.badRequest("Give the topic a 'name'.");
        }
        if (topic.query() == null || topic.query().isBlank()) {
            throw ProblemException.badRequest("Give the topic a 'query' in websearch syntax, e.g. \"grain deal\" -turkey.");
        }
        String slug = slug(topic.name());
        if (slug.isEmpty()) {
            throw ProblemException.badRequest("The name must contain letters or digits.");
        }
        List<String> places = topic.places() == null ? List.of()
                : topic.places().stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        CustomTopicMatcher matcher;
        try {
            matcher = new CustomTopicMatcher(slug, topic.query().trim(), places);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The query '" + topic.query() + "' has no searchable words "
                    + "(only stop words, punctuation or exclusions).");
        }
        return store.create(slug, topic.name().trim(), topic.query().trim(), places, matcher)
                .invoke(changes::changed)
                .replaceWith(slug);
    }

    public Uni<Void> delete(String slug) {
        return store.delete(slug).invoke(changes::changed);
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /**
     * With no post stored there is nothing to reclassify, and every post ingested from now on is classified by
     * this version: recorded at once, a new database's first start does not reclassify its own seeds (nor does
     * the next start, when the first was stopped before a background pass could finish).
     */
    private static final String VERSION_WHEN_EMPTY = "insert into classifier_state (id, version, updated_at)"
            + " select 1, $1, now() where not exists (select 1 from post)"
            + " on conflict (id) do update set version = excluded.version, updated_at = now()";

    /** Writes the built-in topics and tells whether stored posts were classified by another version. */
    public Uni<Boolean> syncBuiltins() {
        List<TopicDefinition> defs = classifier.definitions();
        StringBuilder rows = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (TopicDefinition d : defs) {
            rows.append(args.isEmpty() ? "" : ", ").append("($%d, $%d, $%d, true)"
                    .formatted(args.size() + 1, args.size() + 2, args.size() + 3));
            args.add(d.slug());
            args.add(d.name());
            args.add(d.description());
        }
        // One statement, and rows left alone when unchanged: every start runs it.
        String upsert = "insert into topic (slug, name, description, builtin) values " + rows
                + " on conflict (slug) do update set name = excluded.name, description = excluded.description,"
                + " builtin = true where (topic.name, topic.description, topic.builtin)"
                + " is distinct from (excluded.name, excluded.description, true)";
        return pool.withTransaction(tx -> tx.preparedQuery(upsert).execute(Tuple.from(args))
                .flatMap(x -> tx.preparedQuery(VERSION_WHEN_EMPTY).execute(Tuple.of(classifier.version())))
                .flatMap(x -> tx.query("select version from classifier_state where id = 1").execute())
                .map(versions -> versions.size() == 0
                        || !versions.iterator().next().getString("version").equals(classifier.version())));
    }

    /** Reclassifies every stored post with the built-in classifier, in batches, then records the version. */
    public Uni<Long> reclassifyAll() {
        return Multi.createBy().repeating()
                .uni(() -> new UUID[] {new UUID(0, 0)}, after -> reclassifyAfter(after[0]).invoke(last -> {
                    if (last.size() > 0) {
                        after[0] = last.id();
                    }
                }))
                .until(last -> last.size() == 0)
                .collect().with(java.util.stream.Collectors.summingLong(Batch::size))
                .call(n -> pool.preparedQuery("insert into classifier_state (id, version, updated_at) values (1, $1, now()) "
                                + "on conflict (id) do update set version = excluded.version, updated_at = now()")
                        .execute(Tuple.of(classifier.version())))
                .invoke(changes::changed)
                .invoke(n -> LOG.infof("Reclassified %d posts with topics %s", n, classifier.version()));
    }

    /** What a batch did: its last post (where the next starts) and how many it held. */
    private record Batch(UUID id, int size) {
    }

    /**
     * The posts after {@code after} in id order (PostgreSQL orders uuids as unsigned bytes, so the all-zero uuid
     * is below every id), classified on a worker and linked in one transaction; an empty batch when none are left.
     */
    private Uni<Batch> reclassifyAfter(UUID after) {
        return pool.preparedQuery("select id, headline, body from post where id > $1 order by id limit " + BATCH)
                .execute(Tuple.of(after))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(new Batch(null, 0));
                    }
                    List<Row> batch = new ArrayList<>(rows.size());
                    rows.forEach(batch::add);
                    return custom.current(pool).flatMap(matchers -> vertx.executeBlocking(() -> batch.stream()
                                    .map(r -> TopicLinks.classify(r.getUUID("id"), r.getString("headline"),
                                            List.of(r.getArrayOfStrings("body")), classifier, matchers))
                                    .toList(), false))
                            .flatMap(classified -> pool.withTransaction(tx -> links.replace(tx, classified)))
                            .replaceWith(new Batch(batch.get(batch.size() - 1).getUUID("id"), batch.size()));
                });
    }
}
