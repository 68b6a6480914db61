package dev.newsfeed.extract;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An article's date and byline as its {@code <meta>} tags state them (Open Graph's {@code article:published_time},
 * schema.org microdata, {@code name=author}), for the pages whose JSON-LD lacks them or that have none: what an
 * article's lines and JSON-LD do not give is taken from here.
 */
final class MetaTags {

    private static final Set<String> PUBLISHED = Set.of("article:published_time", "datepublished", "pubdate",
            "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued");
    private static final Set<String> AUTHOR = Set.of("author", "article:author_name", "article:author",
            "parsely-author", "sailthru.author", "dc.creator");

    private Instant published;
    private String author;
    /** Whether the values above came from the page's head, where the article's own tags are. */
    private boolean publishedInHead;
    private boolean authorInHead;

    /**
     * Reads one {@code <meta>}: the first of each kind counts, one in the head before one in the body (where a
     * related story's card can carry tags of its own).
     */
    void read(org.jsoup.nodes.Element meta) {
        boolean inHead = meta.parent() != null && meta.parent().normalName().equals("head");
        String key = meta.hasAttr("property") ? meta.attr("property")
                : meta.hasAttr("itemprop") ? meta.attr("itemprop") : meta.attr("name");
        key = key.trim().toLowerCase(Locale.ROOT);
        String content = Text.strip(meta.attr("content"));
        if (content.isEmpty()) {
            return;
        }
        if ((published == null || inHead && !publishedInHead) && PUBLISHED.contains(key)) {
            Instant at = JsonLd.instant(content);
            if (at != null) {
                published = at;
                publishedInHead = inHead;
            }
        } else if ((author == null || inHead && !authorInHead) && AUTHOR.contains(key) && !content.contains("://")
                && content.length() <= 200) { // a profile's address names no one
            author = content;
            authorInHead = inHead;
        }
    }

    /** What the tags state, when they state a date or a byline. */
    Optional<JsonLd.ArticleMeta> meta() {
        List<String> authors = authors();
        return published == null && authors.isEmpty() ? Optional.empty()
                : Optional.of(new JsonLd.ArticleMeta(null, published, authors));
    }

    /** JSON-LD's article, with the date and byline it lacks taken from the tags. */
    JsonLd.ArticleMeta fill(JsonLd.ArticleMeta jsonLd) {
        return new JsonLd.ArticleMeta(jsonLd.headline(),
                jsonLd.published() != null ? jsonLd.published() : published,
                !jsonLd.authors().isEmpty() ? jsonLd.authors() : authors());
    }

    /** The people the author tag names ("Rob Picheta, CNN" names one; "VRT NWS" none). */
    private List<String> authors() {
        if (author == null) {
            return List.of();
        }
        return Bylines.names(author);
    }
}
