package dev.newsfeed.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A post without a byline that opens with a line naming its reporter and their place ("Jennifer Rankin reports
 * from Brussels") has that line's names and place. The line stays the post's first paragraph, as readers see it;
 * where a reading glued it to the paragraph after (JSON-LD keeps a post's text as one run), it is cut off there.
 */
final class ReporterLines {

    private ReporterLines() {
    }

    static ExtractedDocument apply(ExtractedDocument d) {
        List<ExtractedPost> posts = new ArrayList<>(d.posts().size());
        boolean changed = false;
        for (ExtractedPost p : d.posts()) {
            ExtractedPost read = apply(p);
            changed |= read != p;
            posts.add(read);
        }
        return !changed ? d : new ExtractedDocument(d.title(), d.source(), d.layout(), d.summary(), d.updatedAt(),
                posts, d.warnings(), d.confidence());
    }

    static ExtractedPost apply(ExtractedPost p) {
        if (!p.authors().isEmpty() || p.body().isEmpty()) {
            return p;
        }
        String first = p.body().get(0);
        Optional<Byline> line = Bylines.reporting(first);
        if (line.isEmpty()) {
            return p;
        }
        int end = line.get().end();
        List<String> body = new ArrayList<>(p.body().size() + 1);
        String rest = Text.strip(first.substring(end));
        String head = first.substring(0, end);
        if (rest.startsWith(".") || rest.startsWith(":")) {
            head += rest.charAt(0);
            rest = Text.strip(rest.substring(1));
        }
        body.add(Text.strip(head));
        if (!rest.isEmpty()) {
            body.add(rest);
        }
        body.addAll(p.body().subList(1, p.body().size()));
        String location = p.location() != null ? p.location() : line.get().location();
        return new ExtractedPost(p.headline(), p.timestampText(), p.publishedAt(), p.publishedAtPrecision(),
                line.get().authors(), location, body, p.captions(), p.anchor(), p.timestampRelative(), p.labels(),
                p.dateline(), p.headlinePrinted(), p.complete());
    }
}
