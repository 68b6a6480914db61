package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Bylines a live page prints as bare names in its posts' headers, with no class or "By" to mark them: the
 * element that holds a name in the same place of most posts, before their text, is the post's byline. A name
 * in one post only (a person named in a label, a tag) repeats nowhere, and one text repeated in every post
 * (the blog's title, a section) is not a byline either: the place must hold at least two different names, one of
 * them in two posts or more. Elements whose class says they print a place, a topic or a label are passed over.
 */
final class RepeatedNames {

    /** Texts longer than this are not a header's name. */
    private static final int MAX_NAME = 60;
    /** How many elements of a post's header are looked at before its text starts. */
    private static final int MAX_HEADER_ELEMENTS = 60;

    private RepeatedNames() {
    }

    /** Each item's authors, for the items whose header holds a name in the page's byline place. */
    static Map<Element, List<String>> of(List<Element> items) {
        List<Map<String, List<String>>> found = new ArrayList<>(items.size());
        Map<String, Integer> itemsWithName = new HashMap<>();
        for (Element item : items) {
            Map<String, List<String>> names = headerNames(item);
            found.add(names);
            names.keySet().forEach(place -> itemsWithName.merge(place, 1, Integer::sum));
        }
        String place = null;
        int most = 0;
        boolean tie = false;
        for (Map.Entry<String, Integer> e : itemsWithName.entrySet()) {
            if (e.getValue() * 2 < items.size() || e.getValue() < most || !signs(found, e.getKey())) {
                continue;
            }
            tie = e.getValue() == most;
            if (e.getValue() > most) {
                place = e.getKey();
                most = e.getValue();
            }
        }
        if (tie) {
            return Map.of(); // two places of the header hold names alike: which one signs the posts is a guess
        }
        if (place != null && namedAsPlaces(items, found, place)) {
            return Map.of(); // "Tel Aviv" over a post that says "in Tel Aviv": the header prints where, not who
        }
        Map<Element, List<String>> authors = new IdentityHashMap<>();
        for (int i = 0; place != null && i < items.size(); i++) {
            List<String> names = found.get(i).get(place);
            if (names != null) {
                authors.put(items.get(i), names);
            }
        }
        return authors;
    }

    /** Whether a name the place holds is written as a place in the posts' text ("in Gaza City", "near Kyiv"). */
    private static boolean namedAsPlaces(List<Element> items, List<Map<String, List<String>>> found, String place) {
        Set<String> names = new HashSet<>();
        found.forEach(f -> names.addAll(f.getOrDefault(place, List.of())));
        for (Element item : items) {
            String text = item.text();
            for (String name : names) {
                for (String before : PLACE_WORDS) {
                    if (text.contains(before + name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final List<String> PLACE_WORDS = List.of("in ", "near ", "at ", "outside ");

    /**
     * Whether a place holds names as bylines do: at least two different ones, and one of them again in another
     * post (a blog's few reporters take turns; a place's or a topic's name changes with every post).
     */
    private static boolean signs(List<Map<String, List<String>>> found, String place) {
        Set<List<String>> names = new HashSet<>();
        boolean repeated = false;
        for (Map<String, List<String>> f : found) {
            List<String> n = f.get(place);
            if (n != null) {
                repeated |= !names.add(n);
            }
        }
        return names.size() >= 2 && repeated;
    }

    /** The names printed alone in an element of the item's header, keyed by where the element stands. */
    private static Map<String, List<String>> headerNames(Element item) {
        Map<String, List<String>> names = new HashMap<>();
        int[] seen = {0};
        org.jsoup.select.NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                if (!(node instanceof Element e) || e == item) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (tag.equals("p") || tag.equals("li") || tag.equals("blockquote") || seen[0]++ > MAX_HEADER_ELEMENTS) {
                    return FilterResult.STOP; // the post's text has started
                }
                if (tag.equals("time") || tag.equals("figure") || isHeading(tag) || namesNoPerson(e.className())) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (e.childrenSize() == 0) {
                    String text = Text.strip(e.text());
                    if (text.length() >= 5 && text.length() <= MAX_NAME && !Labels.isLabel(text)) {
                        Bylines.bareNames(text).ifPresent(b -> names.putIfAbsent(place(e, item), b.authors()));
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, item);
        return names;
    }

    /** Classes of elements that print a place, a topic or a section: names in them are not bylines. */
    private static final List<String> NO_PERSON = List.of("tag", "topic", "chip", "categor", "kicker", "location",
            "place", "label", "section", "dateline");

    private static boolean namesNoPerson(String classes) {
        if (classes.isEmpty()) {
            return false;
        }
        String lower = classes.toLowerCase(java.util.Locale.ROOT);
        for (String word : NO_PERSON) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }

    /** The tags from the item down to {@code e}: the same place in every post of one template. */
    private static String place(Element e, Element item) {
        StringBuilder path = new StringBuilder();
        for (Element p = e; p != null && p != item; p = p.parent()) {
            path.insert(0, '/' + p.normalName());
        }
        return path.toString();
    }
}
