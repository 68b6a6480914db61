package dev.newsfeed.topic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Terms as the topic files write them, found in posts. */
class LexiconTest {

    private static boolean matches(String term, String text) {
        PostText t = PostText.of(text, List.of());
        for (int i = 0; i < t.words().size(); i++) {
            if (Term.parse(term).matchesAt(t.words(), i)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aStarMatchesAnyEndingAndAPlainWordItsPlural() {
        assertTrue(matches("mobili*", "Russia mobilised reservists"));
        assertTrue(matches("mobili*", "the partial mobilization"));
        assertTrue(matches("missile", "missiles struck"));
        assertFalse(matches("missile", "missilery"));
        assertTrue(matches("People's Republic", "the Donetsk People’s Republic"));
    }

    @Test
    void aTermOfSeveralWordsStaysInOneSentence() {
        PostText t = PostText.of("", List.of("He spoke of peace. Talks resume Monday."));
        Lexicon lexicon = new Lexicon(List.of(new Lexicon.Entry(Term.parse("peace talks"), Lexicon.Kind.STRONG)));
        assertArrayEquals(new int[] {0, 0, 0}, lexicon.find(t).counts()[0]);
    }

    @Test
    void theLongestTermWinsAndASentenceCountsATermOnce() {
        Lexicon lexicon = new Lexicon(List.of(
                new Lexicon.Entry(Term.parse("munitions"), Lexicon.Kind.TERM),
                new Lexicon.Entry(Term.parse("cluster munition*"), Lexicon.Kind.STRONG)));
        PostText t = PostText.of("US sends cluster munitions", List.of(
                "The cluster munitions, and more cluster munitions, arrive in July.", "Other munitions follow."));
        Lexicon.Hits hits = lexicon.find(t);
        assertArrayEquals(new int[] {0, 0, 1}, hits.counts()[0], "munitions alone: once, in the body");
        assertArrayEquals(new int[] {1, 1, 0}, hits.counts()[1], "cluster munitions: headline and lead");
    }

    @Test
    void anAnchorAndAnActionInOneSentenceCountTogether() {
        Lexicon lexicon = new Lexicon(List.of(
                new Lexicon.Entry(Term.parse("Bakhmut"), Lexicon.Kind.PLACE),
                new Lexicon.Entry(Term.parse("advanc*"), Lexicon.Kind.ACTION)));
        PostText t = PostText.of("Fighting goes on", List.of("Troops advanced near Bakhmut.",
                "Bakhmut's mayor spoke.", "Elsewhere, troops advanced."));
        assertArrayEquals(new int[] {0, 1, 0}, lexicon.find(t).together());
    }

    @Test
    void kindsReadAsTheFilesWriteThem() {
        assertEquals(Lexicon.Kind.PLACE, Lexicon.Kind.of("place"));
        assertEquals("learned", Lexicon.Kind.LEARNED.label());
    }
}
