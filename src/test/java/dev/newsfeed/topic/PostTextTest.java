package dev.newsfeed.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How posts are cut into words and sentences, and where each word stands. */
class PostTextTest {

    @Test
    void wordsAreLowerCaseWithHyphensApostrophesAndAbbreviationsKeptTogether() {
        assertEquals(List.of("russian-installed", "officials", "in", "kharkiv", "f-16s", "us", "people", "dead"),
                PostText.tokens("Russian-installed officials in Kharkiv’s F-16s, U.S. “people’s” dead."));
    }

    @Test
    void pluralsShareTheirSingularsStem() {
        assertEquals("missile", PostText.stem("missiles"));
        assertEquals("casualty", PostText.stem("casualties"));
        assertEquals("crisis", PostText.stem("crisis"));
        assertEquals("address", PostText.stem("address"));
    }

    @Test
    void sentencesEndAtFullStopsButNotAtInitialsOrTitles() {
        assertEquals(List.of("Mr. Zelensky met U.S. envoys on Friday.", "Talks went on, he said.", "“Why?”"),
                PostText.sentences("Mr. Zelensky met U.S. envoys on Friday. Talks went on, he said. “Why?”"));
    }

    @Test
    void headlineThenLeadThenBody() {
        PostText t = PostText.of("Strikes hit Kyiv", List.of("Missiles hit the capital. Two people died.", "More later."));
        assertEquals(PostText.Zone.HEADLINE, t.zoneOf(0));
        assertEquals(PostText.Zone.LEAD, t.zoneOf(1));
        assertEquals(PostText.Zone.BODY, t.zoneOf(2));
        assertEquals(PostText.Zone.BODY, t.zoneOf(3));
        assertEquals(4, t.sentenceCount());
        assertEquals(5, t.bodyWordCount(), "after the lead: \"Two people died. More later.\"");
    }

    @Test
    void withoutHeadlineTheFirstSentenceStandsForIt() {
        PostText t = PostText.of("", List.of("9:20 p.m.: Russia shelled Kharkiv overnight. Three people died."));
        assertEquals(PostText.Zone.HEADLINE, t.zoneOf(0));
        assertEquals(PostText.Zone.LEAD, t.zoneOf(1));
    }
}
