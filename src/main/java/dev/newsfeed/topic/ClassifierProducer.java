package dev.newsfeed.topic;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The built-in classifier, read once from its resource and shared: it holds no state. */
public class ClassifierProducer {

    @Produces
    @Singleton
    TopicClassifier builtin() {
        return TopicClassifier.builtin();
    }
}
