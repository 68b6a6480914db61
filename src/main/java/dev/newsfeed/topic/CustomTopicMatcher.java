package dev.newsfeed.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A custom topic ({@code POST /api/topics}: a name, a query in web-search syntax, optionally places) matched
 * against a post, with the same kind of evidence as the built-in topics: which query terms and places, in
 * which zone (headline, lead, body), with what weight.
 * <p>
 * The query reads as PostgreSQL's {@code websearch_to_tsquery('english', ...)} did when the service matched
 * custom topics in SQL: words are all required; {@code "quoted words"} must follow one another; {@code or}
 * between two terms takes either; {@code -term} excludes; English stop words are ignored and words match by
 * their Porter stem ("attack" finds "attacked"). When places are given, one of them (each as a phrase) must be
 * named too. The score is the logistic of {@link #BIAS} plus each found term's and place's sentences weighted
 * by zone, so a post naming the query once, in its body, scores 0.5 and every match scores at least that.
 */
public final class CustomTopicMatcher {

    /** What one sentence naming a term adds, by zone: as a built-in topic's strong term, roughly. */
    static final TopicEvidence.Weights WEIGHTS = new TopicEvidence.Weights(3, 2, 1);
    /** Starting point of the sum: one body sentence naming the query brings the score to 0.5. */
    static final double BIAS = -1;

    private static final String KIND_QUERY = "query";
    private static final String KIND_PLACE = "place";

    /** A term of the query or a place: its words' stems, and the words as the user wrote them. */
    private record Phrase(String written, List<String> stems) {
    }

    /** A term of the query, maybe excluded ("-word"). */
    private record Literal(Phrase phrase, boolean excluded) {
    }

    private final String slug;
    /** Every clause must hold; a clause holds when one of its literals does. */
    private final List<List<Literal>> clauses;
    private final List<Phrase> places;

    /**
     * @throws IllegalArgumentException when the query has no word to search for (only stop words, punctuation,
     *                                  or exclusions), as the API says when the topic is created
     */
    public CustomTopicMatcher(String slug, String query, List<String> places) {
        this.slug = slug;
        this.clauses = parse(query);
        if (clauses.stream().flatMap(List::stream).noneMatch(l -> !l.excluded())) {
            throw new IllegalArgumentException("The query '" + query + "' has no searchable words.");
        }
        this.places = places.stream().map(CustomTopicMatcher::phrase).filter(p -> !p.stems().isEmpty()).toList();
    }

    public String slug() {
        return slug;
    }

    /** The topic with its evidence when the post matches the query (and names one of the places), else empty. */
    public Optional<TopicMatch> match(String headline, List<String> body) {
        PostText text = PostText.of(headline, body);
        return match(text, stemmed(text));
    }

    /**
     * The same for a post already cut into words and stemmed ({@link #stemmed}): a post is matched against
     * every custom topic, and cutting it once serves them all.
     */
    Optional<TopicMatch> match(PostText text, List<Stemmed> words) {
        for (List<Literal> clause : clauses) {
            boolean holds = false;
            for (Literal l : clause) {
                holds |= found(l.phrase(), words) != l.excluded();
            }
            if (!holds) {
                return Optional.empty();
            }
        }
        List<TopicEvidence.Hit> terms = new ArrayList<>();
        boolean[] about = new boolean[text.sentenceCount()];
        double sum = BIAS;
        for (List<Literal> clause : clauses) {
            for (Literal l : clause) {
                if (!l.excluded()) {
                    sum += hit(l.phrase(), KIND_QUERY, text, words, terms, about);
                }
            }
        }
        List<TopicEvidence.Hit> placeHits = new ArrayList<>();
        for (Phrase p : places) {
            sum += hit(p, KIND_PLACE, text, words, placeHits, about);
        }
        if (!places.isEmpty() && placeHits.isEmpty()) {
            return Optional.empty();
        }
        int aboutWords = 0;
        for (int s = 0; s < about.length; s++) {
            aboutWords += about[s] ? text.wordsIn(s) : 0;
        }
        double share = text.wordCount() == 0 ? 0 : (double) aboutWords / text.wordCount();
        TopicEvidence evidence = new TopicEvidence(text.wordCount(), TopicModel.round(share), BIAS, terms, placeHits,
                null, null, null, null);
        return Optional.of(new TopicMatch(slug, TopicModel.round(1 / (1 + Math.exp(-sum))), evidence));
    }

    /** A post word with its Porter stem, skipping stop words (as the search vectors did). */
    record Stemmed(String stem, int sentence, PostText.Zone zone) {
    }

    static List<Stemmed> stemmed(PostText text) {
        List<Stemmed> out = new ArrayList<>();
        for (PostText.Word w : text.words()) {
            if (!STOP_WORDS.contains(w.text())) {
                out.add(new Stemmed(PorterStemmer.stem(w.text()), w.sentence(), w.zone()));
            }
        }
        return out;
    }

    private static boolean found(Phrase p, List<Stemmed> words) {
        for (int i = 0; i < words.size(); i++) {
            if (at(p, words, i)) {
                return true;
            }
        }
        return false;
    }

    /** The phrase's stems at i and after, in one sentence (stop words between them do not count). */
    private static boolean at(Phrase p, List<Stemmed> words, int i) {
        if (i + p.stems().size() > words.size()) {
            return false;
        }
        for (int k = 0; k < p.stems().size(); k++) {
            Stemmed w = words.get(i + k);
            if (!w.stem().equals(p.stems().get(k)) || w.sentence() != words.get(i).sentence()) {
                return false;
            }
        }
        return true;
    }

    /** Adds the phrase's hit (sentences naming it, by zone) to {@code out}; returns what it adds to the sum. */
    private static double hit(Phrase p, String kind, PostText text, List<Stemmed> words, List<TopicEvidence.Hit> out,
                              boolean[] about) {
        int[] byZone = new int[PostText.Zone.values().length];
        int last = -1;
        for (int i = 0; i < words.size(); i++) {
            if (at(p, words, i) && words.get(i).sentence() != last) {
                last = words.get(i).sentence();
                byZone[words.get(i).zone().ordinal()]++;
                about[last] = true;
            }
        }
        if (byZone[0] + byZone[1] + byZone[2] == 0) {
            return 0;
        }
        double contribution = WEIGHTS.headline() * byZone[0] + WEIGHTS.lead() * byZone[1] + WEIGHTS.body() * byZone[2];
        out.add(new TopicEvidence.Hit(p.written(), kind, byZone[0], byZone[1], byZone[2], WEIGHTS, contribution));
        return contribution;
    }

    /** Web-search syntax: clauses joined by AND, each the terms joined by "or", a term a word or "a phrase". */
    private static List<List<Literal>> parse(String query) {
        List<List<Literal>> clauses = new ArrayList<>();
        boolean or = false;
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean excluded = false;
            if (c == '-' && i + 1 < n && !Character.isWhitespace(query.charAt(i + 1))) {
                excluded = true;
                i++;
                c = query.charAt(i);
            }
            String written;
            if (c == '"') {
                int end = query.indexOf('"', i + 1);
                end = end < 0 ? n : end;
                written = query.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(query.charAt(end)) && query.charAt(end) != '"') {
                    end++;
                }
                written = query.substring(i, end);
                i = end;
                if (!excluded && written.equalsIgnoreCase("or")) {
                    or = !clauses.isEmpty();
                    continue;
                }
            }
            Phrase p = phrase(written);
            if (p.stems().isEmpty()) {
                continue; // stop words and punctuation search for nothing
            }
            Literal literal = new Literal(p, excluded);
            if (or) {
                clauses.get(clauses.size() - 1).add(literal);
            } else {
                List<Literal> clause = new ArrayList<>();
                clause.add(literal);
                clauses.add(clause);
            }
            or = false;
        }
        return clauses;
    }

    private static Phrase phrase(String written) {
        List<String> stems = new ArrayList<>();
        for (String t : PostText.tokens(written)) {
            if (!STOP_WORDS.contains(t)) {
                stems.add(PorterStemmer.stem(t));
            }
        }
        return new Phrase(written.strip(), List.copyOf(stems));
    }

    /** PostgreSQL's English stop words (snowball's list), which its search vectors leave out. */
    private static final Set<String> STOP_WORDS = Set.of("i", "me", "my", "myself", "we", "our", "ours",
            "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she",
            "her", "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
            "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be",
            "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an", "the", "and",
            "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about",
            "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from",
            "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here",
            "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other",
            "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can",
            "will", "just", "don", "should", "now");
}
