package dev.newsfeed.extract;

/** The shape the page arrived in; decides how it is cut into posts. */
public enum Layout {
    /** Whole page flattened onto a few very long lines. */
    FLAT_LIVEBLOG,
    /** One block of text per line: timestamp, headline, byline, paragraphs. */
    LINE_LIVEBLOG,
    /** A glued teaser followed by a line-per-paragraph copy of the same posts. */
    TEASER_AND_LINES,
    /** HTML carrying schema.org LiveBlogPosting JSON-LD. */
    JSONLD_LIVEBLOG,
    /** A single article: one post. */
    ARTICLE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
