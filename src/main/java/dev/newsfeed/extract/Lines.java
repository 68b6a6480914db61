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
    /** How far down a page its date and declared zone are looked for: lines, and characters of each. */
    private static final int HEAD_LINES = 60;
    private static final int HEAD_CHARS = 2_000;

    private Lines() {
    }

    /**
     * @param lines      the page's lines, stripped, none empty
     * @param capturedAt when the page was fetched
     * @param outletZone the outlet's zone, for times printed without one
     */
    static List<Block> classify(List<RawLine> lines, Instant capturedAt, ZoneId outletZone) {
        ZoneId zone = declaredZone(lines).orElse(outletZone);
        Page page = new Page(lines, capturedAt, zone, pageDate(lines, capturedAt, zone),
                Navigation.menuLines(lines), Datelines.count(lines) >= Datelines.MIN_POSTS);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            RawLine raw = lines.get(i);
            String line = raw.text();
            if (raw.anchor() != null) {
                blocks.add(Block.of(Block.Kind.ANCHOR, raw.anchor()));
            }
            if (raw.caption() != null) {
                blocks.add(Block.caption(raw.caption()));
                continue;
            }
            if (Boilerplate.isEnd(line)) {
                blocks.add(Block.of(Block.Kind.END, line));
                break;
            }
            if (page.menu()[i]) {
                continue;
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
            int before = blocks.size();
            classifyLine(line, page, i, blocks);
            if (blocks.size() > before && blocks.get(before).kind() == Block.Kind.STAMP) {
                i += clockAfter(blocks, before, page, i);
            }
        }
        return dropPromos(blocks);
    }

    /** What the classifier knows about the page as a whole. */
    private record Page(List<RawLine> lines, Instant capturedAt, ZoneId zone, LocalDate date, boolean[] menu,
                        boolean datelinePosts) {
    }

    /** Adds the blocks of line {@code i}. */
    private static void classifyLine(String line, Page page, int i, List<Block> out) {
        if (UPDATED.matcher(line).matches()) {
            out.add(Block.of(Block.Kind.UPDATED, line));
            return;
        }
        if (Boilerplate.isSkip(line) || Boilerplate.isCreditLine(line)) {
            return;
        }
        Optional<Stamp> stamp = Stamps.atStart(line, page.capturedAt(), page.date(), page.zone());
        if (stamp.isPresent()) {
            List<Block> stampBlocks = stampLine(line, stamp.get());
            if (!stampBlocks.isEmpty()) {
                out.addAll(stampBlocks);
                return;
            }
        }
        if (page.datelinePosts()) {
            Optional<Datelines.Dateline> dateline = Datelines.parse(line);
            if (dateline.isPresent()) {
                out.add(Block.dateline(dateline.get().place()));
                out.add(Block.lead(dateline.get().text()));
                return;
            }
        }
        Optional<Byline> byline = Bylines.line(line);
        if (byline.isPresent()) {
            List<RawLine> lines = page.lines();
            boolean pageByline = line.startsWith("By ") && i + 1 < lines.size()
                    && UPDATED.matcher(lines.get(i + 1).text()).matches();
            out.add(pageByline ? Block.text(line) : Block.byline(line, byline.get()));
            return;
        }
        Optional<Caption> caption = Captions.creditedLine(line);
        out.add(caption.isPresent() ? Block.caption(caption.get()) : Block.text(line));
    }

    /**
     * A relative stamp ("3h ago") followed by a clock line ("09:30") is one stamp, dated by the clock;
     * the same instant printed twice ("published at 09:10 ...", then "09:10 GMT ...") is one stamp too.
     */
    private static int clockAfter(List<Block> blocks, int at, Page page, int i) {
        if (blocks.size() != at + 1 || i + 1 >= page.lines().size()) {
            return 0;
        }
        Stamp first = blocks.get(at).stamp();
        String next = page.lines().get(i + 1).text();
        Optional<Stamp> clock = Stamps.clockLine(first, next, page.zone());
        if (clock.isPresent()) {
            blocks.set(at, Block.stamp(clock.get()));
            return 1;
        }
        Optional<Stamp> repeat = Stamps.atStart(next, page.capturedAt(), page.date(), page.zone());
        if (repeat.isPresent() && repeat.get().end() == next.length() && first.instant() != null
                && first.instant().equals(repeat.get().instant())) {
            return 1;
        }
        return 0;
    }

    /** A timestamp line, possibly with a headline glued on ("12 min agoForeign ministers meet"). */
    private static List<Block> stampLine(String line, Stamp stamp) {
        String rest = Text.strip(line.substring(stamp.end()));
        if (AFTER_TIME.matcher(rest).matches()) {
            return List.of(Block.stamp(stamp));
        }
        // "9 a.m.: text": a post with no headline.
        if (rest.startsWith(":")) {
            String text = Text.strip(rest.substring(1));
            return text.isEmpty() ? List.of(Block.stamp(stamp)) : List.of(Block.stamp(stamp), Block.lead(text));
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
        return b.kind() == Block.Kind.TEXT && Text.isPhrase(b.text(), 10);
    }

    private static String head(RawLine line) {
        String text = line.text();
        return text.length() <= HEAD_CHARS ? text : text.substring(0, HEAD_CHARS);
    }

    private static Optional<ZoneId> declaredZone(List<RawLine> lines) {
        for (RawLine line : lines.subList(0, Math.min(lines.size(), HEAD_LINES))) {
            Optional<ZoneId> zone = Stamps.declaredZone(head(line));
            if (zone.isPresent()) {
                return zone;
            }
        }
        return Optional.empty();
    }

    /** The day the page speaks of, for times printed without a date. */
    private static LocalDate pageDate(List<RawLine> lines, Instant capturedAt, ZoneId zone) {
        List<RawLine> head = lines.subList(0, Math.min(lines.size(), HEAD_LINES));
        for (RawLine line : head) {
            Optional<Stamp> s = Stamps.absoluteIn(head(line));
            if (s.isPresent() && s.get().instant() != null) {
                return s.get().instant().atZone(zone).toLocalDate();
            }
        }
        for (RawLine line : head) {
            Optional<LocalDate> date = Stamps.dateIn(head(line));
            if (date.isPresent()) {
                return date.get();
            }
        }
        return capturedAt == null ? null : capturedAt.atZone(zone).toLocalDate();
    }
}
