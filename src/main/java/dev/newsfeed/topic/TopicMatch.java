package dev.newsfeed.topic;

/**
 * A post's topic with the evidence that decided it.
 *
 * @param score    how sure the classifier is, 0 to 1; a topic is given from 0.5
 * @param evidence the terms and places found, where, and what each weighed
 */
public record TopicMatch(String slug, double score, TopicEvidence evidence) {
}
