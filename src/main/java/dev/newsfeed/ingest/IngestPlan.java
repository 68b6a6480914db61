package dev.newsfeed.ingest;

import dev.newsfeed.topic.TopicClassifier;
import dev.newsfeed.topic.CustomTopicMatcher;
import dev.newsfeed.topic.TopicLinks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What storing one document will do, decided in memory before anything is written: which extracted posts are
 * new, which are new readings of stored posts that changed, and which are unchanged (they cost no write).
 *
 * @param postIds the document's posts in page order, each once
 * @param createdColumns the new posts as the insert binds them
 * @param changedColumns the changed posts as the update binds them
 */
record IngestPlan(List<UUID> postIds, List<PostWrite> created, List<PostWrite> changed, int unchanged,
                  IngestStore.Columns createdColumns, IngestStore.Columns changedColumns) {

    /** A post to insert or update. */
    record PostWrite(UUID id, PostContent content) {
    }

    static IngestPlan of(List<PostContent> extracted, List<StoredPost> stored) {
        PostMatcher matcher = new PostMatcher(stored);
        Set<UUID> ids = new LinkedHashSet<>();
        List<PostWrite> created = new ArrayList<>();
        List<PostWrite> changed = new ArrayList<>();
        int unchanged = 0;
        for (PostContent content : extracted) {
            StoredPost match = matcher.match(content);
            if (match == null) {
                UUID id = UUID.randomUUID();
                created.add(new PostWrite(id, content));
                ids.add(id);
            } else if (!match.hash().equals(content.hash())) {
                changed.add(new PostWrite(match.id(), content.keepingTime(match)));
                ids.add(match.id());
            } else {
                unchanged++;
                ids.add(match.id());
            }
        }
        return new IngestPlan(List.copyOf(ids), created, changed, unchanged, IngestStore.Columns.of(created),
                IngestStore.Columns.of(changed));
    }

    /** The topics, built-in and custom, of the posts written (created and changed), whose links are replaced. */
    List<TopicLinks.Classified> classify(TopicClassifier classifier, List<CustomTopicMatcher> custom) {
        List<TopicLinks.Classified> out = new ArrayList<>(created.size() + changed.size());
        for (List<PostWrite> writes : List.of(created, changed)) {
            for (PostWrite w : writes) {
                out.add(TopicLinks.classify(w.id(), w.content().headline(), List.of(w.content().body()), classifier,
                        custom));
            }
        }
        return out;
    }
}
