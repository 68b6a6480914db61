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
 * (the blog's title, a section) is not a byline either: the place must hold at least two different names.
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
        for (Map.Entry<String, Integer> e : itemsWithName.entrySet()) {
            if (e.getValue() * 2 >= items.size() && e.getValue() > most && distinct(found, e.getKey()) >= 2) {
                place = e.getKey();
                most = e.getValue();
            }
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

    private static int distinct(List<Map<String, List<String>>> found, String place) {
        Set<List<String>> names = new HashSet<>();
        for (Map<String, List<String>> f : found) {
            if (f.containsKey(place)) {
                names.add(f.get(place));
            }
        }
        return names.size();
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
                if (tag.equals("time") || tag.equals("figure") || isHeading(tag)) {
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
