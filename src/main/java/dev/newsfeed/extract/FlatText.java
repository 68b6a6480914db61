package dev.newsfeed.extract;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a live blog that was flattened onto one line ("... 10:35 a.m. ET, October 4, 2022 Headline From CNN's
 * Jo Shelley Caption. (Credit) Body ... 10:27 a.m. ET ...") into blocks. Timestamps mark posts; inside a post
 * the byline ends the headline and a leading "(Credit)" ends a caption.
 */
final class FlatText {

    /** A line with fewer post timestamps than this is read as an ordinary line. */
    private static final int MIN_STAMPS = 2;
    private static final Pattern BYLINE_START = Pattern.compile(
            "(?:(?<=[\\p{Ll}\\p{P} \\u00A0])|^)(?:From[ \\u00A0](?=CNN|[A-Z][\\p{Ll}])|Analysis by (?=[A-Z]))");
    /** A sentence glued to the one before it, as teasers print them: "on Saturday.He also". */
    private static final Pattern GLUE = Pattern.compile("(?<=[\\p{Ll}\\d)\\]][.!?][\"”]?)(?=[A-Z]|[“\"][A-Z])");
    private static final Pattern HEADER_STAMP_LEAD = Pattern.compile("(?:Updated|Published|Posted)\\s*$");

    private FlatText() {
    }

    /** The blocks of {@code line}, or empty when it is not a flattened live blog. */
    static Optional<List<Block>> split(String line, Instant capturedAt) {
        List<Stamp> stamps = postStamps(line, capturedAt);
        if (stamps.size() < MIN_STAMPS) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        String header = line.substring(0, stamps.get(0).start());
        blocks.addAll(Header.flatBlocks(header));
        for (int i = 0; i < stamps.size(); i++) {
            Stamp stamp = stamps.get(i);
            boolean last = i == stamps.size() - 1;
            String segment = line.substring(stamp.end(), last ? line.length() : stamps.get(i + 1).start());
            if (last) {
                segment = Boilerplate.cutFooter(segment, header);
            }
            blocks.add(Block.stamp(stamp));
            post(segment, blocks);
        }
        blocks.add(Block.of(Block.Kind.BREAK, ""));
        return Optional.of(blocks.stream().map(Block::asFlowed).toList());
    }

    private static List<Stamp> postStamps(String line, Instant capturedAt) {
        List<Stamp> stamps = new ArrayList<>();
        int from = 0;
        while (true) {
            Optional<Stamp> s = Stamps.next(line, from, capturedAt);
            if (s.isEmpty()) {
                return stamps;
            }
            Stamp stamp = s.get();
            String before = line.substring(Math.max(0, stamp.start() - 12), stamp.start());
            if (!HEADER_STAMP_LEAD.matcher(before).find()) {
                stamps.add(stamp);
            }
            from = stamp.end();
        }
    }

    private static void post(String segment, List<Block> blocks) {
        Matcher by = BYLINE_START.matcher(segment);
        String rest = segment;
        if (by.find()) {
            String headline = Text.strip(segment.substring(0, by.start()));
            Optional<Byline> byline = Bylines.inFlow(segment.substring(by.start()));
            if (byline.isPresent() && !headline.isEmpty()) {
                blocks.add(Block.text(headline));
                int end = by.start() + byline.get().end();
                blocks.add(Block.byline(Text.strip(segment.substring(by.start(), end)), byline.get()));
                rest = segment.substring(end);
            }
        }
        rest = Text.strip(rest);
        Optional<Captions.Found> caption = Captions.leading(rest);
        if (caption.isPresent()) {
            blocks.add(Block.caption(caption.get().caption()));
            rest = Text.strip(rest.substring(caption.get().end()));
        }
        for (String paragraph : GLUE.split(rest)) {
            String p = Text.strip(paragraph);
            if (!p.isEmpty()) {
                blocks.add(Block.text(p));
            }
        }
    }
}
