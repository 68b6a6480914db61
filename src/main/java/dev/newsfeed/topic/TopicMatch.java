package dev.newsfeed.topic;

import java.util.Map;

/**
 * A post's topic with the evidence that decided it.
 *
 * @param score    share of the post's words in sentences about the topic, 0 to 1
 * @param evidence matched terms and places with their counts
 */
public record TopicMatch(String slug, double score, Map<String, Integer> evidence) {
}
