package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Where an HTML article's body starts. Read as lines, an article's headline is followed by whatever the page
 * prints before the story: a standfirst, a byline box, a video player's "JUST WATCHED", an image's alt text. The
 * story itself is the run of paragraphs one element holds, and on most article pages one element holds most of
 * the page's paragraph text: its first paragraph opens the body. When it holds nearly all of it, its last
 * paragraph ends the body, and what follows (related stories, a sidebar's headlines) is left out.
 */
final class ArticleBodies {

    /** Shorter paragraphs are labels, credits and teasers, not the story's prose. */
    private static final int MIN_PARAGRAPH = 40;
    /** A story is several paragraphs. */
    private static final int MIN_PARAGRAPHS = 3;
    /** The share of the page's paragraph text one element must hold to be the story. */
    private static final double DOMINANT = 0.5;
    /** The share it must hold to be the whole story, so that what follows its last paragraph is not the story. */
    private static final double WHOLE = 0.8;

    /** The story's first paragraph, and its last one when the element holds the whole story. */
    record Story(String first, Optional<String> last) {
    }

    private ArticleBodies() {
    }

    /** The story's first (and last) paragraphs, when one element clearly holds the story. */
    static Optional<Story> story(Document doc) {
        Map<Element, Integer> textByParent = new IdentityHashMap<>();
        int total = 0;
        for (Element p : doc.getElementsByTag("p")) {
            int length = p.text().length();
            Element parent = p.parent();
            if (length < MIN_PARAGRAPH || parent == null || embedded(p)) {
                continue;
            }
            total += length;
            textByParent.merge(parent, length, Integer::sum);
        }
        Element story = null;
        int most = 0;
        for (Map.Entry<Element, Integer> e : textByParent.entrySet()) {
            if (e.getValue() > most) {
                most = e.getValue();
                story = e.getKey();
            }
        }
        if (story == null || most < total * DOMINANT) {
            return Optional.empty();
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element child : story.children()) {
            if (child.normalName().equals("p") && child.text().length() >= MIN_PARAGRAPH) {
                paragraphs.add(Text.strip(child.text()));
            }
        }
        if (paragraphs.size() < MIN_PARAGRAPHS) {
            return Optional.empty(); // one element with a paragraph or two: the story is printed otherwise
        }
        Optional<String> last = most >= total * WHOLE ? Optional.of(paragraphs.get(paragraphs.size() - 1))
                : Optional.empty();
        return Optional.of(new Story(paragraphs.get(0), last));
    }

    /** A paragraph of an embedded post or a caption belongs to what embeds it, not to the story. */
    private static boolean embedded(Element p) {
        for (Element e = p.parent(); e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("blockquote") || tag.equals("figure") || tag.equals("figcaption")) {
                return true;
            }
        }
        return false;
    }
}
