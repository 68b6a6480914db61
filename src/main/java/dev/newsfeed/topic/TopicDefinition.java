package dev.newsfeed.topic;

/** A built-in topic as the API shows it; what decides it is in {@code topics/model.json}. */
public record TopicDefinition(String slug, String name, String description) {
}
