package dev.newsfeed.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Types the lines of a page: timestamps, numbers, labels, bylines, datelines, captions, summary boxes,
 * furniture and prose. Which of these start posts is decided afterwards, from what the page repeats
 * ({@link Segmenter}).
 */
final class Lines {

    private static final Pattern UPDATED = Pattern.compile("^(?:Updated|Last [Uu]pdated)\\b.*");
    /** What may follow a bare time of day on its line: nothing, or a zone already read. */
    private static final Pattern AFTER_TIME = Pattern.compile("^\\s*(?:,\\s*)?$");
    /** "  1. Headline", "2. Headline": a numbered item; the number is kept apart from its text. */
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3})\\.[\\s\\u00A0]+(?=\\S)");
    /** "• text", "- text", "* text", "· text": a bullet. */
    private static final Pattern BULLET = Pattern.compile("^(?:[•·*▪●◦–-]|\\d{1,2}\\.)[\\s\\u00A0]*(?=\\S)|^[-•*]$");
    /** "Headline -- text" / "Headline — text" opening a paragraph with no other headline. */
    private static final Pattern GLUED_HEADLINE = Pattern.compile("[\\s\\u00A0](?:--|—)[\\s\\u00A0]");
    private static final Pattern PUBLISHED_LINE = Pattern.compile("^Published[\\s\\u00A0]+[A-Z0-9]");
    /** A video's length and source ("02:18 - Source: CNN"): not a time of day. */
    private static final Pattern VIDEO = Pattern.compile("^\\d{1,2}:\\d{2}[\\s\\u00A0]+[-•|·][\\s\\u00A0]+Source:.{0,60}$");

    /** How far down a page its date and declared zone are looked for: lines, and characters of each. */
    private static final int HEAD_LINES = 60;
    private static final int HEAD_CHARS = 2_000;
    /** A line this long is prose: end-of-page furniture only counts after some. */
    private static final int MIN_PROSE = 100;

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
                Navigation.menuLines(lines), SummaryBoxes.lines(lines));
        List<Block> blocks = new ArrayList<>();
        boolean sawProse = false;
        for (int i = 0; i < lines.size(); i++) {
            RawLine raw = lines.get(i);
            String line = Stamps.withoutRepeatedClock(raw.text());
            if (raw.anchor() != null) {
                blocks.add(Block.of(Block.Kind.ANCHOR, raw.anchor()));
            }
            if (raw.caption() != null) {
                blocks.add(Block.caption(raw.caption()));
                continue;
            }
            if (Boilerplate.isEnd(line)) {
                if (sawProse) {
                    blocks.add(Block.of(Block.Kind.END, line));
                    break;
                }
                continue; // a photo gallery's "Copyright 2022 …" above the first post ends nothing
            }
            sawProse |= line.length() >= MIN_PROSE;
            if (page.summary()[i]) {
                if (!SummaryBoxes.isHeading(line)) {
                    blocks.add(Block.of(Block.Kind.SUMMARY, SummaryBoxes.item(line)));
                }
                continue;
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
                Optional<Caption> credited = Captions.creditBelow(line, lines.get(i + 1).text(),
                        i + 2 < lines.size() ? lines.get(i + 2) : null);
                if (credited.isPresent()) {
                    blocks.add(Block.caption(credited.get()));
                    i++;
                    continue;
                }
                if (line.equals(lines.get(i + 1).text()) && line.length() > 40) {
                    continue; // a repeated line: the second copy is read
                }
            }
            if (Character.isDigit(line.charAt(0)) && VIDEO.matcher(line).matches()) {
                // The video's length is often printed again on its own line: skip that too.
                i += i + 1 < lines.size() && line.startsWith(lines.get(i + 1).text()) ? 1 : 0;
                continue;
            }
            Optional<Caption> image = Captions.imageLines(line, i + 1 < lines.size() ? lines.get(i + 1).text() : "");
            if (image.isPresent()) {
                blocks.add(Block.caption(image.get()));
                i += Captions.isImageCaptionLabel(line) ? 1 : 0;
                continue;
            }
            Matcher number = Character.isDigit(line.charAt(0)) ? NUMBERED.matcher(line) : null;
            if (number != null && number.lookingAt() && !numberedList(lines, i)) {
                blocks.add(Block.of(Block.Kind.NUMBER, number.group(1)));
                line = line.substring(number.end());
            }
            int before = blocks.size();
            classifyLine(line, page, sawProse, blocks);
            if (i + 1 < lines.size() && blocks.size() == before + 1 && updatedAbove(blocks.get(before), lines.get(i + 1), page)) {
                // "Last Updated", then the time on a line of its own: both are the page's.
                blocks.set(before, Block.of(Block.Kind.UPDATED, line + " " + lines.get(i + 1).text()));
                i++;
                // The time printed twice (a hidden copy for screen readers) is still the page's.
                i += i + 1 < lines.size() && lines.get(i + 1).text().equals(lines.get(i).text()) ? 1 : 0;
                continue;
            }
            for (int at = before; at < blocks.size(); at++) {
                if (blocks.get(at).kind() == Block.Kind.STAMP) {
                    i += clockAfter(blocks, at, page, i);
                    break;
                }
            }
        }
        return BareBylines.mark(dropPromos(blocks));
    }

    /** What the classifier knows about the page as a whole. */
    private record Page(List<RawLine> lines, Instant capturedAt, ZoneId zone, LocalDate date, boolean[] menu,
                        boolean[] summary) {
    }

    /** An "Updated" label printed without its time, and the next line a time alone. */
    private static boolean updatedAbove(Block b, RawLine next, Page page) {
        if (b.kind() != Block.Kind.UPDATED || b.text().length() > 20 || b.text().chars().anyMatch(Character::isDigit)) {
            return false;
        }
        Optional<Stamp> stamp = Stamps.atStart(next.text(), page.capturedAt(), page.date(), page.zone());
        return stamp.isPresent() && stamp.get().end() == next.text().length();
    }

    /** A numbered line in a list of them (the next line is numbered too): a list inside a post, not a post. */
    private static boolean numberedList(List<RawLine> lines, int i) {
        boolean next = i + 1 < lines.size() && isNumbered(lines.get(i + 1).text());
        boolean previous = i > 0 && isNumbered(lines.get(i - 1).text());
        return next || previous;
    }

    private static boolean isNumbered(String line) {
        return Character.isDigit(line.charAt(0)) && NUMBERED.matcher(line).lookingAt();
    }

    /** Adds the blocks of one line. */
    private static void classifyLine(String line, Page page, boolean afterProse, List<Block> out) {
        char first = line.charAt(0);
        if ((first == 'U' || first == 'L') && UPDATED.matcher(line).matches()) {
            out.add(Block.of(Block.Kind.UPDATED, line));
            return;
        }
        if (first == 'P' && PUBLISHED_LINE.matcher(line).lookingAt()
                && Stamps.atStart(line, page.capturedAt(), page.date(), page.zone()).isPresent()) {
            out.add(Block.of(Block.Kind.UPDATED, line)); // the page's own "Published March 3, 2022 …"
            return;
        }
        if (Boilerplate.isSeparator(line)) {
            out.add(Block.of(Block.Kind.SEPARATOR, line));
            return;
        }
        if (Boilerplate.isSkip(line) || Boilerplate.isCreditLine(line)) {
            return;
        }
        if (Labels.isLabel(line)) {
            out.add(Block.of(Block.Kind.LABEL, line));
            return;
        }
        Optional<Stamp> stamp = Stamps.atStart(line, page.capturedAt(), page.date(), page.zone());
        if (stamp.isPresent()) {
            List<Block> stampBlocks = stampLine(line, stamp.get(), afterProse);
            if (!stampBlocks.isEmpty()) {
                out.addAll(stampBlocks);
                return;
            }
        }
        Optional<Stamp> trailing = Stamps.trailing(line, page.capturedAt(), page.date(), page.zone());
        if (trailing.isPresent()) {
            String headline = Text.strip(line.substring(0, trailing.get().start()));
            out.add(Block.stamp(trailing.get()).asGlued());
            out.add(Block.text(headline));
            return;
        }
        Optional<Datelines.Dateline> dateline = Datelines.parse(line);
        if (dateline.isPresent()) {
            out.add(Block.dateline(dateline.get().printed(), dateline.get().place()));
            if (!dateline.get().text().isEmpty()) {
                out.add(Block.text(dateline.get().text()));
            }
            return;
        }
        Optional<Byline> byline = Bylines.line(line);
        if (byline.isPresent()) {
            out.add(Block.byline(line, byline.get()));
            return;
        }
        Optional<Byline> closing = Bylines.closing(line);
        if (closing.isPresent()) {
            out.add(new Block(Block.Kind.CLOSING_BYLINE, line, null, closing.get(), null));
            return;
        }
        Optional<Caption> caption = Captions.creditedLine(line);
        out.add(caption.isPresent() ? Block.caption(caption.get()) : Block.text(line));
    }

    /**
     * A relative stamp ("3h ago") followed by a clock line ("09:30", "(13:58 GMT)Headline") is one stamp, the
     * clock its time; the same clock printed twice ("published at 09:10 …", then "09:10 GMT …") is one stamp.
     * Returns how many following lines were used.
     */
    private static int clockAfter(List<Block> blocks, int at, Page page, int i) {
        if (i + 1 >= page.lines().size()) {
            return 0;
        }
        Stamp first = blocks.get(at).stamp();
        String next = page.lines().get(i + 1).text();
        Optional<Stamp> clock = at == blocks.size() - 1 ? Stamps.clockLine(first, next, page.date(), page.zone())
                : Optional.empty();
        if (clock.isPresent()) {
            blocks.set(at, Block.stamp(clock.get()));
            String rest = Text.strip(next.substring(clock.get().end()));
            if (!rest.isEmpty()) {
                blocks.add(Block.text(rest));
            }
            return 1;
        }
        Optional<Stamp> repeat = Stamps.atStart(next, page.capturedAt(), page.date(), page.zone());
        if (repeat.isPresent() && repeat.get().end() == next.length() && Stamps.sameClock(first, repeat.get())) {
            return 1;
        }
        return 0;
    }

    /**
     * A timestamp line, possibly with a headline, author or text on the same line.
     *
     * @param afterProse the page has printed prose already: a "time | Updated time" line there dates a post
     */
    private static List<Block> stampLine(String line, Stamp stamp, boolean afterProse) {
        String rest = Text.strip(line.substring(stamp.end()));
        if (AFTER_TIME.matcher(rest).matches()) {
            return List.of(Block.stamp(stamp));
        }
        // "9 a.m.: text": a post whose headline, if any, is glued to its text ("Headline -- text").
        if (rest.startsWith(":")) {
            String text = Text.strip(rest.substring(rest.startsWith(":?") ? 2 : 1)); // "?": a mangled space
            return text.isEmpty() ? List.of(Block.stamp(stamp)) : leadBlocks(stamp, text);
        }
        // "11:02 , Jane Doe": a time and the author.
        if (rest.startsWith(",")) {
            String name = Text.strip(rest.substring(1));
            if (Bylines.isName(name)) {
                return List.of(Block.stamp(stamp), Block.byline(name, new Byline(List.of(name), null, 0)));
            }
        }
        if (stamp.precision() == Precision.RELATIVE || stamp.precision() == Precision.EXACT
                || stamp.relative() != null || Character.isUpperCase(rest.codePointAt(0))
                || rest.charAt(0) == '(' || rest.charAt(0) == '|') {
            Optional<Datelines.Dateline> dateline = Datelines.parse(rest);
            if (dateline.isPresent()) {
                return List.of(Block.stamp(stamp), Block.dateline(dateline.get().printed(), dateline.get().place()),
                        Block.text(dateline.get().text()));
            }
            if (rest.startsWith("|") && rest.contains("Updated") && !afterProse) {
                return List.of(Block.of(Block.Kind.UPDATED, line)); // the page's "published | Updated" line
            }
            if (rest.startsWith("|") || rest.startsWith("(")) {
                return List.of(Block.stamp(stamp));
            }
            int glue = FlatText.gluedHeadlineEnd(rest);
            if (glue > 0) {
                return List.of(Block.stamp(stamp).asGlued(), Block.text(rest.substring(0, glue)),
                        Block.text(rest.substring(glue)));
            }
            return List.of(Block.stamp(stamp).asGlued(), Block.text(rest));
        }
        return List.of();
    }

    private static List<Block> leadBlocks(Stamp stamp, String text) {
        if (Headlines.isHeadline(text) && !Headlines.isProse(text)) {
            // "9: 45pm: Fighting around Bakhmut intensifying, says Zelensky": the text is a headline.
            return List.of(Block.stamp(stamp).asGlued(), Block.text(text));
        }
        Matcher glued = GLUED_HEADLINE.matcher(text);
        if (glued.find() && glued.start() < 150 && Headlines.isHeadline(text.substring(0, glued.start()))) {
            return List.of(Block.stamp(stamp).asGlued(), Block.text(text.substring(0, glued.start())),
                    Block.text(Text.strip(text.substring(glued.end()))));
        }
        return List.of(Block.stamp(stamp), Block.lead(text));
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

    /** True for a bullet line ("• text", "- text"). */
    static boolean isBullet(String line) {
        char c = line.charAt(0);
        return (Character.isDigit(c) || "•·*▪●◦–-".indexOf(c) >= 0) && BULLET.matcher(line).lookingAt();
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

    /** The day the page speaks of, for times printed without one. */
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
