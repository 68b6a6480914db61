package dev.newsfeed.extract;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises the outlet a page comes from; its display name, and the zone its bare times are printed in. */
final class Outlets {

    /**
     * @param words what every match of {@code signature} holds one of: a page holding none is not searched with
     *              the pattern, which tries each of its branches at every character of the page
     */
    private record Outlet(String slug, String name, Pattern signature, ZoneId zone, List<String> words) {

        boolean namedIn(String text) {
            for (String word : words) {
                if (text.contains(word)) {
                    return signature.matcher(text).find();
                }
            }
            return false;
        }
    }

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<Outlet> OUTLETS = List.of(
            new Outlet("rferl", "RFE/RL", Pattern.compile("RFE/RL|Radio Free Europe|rferl\\.org"),
                    ZoneId.of("Europe/Prague"), List.of("RFE/RL", "Radio Free Europe", "rferl.org")),
            new Outlet("cnn", "CNN", Pattern.compile("\\bCNN['’]s\\b|Cable News Network|cnn\\.com|From CNN\\b"),
                    NEW_YORK, List.of("CNN", "Cable News Network", "cnn.com")),
            new Outlet("guardian", "The Guardian", Pattern.compile("theguardian\\.com|\\bThe Guardian\\b"), LONDON,
                    List.of("theguardian.com", "The Guardian")),
            new Outlet("bbc", "BBC News", Pattern.compile("\\bBBC\\b"), LONDON, List.of("BBC")),
            new Outlet("sky", "Sky News", Pattern.compile("\\bSky News\\b"), LONDON, List.of("Sky News")),
            new Outlet("independent", "The Independent",
                    Pattern.compile("\\bThe Independent\\b|independent\\.co\\.uk"), LONDON,
                    List.of("The Independent", "independent.co.uk")),
            new Outlet("aljazeera", "Al Jazeera", Pattern.compile("\\bAl Jazeera\\b|aljazeera\\.com"),
                    ZoneId.of("Asia/Qatar"), List.of("Al Jazeera", "aljazeera.com")),
            new Outlet("voa", "VOA", Pattern.compile("\\bVOA\\b|Voice of America"), NEW_YORK,
                    List.of("VOA", "Voice of America")),
            new Outlet("ap", "AP", Pattern.compile("\\(AP\\) —|Associated Press|apnews\\.com"), NEW_YORK,
                    List.of("(AP) —", "Associated Press", "apnews.com")));

    static final String UNKNOWN = "unknown";

    private Outlets() {
    }

    static String detect(String text) {
        // The outlet names itself near the top or in the footer; the middle only quotes others.
        String probe = text.length() <= 200_000 ? text
                : text.substring(0, 100_000) + "\n" + text.substring(text.length() - 100_000);
        for (Outlet o : OUTLETS) {
            if (o.namedIn(probe)) {
                return o.slug();
            }
        }
        return UNKNOWN;
    }

    /** The outlet's name as readers know it; a slug the extractor does not know stands for itself. */
    static String name(String slug) {
        return outlet(slug).map(Outlet::name).orElse(slug);
    }

    static ZoneId zone(String slug) {
        return outlet(slug).map(Outlet::zone).orElse(ZoneId.of("UTC"));
    }

    private static Optional<Outlet> outlet(String slug) {
        return OUTLETS.stream().filter(o -> o.slug().equals(slug)).findFirst();
    }
}
