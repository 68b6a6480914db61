package dev.newsfeed.extract;

/**
 * One typed piece of a page, in page order. Line pages give one block per line; flattened text is cut into
 * blocks at timestamps, bylines and captions, so both reach {@link PostAssembler} in the same form.
 *
 * @param glued true on a STAMP printed on the same line as the headline that follows it
 */
record Block(Kind kind, String text, Stamp stamp, Byline byline, Caption caption, boolean flowed, boolean glued) {

    Block(Kind kind, String text, Stamp stamp, Byline byline, Caption caption) {
        this(kind, text, stamp, byline, caption, false, false);
    }

    /** The same block, marked as cut out of flattened text, whose paragraph breaks are guesses. */
    Block asFlowed() {
        return new Block(kind, text, stamp, byline, caption, true, glued);
    }

    Block asGlued() {
        return new Block(kind, text, stamp, byline, caption, flowed, true);
    }

    enum Kind {
        /** Starts a post, or dates the post a number or headline line opened. */
        STAMP,
        BYLINE,
        /** A byline that closes a post ("-ABC News' Jane Doe"): the post's authors when it has none. */
        CLOSING_BYLINE,
        CAPTION,
        TEXT,
        /** A post's text that has no headline of its own ("9 a.m.: text"); its first sentence heads it. */
        LEAD,
        /** A wire dateline ("ODESA, Ukraine (AP) —"): its text as printed, its place in the byline. */
        DATELINE,
        /** A numbered post ("  1. Headline"): the number starts a post, the rest of the line follows. */
        NUMBER,
        /** A label printed with a headline ("Breaking", "Analysis", "Pinned"). */
        LABEL,
        /** Share-widget text between posts ("Copy link", "Link Copied!"): ends the post under way. */
        SEPARATOR,
        /** A line of a summary or key-events box: the document's summary, never a post. */
        SUMMARY,
        /** The page's anchor for the post that starts next (an HTML element id). */
        ANCHOR,
        /** The page's own "Updated ..." time. */
        UPDATED,
        /** Ends the post under way: the end of a flattened run. */
        BREAK,
        /** Nothing after this belongs to the article ("About admin", site footer). */
        END
    }

    static Block text(String text) {
        return new Block(Kind.TEXT, text, null, null, null);
    }

    static Block stamp(Stamp stamp) {
        return new Block(Kind.STAMP, stamp.text(), stamp, null, null);
    }

    static Block byline(String text, Byline byline) {
        return new Block(Kind.BYLINE, text, null, byline, null);
    }

    static Block caption(Caption caption) {
        return new Block(Kind.CAPTION, caption.text(), null, null, caption);
    }

    static Block lead(String text) {
        return new Block(Kind.LEAD, text, null, null, null);
    }

    static Block dateline(String printed, String place) {
        return new Block(Kind.DATELINE, printed, null, new Byline(java.util.List.of(), place, 0), null);
    }

    static Block of(Kind kind, String text) {
        return new Block(kind, text, null, null, null);
    }
}
