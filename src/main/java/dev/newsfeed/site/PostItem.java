package dev.newsfeed.site;

import dev.newsfeed.post.PostView;
import java.util.List;

/**
 * A post as a page lists it.
 *
 * @param href     its page here
 * @param original the post on the page it was read from (with its anchor when known), or null
 * @param byline   the authors, joined; null when none
 */
public record PostItem(String href, String headline, String original, PostTime time, String byline, String place,
                       List<String> body, String source, String sourceHref, List<Chip> topics) {

    /** A topic the post is in, linked to the topic's page. */
    public record Chip(String name, String href) {
    }

    /** @param sources display names of sources by slug; a source missing there is shown by its slug */
    static PostItem of(PostView p, java.util.Map<String, String> sources) {
        return new PostItem(Links.post(p.id()), p.headline(), Links.web(p.url()),
                PostTime.of(p.publishedAt(), p.publishedAtPrecision(), p.timestampText(), p.firstSeenAt()),
                p.authors().isEmpty() ? null : String.join(", ", p.authors()), p.location(), p.body(),
                sources.getOrDefault(p.source(), p.source()),
                Links.source(p.source()),
                p.topics().stream().map(t -> new Chip(t.name(), Links.topic(t.slug()))).toList());
    }
}
