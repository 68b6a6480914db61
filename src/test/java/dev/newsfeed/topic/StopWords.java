package dev.newsfeed.topic;

import java.util.Set;

/** Words too common to tell topics apart; the trainer never learns them. Stems, as PostText cuts them. */
final class StopWords {

    static final Set<String> WORDS = Set.copyOf(java.util.List.of("the", "and", "for", "that", "with", "was", "are", "were", "has", "have",
            "had", "been", "this", "from", "but", "not", "its", "his", "her", "their", "they", "them", "our", "you",
            "your", "who", "whom", "which", "what", "when", "where", "why", "how", "all", "any", "can", "could",
            "would", "should", "will", "shall", "may", "might", "must", "into", "onto", "over", "under", "about",
            "after", "before", "than", "then", "there", "here", "these", "those", "also", "just", "more", "most",
            "some", "such", "only", "own", "same", "other", "out", "off", "one", "two", "three", "said", "say",
            "says", "saying", "told", "tell", "according", "while", "during", "since", "until", "because", "very",
            "did", "does", "doing", "done", "being", "him", "she", "himself", "itself", "each", "few", "both", "nor",
            "too", "now", "yet", "ago", "via", "per", "mr", "mrs", "ms", "like", "get", "got", "make", "made", "even",
            "still", "well", "much", "many", "back", "new", "news", "week", "day", "today", "yesterday", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
            "april", "june", "july", "august", "september", "october", "november", "december", "time", "year",
            "min", "hour", "p.m", "a.m", "pm", "am", "et", "gmt", "bst", "utc", "cnn", "reuter", "ap", "bbc",
            "image", "photo", "caption", "source", "copy", "link", "read", "updated", "published", "post",
            "live", "latest", "first", "last", "another", "already", "however", "although", "though", "whether",
            "against", "between", "through", "without", "within", "around", "across", "among", "along", "toward",
            "towards", "upon", "amid", "near", "next", "earlier", "later", "up", "down", "above", "below", "again",
            "further", "once", "don't", "it", "is", "be", "in", "on", "at", "by", "of", "to", "as", "an", "a", "or",
            "if", "so", "no", "he", "we", "i", "me", "my", "us", "do", "go", "going", "come", "came", "see", "seen",
            "take", "taken", "took", "give", "given", "way", "part", "set", "put", "use", "used", "help", "want",
            "added", "add", "noted", "call", "called", "continue", "continued", "including", "included"));

    private StopWords() {
    }
}
