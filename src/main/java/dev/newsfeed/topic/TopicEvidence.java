package dev.newsfeed.topic;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Why a post has a topic, for people: every term and place of the topic found in the post, where it stands
 * and what it added. The score is the logistic of {@code bias} plus every {@code contribution} (and the
 * weights of {@code headlineOfOthers} and {@code noContext}, and the contribution of {@code placesOfOthers}, when
 * present); a contribution is the sentences
 * naming the term in each zone times the term's weight there.
 *
 * @param words    the post's words (headline and body)
 * @param share    how much of the post is about the topic, for reading: the share of its words in sentences
 *                 with a strong or core term of the topic, or an anchor with an action. Not part of the sum:
 *                 one sentence is a large share of a short post, and weighing the share cost 1.5 points of
 *                 cross-validated F1 (bench/README.md); the sum counts sentences by where they stand instead
 * @param bias     the topic's starting point: most posts are not about any one topic
 * @param terms    terms found, with their kind: {@code strong} (names the topic), {@code term} (scope note),
 *                 {@code subject}, {@code action}, {@code learned} (found telling by the trainer), or for a
 *                 custom topic {@code query}; negative weights count against the topic
 * @param places   places of the topic's gazetteer found
 * @param together sentences naming a place or subject together with an action, when there are any
 * @param headlineOfOthers the topics the headline is about when it is not about this one: then this topic's
 *                 words further down are more likely a passing mention
 * @param placesOfOthers for a front (a topic with places), the other fronts whose places the post names in
 *                 sentences without this front's: the larger their share, the more likely this front's places
 *                 are a passing mention
 * @param noContext added when the post names nothing of Russia's war on Ukraine
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopicEvidence(int words, double share, double bias, List<Hit> terms, List<Hit> places,
                            Together together, Elsewhere headlineOfOthers, Rivals placesOfOthers,
                            Double noContext) {

    /**
     * Sentences naming one term in the headline (or the first sentence, without one), the lead (the sentence
     * after it) and the rest of the body, and what one such sentence weighs in each.
     */
    public record Hit(String term, String kind, int headline, int lead, int body, Weights weight,
                      double contribution) {
    }

    /** Sentences, by zone, that name an anchor and an action together, and what one weighs in each zone. */
    public record Together(int headline, int lead, int body, Weights weight, double contribution) {
    }

    /** Other topics the headline is about, and what that adds (a negative weight). */
    public record Elsewhere(List<String> topics, double weight) {
    }

    /**
     * Other fronts competing for a post: {@code sentences} name this front's places, {@code theirs} name only
     * the other fronts' ({@code topics}); {@code value} is theirs / (sentences + theirs), and times
     * {@code weight} (negative) it is the {@code contribution}.
     */
    public record Rivals(List<String> topics, int sentences, int theirs, double value, double weight,
                         double contribution) {
    }

    /** What one sentence naming the term adds to the sum in the headline, in the lead, in the body. */
    public record Weights(double headline, double lead, double body) {
    }
}
