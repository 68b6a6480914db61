package dev.newsfeed.extract;

/**
 * The warnings a document may carry ({@link ExtractedDocument#warnings()}). The wording is fixed so that the
 * ingest side can count each kind.
 */
public final class Warnings {

    /** The page calls itself live (or has a key-points box) but only one post came out of it. */
    public static final String LIVE_BUT_ONE_POST = "looks like a live blog but yielded one post";
    /** No timestamps or numbers: posts were cut at headline lines, datelines or share widgets. */
    public static final String BOUNDARIES_GUESSED =
            "post boundaries guessed from headline lines, datelines or separators (no timestamps on the page)";
    /** The page's JSON-LD lists clearly fewer updates than it shows; the visible posts were read. */
    public static final String JSONLD_PARTIAL =
            "JSON-LD lists fewer updates than the page shows: the visible posts were read instead";

    /** The page's JSON-LD lists far more updates than it shows (the blog's history); the visible posts were read. */
    public static final String JSONLD_HISTORY =
            "JSON-LD lists far more updates than the page shows: the visible posts were read instead";

    private Warnings() {
    }
}
