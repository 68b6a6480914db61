package dev.newsfeed.extract;

/** A photo caption; the credit ("Getty Images") is kept apart from the text. */
public record Caption(String text, String credit) {
}
