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
 * Writes which topics posts have: the built-in classifier's matches and the custom topics' (matched in SQL,
 * where the posts' search vectors are). Three statements however many posts, inside the caller's transaction.
 */
@ApplicationScoped
public class TopicLinks {

    private static final ObjectMapper JSON = new ObjectMapper();
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

    /** The topics of one post, as the classifier found them. */
    public record Classified(UUID postId, List<TopicMatch> matches) {
    }

    /** Replaces the topic links of these posts with their classification and the custom topics that match. */
    public Uni<Void> replace(SqlClient tx, List<Classified> posts) {
        if (posts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] postIds = posts.stream().map(Classified::postId).toArray(UUID[]::new);
        List<UUID> ids = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (Classified c : posts) {
            for (TopicMatch m : c.matches()) {
                ids.add(c.postId());
                slugs.add(m.slug());
                scores.add((float) m.score());
                evidence.add(json(m.evidence()));
            }
        }
        return tx.preparedQuery("delete from post_topic where post_id = any($1)").execute(Tuple.of(postIds))
                .flatMap(x -> ids.isEmpty() ? Uni.createFrom().nullItem() : tx.preparedQuery("""
                                insert into post_topic (post_id, topic_slug, score, evidence)
                                select u.id, u.slug, u.score, u.evidence::jsonb
                                from unnest($1::uuid[], $2::text[], $3::real[], $4::text[]) as u(id, slug, score, evidence)
                                """)
                        .execute(Tuple.of(ids.toArray(UUID[]::new), slugs.toArray(String[]::new),
                                scores.toArray(Float[]::new), evidence.toArray(String[]::new))))
                .flatMap(x -> tx.preparedQuery(customMatch("p.id = any($1)")).execute(Tuple.of(postIds)))
                .replaceWithVoid();
    }

    /** The statement linking posts to the custom topics they match, for the posts and topics {@code where} picks. */
    static String customMatch(String where) {
        return CUSTOM_MATCH.formatted(where);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
