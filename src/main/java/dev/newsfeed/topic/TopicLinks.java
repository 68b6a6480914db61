package dev.newsfeed.topic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes which topics posts have, built-in and custom, with the evidence that decided each: two statements however
 * many posts, inside the caller's transaction.
 */
@ApplicationScoped
public class TopicLinks {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The topics of one post, with each match's evidence as the JSON it is stored as: written where the post is
     * classified, on a worker, rather than on the event loop that sends the statement (a large page has
     * thousands of matches).
     */
    public record Classified(UUID postId, List<TopicMatch> matches, List<String> evidence) {

        public Classified {
            if (evidence.size() != matches.size()) {
                throw new IllegalArgumentException("one evidence per match");
            }
        }

        public Classified(UUID postId, List<TopicMatch> matches) {
            this(postId, matches, matches.stream().map(m -> json(m.evidence())).toList());
        }
    }

    /** The built-in classifier's topics and the custom topics' of a post. */
    public static Classified classify(UUID postId, String headline, List<String> body, TopicClassifier classifier,
                                      List<CustomTopicMatcher> custom) {
        PostText text = PostText.of(headline, body);
        List<TopicMatch> matches = new ArrayList<>(classifier.classify(text));
        List<CustomTopicMatcher.Stemmed> stems = custom.isEmpty() ? List.of() : CustomTopicMatcher.stemmed(text);
        for (CustomTopicMatcher m : custom) {
            m.match(text, stems).ifPresent(matches::add);
        }
        return new Classified(postId, matches);
    }

    /** Replaces the topic links of these posts. */
    public Uni<Void> replace(SqlClient tx, List<Classified> posts) {
        return replace(tx, posts, posts.stream().map(Classified::postId).toList());
    }

    /**
     * Replaces the topic links of {@code posts}, of which only {@code linked} can have links yet: a post created in
     * the same transaction has none, and its delete would be a statement (and an index probe per post) for nothing.
     */
    public Uni<Void> replace(SqlClient tx, List<Classified> posts, List<UUID> linked) {
        if (linked.isEmpty()) {
            return add(tx, posts);
        }
        return tx.preparedQuery("delete from post_topic where post_id = any($1)")
                .execute(Tuple.of(linked.toArray(UUID[]::new)))
                .flatMap(x -> add(tx, posts));
    }

    /** Adds links (of posts that have none to these topics yet). */
    public Uni<Void> add(SqlClient tx, List<Classified> posts) {
        List<UUID> ids = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (Classified c : posts) {
            for (int i = 0; i < c.matches().size(); i++) {
                TopicMatch m = c.matches().get(i);
                ids.add(c.postId());
                slugs.add(m.slug());
                scores.add((float) m.score());
                evidence.add(c.evidence().get(i));
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("""
                        insert into post_topic (post_id, topic_slug, score, evidence, sort_at)
                        select u.id, u.slug, u.score, u.evidence::json, p.sort_at
                        from unnest($1::uuid[], $2::text[], $3::real[], $4::text[]) as u(id, slug, score, evidence)
                        join post p on p.id = u.id
                        """)
                .execute(Tuple.of(ids.toArray(UUID[]::new), slugs.toArray(String[]::new),
                        scores.toArray(Float[]::new), evidence.toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
