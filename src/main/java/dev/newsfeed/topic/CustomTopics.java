package dev.newsfeed.topic;

import dev.newsfeed.cache.Changes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The custom topics, as matchers every new or changed post is tried against. Read again from the database after
 * any change this replica hears of (a topic created here or on another replica announces itself like a post),
 * through the caller's connection: an ingest asks inside its transaction, and a second connection taken from the
 * pool there would deadlock the pool once every connection is held by a transaction waiting for another.
 */
@ApplicationScoped
public class CustomTopics {

    private record Snapshot(long generation, List<CustomTopicMatcher> matchers) {
    }

    private final Changes changes;
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    CustomTopics(Changes changes) {
        this.changes = changes;
    }

    /** The custom topics now, read from the database (through {@code client}) if they may have changed. */
    public Uni<List<CustomTopicMatcher>> current(SqlClient client) {
        Snapshot s = snapshot;
        long generation = changes.generation();
        if (s.generation() == generation) {
            return Uni.createFrom().item(s.matchers());
        }
        return client.query("select slug, query, places from topic where not builtin order by slug").execute()
                .map(rows -> {
                    List<CustomTopicMatcher> matchers = new ArrayList<>();
                    for (Row r : rows) {
                        CustomTopicMatcher m = matcher(r.getString("slug"), r.getString("query"),
                                List.of(r.getArrayOfStrings("places")));
                        if (m != null) {
                            matchers.add(m);
                        }
                    }
                    snapshot = new Snapshot(generation, List.copyOf(matchers));
                    return snapshot.matchers();
                });
    }

    /** A stored query is one the API accepted; one that cannot be read any more matches nothing. */
    private static CustomTopicMatcher matcher(String slug, String query, List<String> places) {
        try {
            return new CustomTopicMatcher(slug, query, places);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
