package dev.newsfeed.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Links a page prints: its own paths, and addresses from stored pages, which are linked only when they are web pages. */
final class Links {

    private Links() {
    }

    /** A path segment or query value, percent-encoded (a space as %20, which both accept). */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * {@code url} when it is an http(s) address, else null: an address stored from an ingested page is the
     * page's word, and a {@code javascript:} or {@code data:} one must not become a link.
     */
    static String web(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://") ? url.strip() : null;
    }

    static String topic(String slug) {
        return "/topics/" + enc(slug);
    }

    static String source(String slug) {
        return "/sources/" + enc(slug);
    }

    static String liveblog(long id) {
        return "/liveblogs/" + id;
    }

    static String post(Object id) {
        return "/posts/" + id;
    }

    static String search(String q) {
        return "/search?q=" + enc(q);
    }
}
