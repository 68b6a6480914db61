package dev.newsfeed.extract;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and resolves the timestamps live blogs print: "10:35 a.m. ET, October 4, 2022",
 * "published at 09:10 Greenwich Mean Time 3 March 2022", "2.15pm BST", "6 hr 57 min ago", "3h ago".
 * Every pattern is a fixed sequence of bounded pieces, so matching stays linear in the input.
 */
final class Stamps {

    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String ZONE = "(?:ET|EDT|EST|CT|CDT|CST|PT|PDT|PST|BST|GMT|UTC|CET|CEST|EET|EEST|MSK"
            + "|Greenwich Mean Time|British Summer Time|Kyiv time|Moscow time)";
    private static final String TIME = "(?<h>\\d{1,2})(?:[:.](?<mi>\\d{2}))?[\\s\\u00A0]?(?:(?<ap>[aApP])\\.?[mM]\\.?)?";
    private static final String DATE = "(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6},?[\\s\\u00A0])?"
            + "(?:(?<mon1>" + MONTH + ")\\.?[\\s\\u00A0](?<d1>\\d{1,2}),?[\\s\\u00A0](?<y1>\\d{4})"
            + "|(?<d2>\\d{1,2})[\\s\\u00A0](?<mon2>" + MONTH + ")\\.?,?[\\s\\u00A0](?<y2>\\d{4}))";

    /** A time with a zone and a date: an absolute instant. */
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?<![\\d:.])(?:published at[\\s\\u00A0])?" + TIME + "[\\s\\u00A0]?(?<zone>" + ZONE + ")?,?[\\s\\u00A0]" + DATE);
    /** A date, then the time: "March 03, 2022 16:24 GMT", "Thu 3 Mar 2022 16.05 GMT". */
    private static final Pattern DATE_FIRST = Pattern.compile(
            "(?<![\\p{L}\\d])" + DATE + "[,\\s\\u00A0]{1,3}(?:at[\\s\\u00A0])?" + TIME
                    + "(?:[\\s\\u00A0]?(?<zone>" + ZONE + "))?(?![\\p{L}\\d])");
    /** A clock time in parentheses after a relative one: "9m ago (09:10 GMT)". */
    private static final Pattern CLOCK_IN_PARENS = Pattern.compile(
            "^[\\s\\u00A0]?\\((?<h>\\d{1,2})[:.](?<mi>\\d{2})(?:[\\s\\u00A0]?(?<ap>[aApP])\\.?[mM]\\.?)?"
                    + "(?:[\\s\\u00A0](?<zone>" + ZONE + "))?\\)");
    /** "6 hr 57 min ago", "3h ago", "12 min ago", "2 days ago". */
    private static final Pattern RELATIVE = Pattern.compile(
            "(?<![\\p{L}\\d])(?:(?<rh>\\d{1,3})[\\s\\u00A0]?(?:hr|hrs|hours?|h)(?:[\\s\\u00A0](?<rhm>\\d{1,2})[\\s\\u00A0]?(?:min|mins|minutes?|m))?"
                    + "|(?<rm>\\d{1,3})[\\s\\u00A0]?(?:min|mins|minutes?|m)|(?<rd>\\d{1,3})[\\s\\u00A0]?(?:days?|d))[\\s\\u00A0]ago");
    /** A time of day that begins a block: "2.15pm BST", "09:30", "11:02 , Jane Doe", "9 a.m.: text". */
    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "^(?:published at[\\s\\u00A0])?" + TIME + "(?:[\\s\\u00A0](?<zone>" + ZONE + "))?(?=$|[\\s\\u00A0]?[,:][\\s\\u00A0]|[\\s\\u00A0])");

    private static final Pattern DECLARED_ZONE = Pattern.compile(
            "\\bAll times (?:are |stated are |shown are |in )?(?<zone>UK|" + ZONE + ")\\b");
    private static final Pattern DATE_ONLY = Pattern.compile("(?<![\\p{L}\\d])" + DATE + "(?!\\d)");

    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("ET", ZoneId.of("America/New_York")),
            Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("EST", ZoneOffset.ofHours(-5)),
            Map.entry("CT", ZoneId.of("America/Chicago")),
            Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("CST", ZoneOffset.ofHours(-6)),
            Map.entry("PT", ZoneId.of("America/Los_Angeles")),
            Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("PST", ZoneOffset.ofHours(-8)),
            Map.entry("BST", ZoneOffset.ofHours(1)),
            Map.entry("British Summer Time", ZoneOffset.ofHours(1)),
            Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("Greenwich Mean Time", ZoneOffset.UTC),
            Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("CET", ZoneId.of("Europe/Paris")),
            Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("EET", ZoneId.of("Europe/Kyiv")),
            Map.entry("EEST", ZoneOffset.ofHours(3)),
            Map.entry("Kyiv time", ZoneId.of("Europe/Kyiv")),
            Map.entry("MSK", ZoneId.of("Europe/Moscow")),
            Map.entry("Moscow time", ZoneId.of("Europe/Moscow")));

    private Stamps() {
    }

    /** The zone a page declares for all its times ("All times EST", "All times stated are UK"), if any. */
    static Optional<ZoneId> declaredZone(String line) {
        Matcher m = DECLARED_ZONE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group("zone");
        return Optional.of(name.equals("UK") ? ZoneId.of("Europe/London") : ZONES.get(name));
    }

    /**
     * Walks the timestamps of one long text in order. The next absolute stamp is found once and kept until
     * the walk passes it, so a text full of relative stamps is still scanned in linear time.
     */
    static final class Scanner {
        private final String text;
        private final Instant capturedAt;
        private final Matcher abs;
        private final Matcher rel;
        private Stamp nextAbsolute;
        private int absoluteSearchedFrom = -1;


        Scanner(String text, Instant capturedAt) {
            this.text = text;
            this.capturedAt = capturedAt;
            // Transparent bounds: the patterns' look-behinds must see the text before a candidate.
            this.abs = ABSOLUTE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            this.rel = RELATIVE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        }

        /** The next absolute or relative timestamp at or after {@code from}. */
        Optional<Stamp> next(int from) {
            if (absoluteSearchedFrom < 0 || nextAbsolute != null && nextAbsolute.start() < from) {
                nextAbsolute = findAbsolute(from);
                absoluteSearchedFrom = from;
            }
            // A relative stamp only wins when it starts before the absolute one.
            int limit = nextAbsolute == null ? text.length() : nextAbsolute.start();
            for (int at = nextCandidate(from, limit); at < limit; at = nextCandidate(at + 1, limit)) {
                rel.region(at, text.length());
                if (rel.lookingAt()) {
                    return Optional.of(relative(rel, capturedAt));
                }
            }
            return Optional.ofNullable(nextAbsolute);
        }

        private Stamp findAbsolute(int from) {
            for (int at = nextCandidate(from, text.length()); at < text.length();
                 at = nextCandidate(at + 1, text.length())) {
                abs.region(at, text.length());
                if (abs.lookingAt()) {
                    Optional<Stamp> s = absolute(abs, null);
                    if (s.isPresent()) {
                        return s.get();
                    }
                }
            }
            return null;
        }

        /**
         * Where a stamp may start: a digit with no digit before it, or "published at". Trying the patterns only
         * there keeps the scan to one character test per character of text.
         */
        private int nextCandidate(int from, int limit) {
            for (int i = from; i < limit; i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9' && (i == 0 || !Character.isDigit(text.charAt(i - 1)))) {
                    return i;
                }
                if (c == 'p' && text.startsWith("published at", i)) {
                    return i;
                }
            }
            return limit;
        }
    }

    /**
     * A timestamp that begins {@code block}: absolute, relative, or a bare time of day dated with
     * {@code pageDate} in {@code defaultZone}.
     */
    static Optional<Stamp> atStart(String block, Instant capturedAt, LocalDate pageDate, ZoneId defaultZone) {
        if (block.isEmpty()) {
            return Optional.empty();
        }
        char first = block.charAt(0);
        boolean published = first == 'p' && block.startsWith("published at");
        if (!Character.isDigit(first) && !published) {
            // Only a date can open a stamp with a letter: "March 03, 2022 16:24 GMT", "Thu 3 Mar 2022 16.05".
            return Character.isUpperCase(first) ? dateFirst(block, defaultZone) : Optional.empty();
        }
        Matcher abs = ABSOLUTE.matcher(block);
        if (abs.lookingAt()) {
            Optional<Stamp> s = absolute(abs, defaultZone);
            if (s.isPresent()) {
                return s;
            }
        }
        Optional<Stamp> dated = dateFirst(block, defaultZone);
        if (dated.isPresent()) {
            return dated;
        }
        Matcher rel = RELATIVE.matcher(block);
        if (rel.lookingAt()) {
            return Optional.of(withClock(relative(rel, capturedAt), block, defaultZone));
        }
        Matcher tod = TIME_OF_DAY.matcher(block);
        if (tod.lookingAt() && (tod.group("mi") != null || tod.group("ap") != null)) {
            return timeOfDay(tod, pageDate, defaultZone);
        }
        return Optional.empty();
    }

    private static Optional<Stamp> dateFirst(String block, ZoneId defaultZone) {
        Matcher m = DATE_FIRST.matcher(block);
        return m.lookingAt() ? absolute(m, defaultZone) : Optional.empty();
    }

    /** The instant of an absolute stamp printed anywhere in {@code text}, e.g. a page's "Updated" line. */
    static Optional<Stamp> absoluteIn(String text) {
        Matcher abs = ABSOLUTE.matcher(text);
        Optional<Stamp> timeFirst = abs.find() ? absolute(abs, null) : Optional.empty();
        Matcher dateFirst = DATE_FIRST.matcher(text);
        Optional<Stamp> other = dateFirst.find() ? absolute(dateFirst, null) : Optional.empty();
        if (timeFirst.isEmpty() || other.isPresent() && other.get().start() < timeFirst.get().start()) {
            return other.isPresent() ? other : timeFirst;
        }
        return timeFirst;
    }

    /** The day a page names near its top ("Thursday 03 March 2022"), for times printed without one. */
    static Optional<LocalDate> dateIn(String text) {
        Matcher m = DATE_ONLY.matcher(text);
        while (m.find()) {
            try {
                return Optional.of(date(m));
            } catch (DateTimeException e) {
                // "February 30": keep looking.
            }
        }
        return Optional.empty();
    }

    /** A bare clock line ("09:30") right after a relative stamp ("3h ago") dates it to the minute. */
    static Optional<Stamp> clockLine(Stamp relative, String line, ZoneId defaultZone) {
        Matcher tod = TIME_OF_DAY.matcher(line);
        if (relative.precision() != Precision.RELATIVE || !tod.lookingAt() || tod.group("mi") == null
                || tod.end() != line.length()) {
            return Optional.empty();
        }
        return clock(relative, tod, relative.text() + " " + line, defaultZone);
    }

    private static Stamp withClock(Stamp relative, String block, ZoneId defaultZone) {
        Matcher clock = CLOCK_IN_PARENS.matcher(block).region(relative.end(), block.length());
        if (relative.precision() != Precision.RELATIVE || !clock.lookingAt()) {
            return relative;
        }
        String text = block.substring(relative.start(), clock.end());
        return clock(relative, clock, text, defaultZone)
                .map(s -> new Stamp(relative.start(), clock.end(), s.text(), s.instant(), s.precision()))
                .orElse(relative);
    }

    /** The clock time on whichever day puts it nearest the relative estimate. */
    private static Optional<Stamp> clock(Stamp relative, Matcher m, String text, ZoneId defaultZone) {
        ZoneId zone = m.group("zone") != null ? ZONES.get(m.group("zone")) : defaultZone;
        if (zone == null) {
            return Optional.empty();
        }
        try {
            LocalTime time = time(m);
            LocalDate day = relative.instant().atZone(zone).toLocalDate();
            Instant best = null;
            for (int d = -1; d <= 1; d++) {
                Instant candidate = day.plusDays(d).atTime(time).atZone(zone).toInstant();
                if (best == null || Duration.between(candidate, relative.instant()).abs()
                        .compareTo(Duration.between(best, relative.instant()).abs()) < 0) {
                    best = candidate;
                }
            }
            Precision precision = m.group("zone") != null ? Precision.EXACT : Precision.INFERRED;
            return Optional.of(new Stamp(relative.start(), relative.end(), text, best, precision));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Stamp> absolute(Matcher m, ZoneId defaultZone) {
        if (m.group("mi") == null && m.group("ap") == null) {
            return Optional.empty();
        }
        ZoneId zone = m.group("zone") != null ? ZONES.get(m.group("zone")) : defaultZone;
        try {
            LocalDate date = date(m);
            LocalTime time = time(m);
            Instant instant = zone == null ? null : date.atTime(time).atZone(zone).toInstant();
            Precision precision = zone == null ? Precision.INFERRED : Precision.EXACT;
            return Optional.of(new Stamp(m.start(), m.end(), Text.strip(m.group()), instant, precision));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Stamp relative(Matcher m, Instant capturedAt) {
        Duration ago = Duration.ZERO;
        if (m.group("rh") != null) {
            ago = ago.plusHours(Long.parseLong(m.group("rh")));
            if (m.group("rhm") != null) {
                ago = ago.plusMinutes(Long.parseLong(m.group("rhm")));
            }
        } else if (m.group("rm") != null) {
            ago = ago.plusMinutes(Long.parseLong(m.group("rm")));
        } else {
            ago = ago.plusDays(Long.parseLong(m.group("rd")));
        }
        Instant instant = capturedAt == null ? null : capturedAt.minus(ago);
        return new Stamp(m.start(), m.end(), m.group(), instant,
                instant == null ? Precision.UNKNOWN : Precision.RELATIVE);
    }

    private static Optional<Stamp> timeOfDay(Matcher m, LocalDate pageDate, ZoneId defaultZone) {
        ZoneId zone = m.group("zone") != null ? ZONES.get(m.group("zone")) : defaultZone;
        try {
            LocalTime time = time(m);
            Instant instant = pageDate == null || zone == null ? null
                    : pageDate.atTime(time).atZone(zone).toInstant();
            return Optional.of(new Stamp(m.start(), m.end(), Text.strip(m.group()), instant,
                    instant == null ? Precision.UNKNOWN : Precision.INFERRED));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static LocalTime time(Matcher m) {
        int hour = Integer.parseInt(m.group("h"));
        int minute = m.group("mi") == null ? 0 : Integer.parseInt(m.group("mi"));
        String ap = m.group("ap");
        if (ap != null) {
            if (hour < 1 || hour > 12) {
                throw new DateTimeException("hour " + hour + " with am/pm");
            }
            hour = hour % 12 + (ap.equalsIgnoreCase("p") ? 12 : 0);
        }
        return LocalTime.of(hour, minute);
    }

    private static LocalDate date(Matcher m) {
        boolean monthFirst = m.group("mon1") != null;
        String month = monthFirst ? m.group("mon1") : m.group("mon2");
        int day = Integer.parseInt(monthFirst ? m.group("d1") : m.group("d2"));
        int year = Integer.parseInt(monthFirst ? m.group("y1") : m.group("y2"));
        return LocalDate.of(year, month(month), day);
    }

    static int month(String name) {
        String key = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return switch (key) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }
}
