package dev.newsfeed.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Types the lines of a page: timestamps, bylines, captions, furniture and prose. */
final class Lines {

    private static final Pattern UPDATED = Pattern.compile("^(?:Updated|Last updated)\\b.*");
    /** What may follow a bare time of day on its line: nothing, an author, or a zone already read. */
    private static final Pattern AFTER_TIME = Pattern.compile("^\\s*(?:,\\s*)?$");

    private Lines() {
    }

    /**
     * @param lines      the page's lines, stripped, none empty
     * @param capturedAt when the page was fetched
     * @param zone       the outlet's zone, for times printed without one
     */
    static List<Block> classify(List<RawLine> lines, Instant capturedAt, ZoneId zone) {
        List<Block> blocks = new ArrayList<>();
        LocalDate pageDate = pageDate(lines, capturedAt, zone);
        for (int i = 0; i < lines.size(); i++) {
            RawLine raw = lines.get(i);
            String line = raw.text();
            if (raw.caption() != null) {
                blocks.add(Block.caption(raw.caption()));
                continue;
            }
            if (Boilerplate.isEnd(line)) {
                blocks.add(Block.of(Block.Kind.END, line));
                break;
            }
            Optional<List<Block>> flat = FlatText.split(line, capturedAt);
            if (flat.isPresent()) {
                blocks.addAll(flat.get());
                continue;
            }
            if (i + 1 < lines.size()) {
                Optional<String> credit = Captions.repeatedWithCredit(line, lines.get(i + 1).text());
                if (credit.isPresent()) {
                    blocks.add(Block.caption(new Caption(line, credit.get())));
                    i++;
                    continue;
                }
                if (line.equals(lines.get(i + 1).text()) && line.length() > 40) {
                    continue; // a repeated line: the second copy is read
                }
            }
            blocks.addAll(classifyLine(line, lines, i, capturedAt, pageDate, zone));
        }
        return dropPromos(blocks);
    }

    private static List<Block> classifyLine(String line, List<RawLine> lines, int i, Instant capturedAt,
                                            LocalDate pageDate, ZoneId zone) {
        if (UPDATED.matcher(line).matches()) {
            return List.of(Block.of(Block.Kind.UPDATED, line));
        }
        if (Boilerplate.isSkip(line) || Boilerplate.isCreditLine(line)) {
            return List.of();
        }
        Optional<Stamp> stamp = Stamps.atStart(line, capturedAt, pageDate, zone);
        if (stamp.isPresent()) {
            List<Block> stampBlocks = stampLine(line, stamp.get());
            if (!stampBlocks.isEmpty()) {
                return stampBlocks;
            }
        }
        Optional<Byline> byline = Bylines.line(line);
        if (byline.isPresent()) {
            boolean pageByline = line.startsWith("By ") && i + 1 < lines.size()
                    && UPDATED.matcher(lines.get(i + 1).text()).matches();
            return List.of(pageByline ? Block.text(line) : Block.byline(line, byline.get()));
        }
        Optional<Caption> caption = Captions.creditedLine(line);
        if (caption.isPresent()) {
            return List.of(Block.caption(caption.get()));
        }
        return List.of(Block.text(line));
    }

    /** A timestamp line, possibly with a headline glued on ("12 min agoForeign ministers meet"). */
    private static List<Block> stampLine(String line, Stamp stamp) {
        String rest = Text.strip(line.substring(stamp.end()));
        if (AFTER_TIME.matcher(rest).matches()) {
            return List.of(Block.stamp(stamp));
        }
        if (stamp.precision() == Precision.RELATIVE || stamp.precision() == Precision.EXACT) {
            return List.of(Block.stamp(stamp), Block.text(rest));
        }
        // "11:02 , Jane Doe": a time and the author.
        if (rest.startsWith(",")) {
            String name = Text.strip(rest.substring(1));
            if (Bylines.isName(name)) {
                return List.of(Block.stamp(stamp), Block.byline(name, new Byline(List.of(name), null, 0)));
            }
        }
        return List.of();
    }

    /** Drops promo paragraphs ("Click here to see all ...") and the short heading right above one. */
    private static List<Block> dropPromos(List<Block> blocks) {
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            if (b.kind() == Block.Kind.TEXT && Boilerplate.isPromo(b.text())) {
                if (!out.isEmpty() && isHeading(out.get(out.size() - 1))) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(b);
        }
        return out;
    }

    private static boolean isHeading(Block b) {
        if (b.kind() != Block.Kind.TEXT || Text.wordCount(b.text()) > 10) {
            return false;
        }
        char last = b.text().charAt(b.text().length() - 1);
        return last != '.' && last != '"' && last != '”';
    }

    /** The day the page speaks of, for times printed without a date. */
    private static LocalDate pageDate(List<RawLine> lines, Instant capturedAt, ZoneId zone) {
        for (RawLine line : lines.subList(0, Math.min(lines.size(), 40))) {
            Optional<Stamp> s = Stamps.absoluteIn(line.text());
            if (s.isPresent() && s.get().instant() != null) {
                return s.get().instant().atZone(zone).toLocalDate();
            }
        }
        return capturedAt == null ? null : capturedAt.atZone(zone).toLocalDate();
    }
}
