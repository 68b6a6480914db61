package dev.newsfeed.ingest;

import dev.newsfeed.extract.ExtractedPost;
import dev.newsfeed.topic.TopicClassifier;
import dev.newsfeed.topic.TopicMatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What storing one document will do, decided in memory before anything is written: which extracted posts are
 * new, which are new readings of stored posts that changed, and which are unchanged (they cost no write). The
 * posts written are classified here, off the event loop and outside any statement.
 *
 * @param postIds the document's posts in page order, each once
 */
record IngestPlan(List<UUID> postIds, List<PostWrite> created, List<PostWrite> changed, int unchanged) {

    /** A post to insert or update, with its topics. */
    record PostWrite(UUID id, PostContent content, List<TopicMatch> topics) {
    }

    static IngestPlan of(List<ExtractedPost> extracted, List<StoredPost> stored, TopicClassifier classifier) {
        PostMatcher matcher = new PostMatcher(stored);
        Set<UUID> ids = new LinkedHashSet<>();
        List<PostWrite> created = new ArrayList<>();
        List<PostWrite> changed = new ArrayList<>();
        int unchanged = 0;
        for (ExtractedPost e : extracted) {
            PostContent content = PostContent.of(e);
            StoredPost match = matcher.match(content);
            if (match == null) {
                UUID id = UUID.randomUUID();
                created.add(new PostWrite(id, content, classify(classifier, content)));
                ids.add(id);
            } else if (!match.hash().equals(content.hash())) {
                PostContent revised = content.keepingTime(match);
                changed.add(new PostWrite(match.id(), revised, classify(classifier, revised)));
                ids.add(match.id());
            } else {
                unchanged++;
                ids.add(match.id());
            }
        }
        return new IngestPlan(List.copyOf(ids), created, changed, unchanged);
    }

    private static List<TopicMatch> classify(TopicClassifier classifier, PostContent c) {
        return classifier.classify(c.headline(), List.of(c.body()));
    }

    /** Posts written: created and changed, whose topics are replaced. */
    List<PostWrite> written() {
        List<PostWrite> all = new ArrayList<>(created.size() + changed.size());
        all.addAll(created);
        all.addAll(changed);
        return all;
    }
}
