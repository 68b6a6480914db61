package dev.newsfeed.site;

/**
 * What the layout of every page needs: the title (the page's h1 too), the feeds it offers for autodiscovery,
 * and the search to show in the header's form.
 */
public record Head(String title, FeedLinks feeds, String q) {

    /**
     * Longer titles are cut in the tab and in bookmarks (and search engines cut them past 70 characters); the h1
     * keeps the whole.
     */
    private static final int TAB_TITLE = 55;

    static Head of(String title, FeedLinks feeds) {
        return new Head(title, feeds, null);
    }

    /** The document's title: the page's, cut when long, and the site's name. */
    public String tabTitle() {
        if (title.equals("Newsfeed")) {
            return title;
        }
        if (title.length() <= TAB_TITLE) {
            return title + " · Newsfeed";
        }
        int cut = title.lastIndexOf(' ', TAB_TITLE);
        return title.substring(0, cut > TAB_TITLE / 2 ? cut : TAB_TITLE) + "… · Newsfeed";
    }
}
