package dev.newsfeed.extract;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Where an HTML article's body starts and ends. Read as lines, an article's headline is followed by whatever the
 * page prints before the story: a standfirst, a byline box, a video player's "JUST WATCHED", an image's alt text.
 * The story itself is the run of paragraphs one element holds, and on most article pages one element holds most of
 * the page's paragraph text: its first paragraph opens the body. When it holds nearly all of it and closes with a
 * paragraph, that paragraph ends the body, and what follows (related stories, a sidebar's headlines) is left out.
 * A story the page splits into several elements of one kind (a column per stretch between photos) is not cut.
 */
final class ArticleBodies {

    /** Shorter paragraphs are labels, credits and teasers: they do not choose the story's element. */
    private static final int MIN_PARAGRAPH = 40;
    /** A story is several paragraphs. */
    private static final int MIN_PARAGRAPHS = 3;
    /** The share of the page's paragraph text one element must hold to be the story. */
    private static final double DOMINANT = 0.5;
    /** The share it must hold to be the whole story, so that what follows its last paragraph is not the story. */
    private static final double WHOLE = 0.8;

    private static final int MAX_TIMES = 20;

    /** The story's first paragraph, and its last one when the element holds the whole story. */
    record Story(String first, Optional<String> last) {
    }

    private ArticleBodies() {
    }

    /** The story's first (and last) paragraphs, when one element clearly holds the story. */
    static Optional<Story> story(Document doc) {
        Paragraphs found = Paragraphs.of(doc);
        Element story = null;
        Paragraphs.Tally most = null;
        for (Map.Entry<Element, Paragraphs.Tally> e : found.byParent.entrySet()) {
            if (most == null || e.getValue().length > most.length) {
                most = e.getValue();
                story = e.getKey();
            }
        }
        if (story == null || most.length < found.total * DOMINANT || most.count < MIN_PARAGRAPHS
                || splitAcrossColumns(story, found)) {
            return Optional.empty();
        }
        Element first = null;
        Element lastChild = null;
        for (Element child : story.children()) {
            if (!Text.strip(child.text()).isEmpty()) {
                first = first == null && child.normalName().equals("p") ? child : first;
                lastChild = child;
            }
        }
        if (first == null) {
            return Optional.empty();
        }
        Optional<String> last = most.length >= found.total * WHOLE && lastChild.normalName().equals("p")
                ? Optional.of(Text.strip(lastChild.text())) : Optional.empty();
        return Optional.of(new Story(Text.strip(first.text()), last));
    }

    /** Another element of the story's kind (tag and class) holding paragraphs too: the story runs across both. */
    private static boolean splitAcrossColumns(Element story, Paragraphs found) {
        String kind = story.normalName() + "." + story.className();
        for (Element other : found.byParent.keySet()) {
            if (other != story && kind.equals(other.normalName() + "." + other.className())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The machine time the article's header prints ({@code <time datetime>}): the first one in the
     * {@code <article>} (or {@code <main>}) holding the page's {@code <h1>}, outside embeds. Null when there is none.
     */
    static Instant headerTime(Document doc) {
        Element h1 = doc.selectFirst("h1");
        Element scope = h1 == null ? null : h1.closest("article, main");
        if (scope == null) {
            return null;
        }
        int looked = 0;
        for (Element time : scope.getElementsByTag("time")) {
            if (++looked > MAX_TIMES) {
                return null; // a header prints its time among the first; a page of embeds is not walked up for each
            }
            Instant at = JsonLd.instant(time.attr("datetime"));
            if (at != null && time.closest("blockquote, figure, figcaption") == null) {
                return at;
            }
        }
        return null;
    }

    /**
     * The page's paragraphs of prose length, their text added up per parent, in one walk of the page: a paragraph
     * of an embedded post or a caption belongs to what embeds it and is not counted.
     */
    private static final class Paragraphs {
        static final class Tally {
            int length;
            int count;
        }

        final Map<Element, Tally> byParent = new IdentityHashMap<>();
        int total;

        static Paragraphs of(Document doc) {
            Paragraphs out = new Paragraphs();
            Deque<int[]> open = new ArrayDeque<>(); // the text length of each paragraph being walked
            int[] embeds = {0};
            NodeTraversor.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (node instanceof TextNode t) {
                        if (!open.isEmpty()) {
                            open.peek()[0] += t.text().length();
                        }
                    } else if (node instanceof Element e) {
                        String tag = e.normalName();
                        if (isEmbed(tag)) {
                            embeds[0]++;
                        } else if (tag.equals("p")) {
                            open.push(new int[1]);
                        }
                    }
                    return FilterResult.CONTINUE;
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    if (node instanceof Element e) {
                        String tag = e.normalName();
                        if (isEmbed(tag)) {
                            embeds[0]--;
                        } else if (tag.equals("p") && !open.isEmpty()) {
                            int length = open.pop()[0];
                            if (length >= MIN_PARAGRAPH && embeds[0] == 0 && e.parent() != null) {
                                Tally tally = out.byParent.computeIfAbsent(e.parent(), k -> new Tally());
                                tally.length += length;
                                tally.count++;
                                out.total += length;
                            }
                        }
                    }
                    return FilterResult.CONTINUE;
                }
            }, doc);
            return out;
        }

        private static boolean isEmbed(String tag) {
            return tag.equals("blockquote") || tag.equals("figure") || tag.equals("figcaption");
        }
    }
}
