package dev.newsfeed.follow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An address a follow may fetch: absolute http or https, a host, no user info, printable ASCII. Kept in one
 * form (scheme and host in lower case, no fragment), so the same page followed twice is one follow.
 *
 * @param requestUri the path and query as sent in the request line
 */
public record FollowUrl(String url, boolean https, String host, int port, String requestUri) {

    static final int MAX_LENGTH = 2048;

    /** The URL in its kept form, or an {@link IllegalArgumentException} saying what is wrong with it. */
    public static FollowUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no URL");
        }
        String u = value.trim();
        if (u.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        }
        if (!u.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("spaces, control or non-ASCII characters (percent-encode them)");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + ")");
        }
        return of(uri);
    }

    /** A redirect's target, resolved against the address that answered it. */
    static FollowUrl resolve(FollowUrl base, String location) {
        try {
            return of(new URI(base.url()).resolve(new URI(location.trim())));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("a redirect to an unreadable location (" + e.getReason() + ")");
        }
    }

    private static FollowUrl of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(scheme.isEmpty() ? "not an absolute URL"
                    : "scheme '" + scheme + "' (only http and https are fetched)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("user info in the URL (credentials are not sent)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("no host");
        }
        boolean https = scheme.equals("https");
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        boolean defaultPort = port == (https ? 443 : 80);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String url = scheme + "://" + host + (defaultPort ? "" : ":" + port) + requestUri;
        return new FollowUrl(url, https, host, port, requestUri);
    }

    /** The host as the resolver takes it: an IPv6 literal without its brackets. */
    String bareHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
