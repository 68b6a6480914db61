package dev.newsfeed.topic;

import java.util.List;
import java.util.Set;

/**
 * A post with gold topics, for training and measuring the classifier.
 *
 * @param id     "page#index", for reports
 * @param page   the page it was read from: posts of one page share a fold, so a fold never learns a page's
 *               news from one post and is scored on the same news in its neighbour
 * @param seed   one of the 27 seed posts (else a corpus post)
 * @param high   gold topics of high confidence (all seed posts; corpus posts marked {@code high})
 * @param otherNews the page is not about the war (the corpus index says "non-Ukraine": elections, Gaza)
 */
record LabelledPost(String id, String page, boolean seed, boolean high, boolean otherNews, String headline,
                    List<String> body, Set<String> topics) {
}
