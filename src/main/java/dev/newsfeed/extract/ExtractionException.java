package dev.newsfeed.extract;

/** The input holds nothing that can be read as a post; the message says why. */
public class ExtractionException extends Exception {
    public ExtractionException(String message) {
        super(message, null, false, false);
    }
}
