package dev.newsfeed.topic;

import java.util.List;

/**
 * A topic and the vocabulary that recognises it.
 *
 * @param anchors places or subjects; a sentence counts when it names one together with an action
 * @param actions what must happen to an anchor ("advance", "killed") for the sentence to count
 * @param strong  terms that make a sentence count on their own
 */
public record TopicDefinition(String slug, String name, String description, List<String> anchors,
                              List<String> actions, List<String> strong) {
}
