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

    /** Month names in the languages pages print them in; the case is ignored. */
    private static final Map<String, Integer> MONTHS = months();
    private static final String MONTH = "(?iu:" + alternation(MONTHS.keySet()) + ")";
    private static final String ZONE = "(?:ET|EDT|EST|CT|CDT|CST|PT|PDT|PST|BST|GMT|UTC|CET|CEST|EET|EEST|MSK"
            + "|Greenwich Mean Time|British Summer Time|Kyiv time|Moscow time|Uhr)";
    private static final String SP = "[\\s\\u00A0]";
    /** A no-break space a republisher's wrong encoding turned into "?" ("03:00am:?Australia vows …"). */
    private static final String MANGLED_SPACE = "\\?(?=\\p{Lu})";
    /** "9:20", "12.37", "14:10:01", "01u29" (Dutch), "9 a.m.", "10:37 AM". */
    private static final String TIME = "(?<h>\\d{1,2})(?:(?:[.uh]|: ?)(?<mi>\\d{2})(?::(?<se>\\d{2}))?)?" + SP
            + "?(?:(?<ap>[aApP])\\.?[mM]\\.?)?";
    private static final String WEEKDAY = "(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\\.?,?" + SP
            + "|(?:ma|di|wo|do|vr|za|zo)\\.?" + SP + ")";
    /** "October 4, 2022", "Feb. 27, 2022", "3 March 2022", "25 February", "18 juin 2025", "27. August 2024". */
    private static final String DATE = WEEKDAY + "?"
            + "(?:(?<mon1>" + MONTH + ")\\.?" + SP + "(?<d1>\\d{1,2})(?:st|nd|rd|th)?(?:,?" + SP + "(?<y1>\\d{4}))?"
            + "|(?<d2>\\d{1,2})\\.?" + SP + "(?<mon2>" + MONTH + ")\\.?(?:,?" + SP + "(?<y2>\\d{4}))?)";
    /** What joins a date to its time: "at", French "à", German "um", Dutch "om", Polish "o", or a comma. */
    private static final String DATE_TIME_JOIN = "[,\\s\\u00A0/|]{1,4}(?:(?:at|à|um|om|o|-)" + SP + "{1,2})?";
    private static final String PUBLISHED = "(?:(?:published|posted|Published|Posted|Today|Yesterday)(?: on)? at"
            + SP + ")";

    /** A time with a zone and a date: an absolute instant. */
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?<![\\d:.])" + PUBLISHED + "?" + TIME + SP + "?(?:(?<zone>" + ZONE + ")|\\((?<pzone>\\p{Lu}{2,5})\\))?(?:,?"
                    + SP + "|" + SP + "?/" + SP + "?)" + DATE
                    + "(?![\\p{L}\\d])");
    /** A date, then the time: "March 03, 2022 16:24 GMT", "Thu 3 Mar 2022 16.05 GMT", "18 juin 2025 à 17:35". */
    private static final Pattern DATE_FIRST = Pattern.compile(
            "(?<![\\p{L}\\d])" + DATE + DATE_TIME_JOIN + TIME
                    + "(?:" + SP + "?(?<zone>" + ZONE + "))?(?![\\p{Ll}\\d])");
    /** Numeric dates: "2022-05-24 00:08:30", "2022-05-24T00:08:30Z", "20/5/2025 6:40". */
    private static final Pattern NUMERIC = Pattern.compile(
            "^(?:(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})|(?<nd>\\d{1,2})/(?<nm>\\d{1,2})/(?<ny>\\d{4}))"
                    + "[T\\s\\u00A0,]{1,2}" + TIME + "(?:" + SP + "?(?<zone>" + ZONE + "|Z))?(?![\\p{Ll}\\d])");
    /** A clock time in parentheses beside a relative one: "9m ago (09:10 GMT)", "(13:58 GMT)". */
    private static final Pattern CLOCK_IN_PARENS = Pattern.compile(
            "^" + SP + "?(?:\\(|/" + SP + "?)(?<h>\\d{1,2})[:.](?<mi>\\d{2})(?::(?<se>\\d{2}))?(?:" + SP
                    + "?(?<ap>[aApP])\\.?[mM]\\.?)?(?:" + SP + "(?<zone>" + ZONE + "))?(?:\\)|(?![\\p{L}\\d]))");
    /**
     * A clock printed right after a relative stamp with no bracket or slash between ("21 mins ago11:48", "2 hours
     * ago 10:05"): a colon's clock only, so a number the text goes on with is not taken for one.
     */
    private static final Pattern CLOCK_AFTER = Pattern.compile(
            "^" + SP + "?(?<h>\\d{1,2}):(?<mi>\\d{2})(?::(?<se>\\d{2}))?(?:" + SP
                    + "?(?<ap>[aApP])\\.?[mM]\\.?)?(?:" + SP + "(?<zone>" + ZONE + "))?(?![\\p{Ll}\\d:])");
    /** A clock printed twice, glued ("Posted at 15:0515:05": a hidden label's time, then the one shown). */
    private static final Pattern REPEATED_CLOCK = Pattern.compile(
            "^((?:(?:[Pp]osted|[Pp]ublished) at" + SP + ")?(\\d{1,2}[:.]\\d{2}))\\2(?!\\d)");
    /** "6 hr 57 min ago", "3h ago", "12 min ago", "2 days ago". */
    private static final Pattern RELATIVE = Pattern.compile(
            "(?<![\\p{L}\\d])(?:(?<rh>\\d{1,3})" + SP + "?(?:hr|hrs|hours?|h)(?:" + SP + "(?<rhm>\\d{1,2})" + SP
                    + "?(?:min|mins|minutes?|m))?"
                    + "|(?<rm>\\d{1,3})" + SP + "?(?:min|mins|minutes?|m)|(?<rd>\\d{1,4})" + SP + "?(?:days?|d)"
                    + "|(?<rw>\\d{1,3})" + SP + "?(?:weeks?|w)|(?<ry>\\d{1,2})" + SP + "?(?:years?|y))"
                    + SP + "ago");
    /**
     * Relative stamps in other languages, the number inside the phrase: "vor 5 Minuten", "il y a 2 heures",
     * "hace 3 horas", "há 10 minutos", "5 minuti fa", "2 uur geleden". Groups as in {@link #RELATIVE}.
     */
    private static final String REL_MIN = "(?:Min\\.?|Minuten?|min\\.?|minutes?|minutos?|minuti|minuten|minut|minuty)";
    private static final String REL_HOUR = "(?:Std\\.?|Stunden?|h|heures?|horas?|ore|uur|godz\\.?|godzin[ya]?)";
    private static final String REL_DAY = "(?:Tagen?|jours?|d[ií]as?|giorni|dagen|dni)";
    private static final Pattern RELATIVE_OTHER = Pattern.compile(
            "(?:vor|il y a|hace|há|temu)" + SP + "(?:(?<rh>\\d{1,3})" + SP + "?" + REL_HOUR
                    + "|(?<rm>\\d{1,3})" + SP + "?" + REL_MIN + "|(?<rd>\\d{1,3})" + SP + "?" + REL_DAY + ")(?![\\p{L}])"
                    + "|(?:(?<rh2>\\d{1,3})" + SP + "?" + REL_HOUR + "|(?<rm2>\\d{1,3})" + SP + "?" + REL_MIN + ")" + SP
                    + "(?:fa|geleden|temu)(?![\\p{L}])");
    /** A time of day that begins a block: "2.15pm BST", "09:30", "11:02 , Jane Doe", "9 a.m.: text". */
    private static final Pattern TIME_OF_DAY = Pattern.compile(
            "^" + PUBLISHED + "?" + TIME + "(?:" + SP + "?(?<zone>" + ZONE + "))?"
                    + "(?=$|" + SP + "?[,:](?:" + SP + "|" + MANGLED_SPACE + "|$)|" + SP + "|\\|"
                    // a zone or a colon's clock glued to the headline ("12.05 BSTSunak: …", "21:01Frances Watkins")
                    + "|(?<=\\p{Lu}|:\\d{2})\\p{Lu}\\p{Ll})");

    /** An offset from GMT: "+1", "-5", "+5:30", "+0545". */
    private static final String OFFSET = "[+-]\\d{1,2}(?::?\\d{2})?(?!\\d)";
    /** "All times are UK", "all times EDT", "All times are Paris time (GMT+1)", "All times in UTC+2". */
    private static final Pattern DECLARED_ZONE = Pattern.compile(
            "\\b(?:All|all) times (?:are |stated are |shown are |in )?(?:(?<zone>UK|" + ZONE + ")\\b(?![+-]\\d)"
                    + "|(?<city>\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?) time\\b(?: \\((?:GMT|UTC)(?<cityoff>" + OFFSET + ")\\))?"
                    + "|\\(?(?:GMT|UTC)(?<off>" + OFFSET + "))");
    /** Zones by their city ("Paris" for Europe/Paris), for pages that state their times as a city's. */
    private static final Map<String, ZoneId> CITY_ZONES = cityZones();
    private static final Pattern DATE_ONLY = Pattern.compile("(?<![\\p{L}\\d])" + DATE + "(?!\\d)");
    /** Where a stamp glued to the end of a headline starts: "…at midnightpublished at 20:03 GMT 23 February". */
    private static final Pattern GLUED_LEAD = Pattern.compile(PUBLISHED);
    private static final Pattern POSTED_WORD = Pattern.compile("^(?:Posted|Published)" + SP + "(?=[A-Z]\\p{Ll})");
    private static final Pattern CLOCK_DIGITS = Pattern.compile("(\\d{1,2})[:.u](\\d{2})");

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
            Map.entry("Z", ZoneOffset.UTC),
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
        // The pattern opens with a word boundary, which the regex engine checks at every position of the line:
        // on a short page, whose head is the whole page, that was a twentieth of an ingest's CPU.
        if (!line.contains("ll times ")) {
            return Optional.empty();
        }
        Matcher m = DECLARED_ZONE.matcher(line);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group("zone");
        if (name != null) {
            return Optional.ofNullable(name.equals("UK") ? ZoneId.of("Europe/London") : ZONES.get(name));
        }
        if (m.group("city") != null) {
            ZoneId city = CITY_ZONES.get(m.group("city"));
            String offset = m.group("cityoff");
            return city != null ? Optional.of(city) : Optional.ofNullable(offset == null ? null : offset(offset));
        }
        return Optional.ofNullable(offset(m.group("off")));
    }

    /** "+1", "-5", "+5:30", "+0545" as an offset; null past the ±14 hours any zone has. */
    private static ZoneId offset(String printed) {
        String digits = printed.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() > 2 ? digits.substring(0, digits.length() - 2) : digits);
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(digits.length() - 2)) : 0;
        int sign = printed.charAt(0) == '-' ? -1 : 1;
        if (hours > 14 || minutes > 59) {
            return null;
        }
        return java.time.ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** The last part of each region zone's id, spaced: "Paris", "New York", "Kyiv" (and "Kiev"). */
    private static Map<String, ZoneId> cityZones() {
        Map<String, ZoneId> cities = new java.util.HashMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            int slash = id.lastIndexOf('/');
            if (slash > 0 && Character.isUpperCase(id.charAt(0)) && !id.startsWith("Etc/")
                    && !id.startsWith("SystemV/")) {
                cities.putIfAbsent(id.substring(slash + 1).replace('_', ' '), ZoneId.of(id));
            }
        }
        return Map.copyOf(cities);
    }

    /**
     * Walks the timestamps of one long text in order. The next absolute stamp is found once and kept until
     * the walk passes it, so a text full of relative stamps is still scanned in linear time.
     */
    static final class Scanner {
        private final String text;
        private final Instant capturedAt;
        /** Made on first use: most long lines hold no candidate, and a matcher's groups cost an allocation. */
        private Matcher abs;
        private Matcher rel;
        private Stamp nextAbsolute;
        private int absoluteSearchedFrom = -1;

        Scanner(String text, Instant capturedAt) {
            this.text = text;
            this.capturedAt = capturedAt;
        }

        /** Transparent bounds: the patterns' look-behinds must see the text before a candidate. */
        private Matcher at(Pattern pattern, int from) {
            return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false)
                    .region(from, text.length());
        }

        /** The next absolute or relative timestamp at or after {@code from}. */
        Optional<Stamp> next(int from) {
            if (absoluteSearchedFrom < 0 || nextAbsolute != null && nextAbsolute.start() < from) {
                nextAbsolute = findAbsolute(from);
                absoluteSearchedFrom = from;
            }
            // A relative stamp only wins when it starts before the absolute one.
            int limit = nextAbsolute == null ? text.length() : nextAbsolute.start();
            for (int at = agoFrom(from) ? nextCandidate(from, limit) : limit; at < limit;
                 at = nextCandidate(at + 1, limit)) {
                if (!agoFrom(at)) {
                    break; // every relative stamp ends in "ago"
                }
                rel = rel == null ? at(RELATIVE, at) : rel.region(at, text.length());
                if (rel.lookingAt()) {
                    return Optional.of(relative(rel, capturedAt));
                }
            }
            return Optional.ofNullable(nextAbsolute);
        }

        /** Whether "ago" stands at or after {@code at}; the one found is kept, so the text is searched once. */
        private boolean agoFrom(int at) {
            if (at < agoSearchedFrom || nextAgo >= 0 && nextAgo < at) {
                nextAgo = text.indexOf("ago", at);
                agoSearchedFrom = at;
            }
            return nextAgo >= 0;
        }

        private int agoSearchedFrom = Integer.MAX_VALUE;
        private int nextAgo = -1;

        private Stamp findAbsolute(int from) {
            for (int at = nextCandidate(from, text.length()); at < text.length();
                 at = nextCandidate(at + 1, text.length())) {
                if (Character.isDigit(text.charAt(at)) && !mayBeClock(text, at)) {
                    continue; // the pattern could only match without minutes or a.m./p.m., which is no stamp
                }
                abs = abs == null ? at(ABSOLUTE, at) : abs.region(at, text.length());
                if (abs.lookingAt()) {
                    Optional<Stamp> s = absolute(abs, null, 0);
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
     * Whether the one or two digits at {@code at} go on as a time with minutes ("9:20", "12.37", "01u29", "14h30",
     * "9: 45") or with a.m./p.m. ("9 a.m.", "10pm"): what {@link #TIME} needs for a stamp to be read from it.
     */
    private static boolean mayBeClock(String text, int at) {
        int n = text.length();
        for (int j = at + 1; j <= at + 2 && j <= n && isAsciiDigit(text.charAt(j - 1)); j++) {
            if (j < n && minutesFollow(text, j)) {
                return true;
            }
            int ap = j < n && isSp(text.charAt(j)) ? j + 1 : j;
            if (ap < n && "aApP".indexOf(text.charAt(ap)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A separator and two digits at {@code j}: "[.uh]dd", ":dd" or ": dd". */
    private static boolean minutesFollow(String text, int j) {
        char c = text.charAt(j);
        int digits = c == '.' || c == 'u' || c == 'h' || c == ':' ? j + 1 : -1;
        if (c == ':' && digits < text.length() && text.charAt(digits) == ' ') {
            return twoDigits(text, digits) || twoDigits(text, digits + 1);
        }
        return digits > 0 && twoDigits(text, digits);
    }

    private static boolean twoDigits(String text, int i) {
        return i + 1 < text.length() && isAsciiDigit(text.charAt(i)) && isAsciiDigit(text.charAt(i + 1));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@link #SP}: a white-space character as patterns read it, or a no-break space. */
    private static boolean isSp(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0';
    }

    /** A line that is a date and nothing else ("February 24, 2023", "Thu 3 March"): furniture, not a headline. */
    static boolean isDateOnly(String line) {
        return line.length() <= 40 && hasDigit(line) && DATE_ONLY.matcher(Text.strip(line)).matches();
    }

    /** Every date holds its day's number, so a line without a digit is rejected before the pattern. */
    private static boolean hasDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** The line with a clock printed twice in a row printed once. */
    static String withoutRepeatedClock(String line) {
        if (line.length() < 8 || !(Character.isDigit(line.charAt(0)) || line.charAt(0) == 'P' || line.charAt(0) == 'p')) {
            return line;
        }
        Matcher m = REPEATED_CLOCK.matcher(line);
        return m.lookingAt() ? m.group(1) + line.substring(m.end()) : line;
    }

    /**
     * A timestamp that begins {@code block}: absolute, relative, or a bare time of day dated with
     * {@code pageDate} in {@code defaultZone}.
     */
    static Optional<Stamp> atStart(String block, Instant capturedAt, LocalDate pageDate, ZoneId defaultZone) {
        if (block.isEmpty()) {
            return Optional.empty();
        }
        int year = pageDate != null ? pageDate.getYear()
                : capturedAt != null ? capturedAt.atZone(ZoneOffset.UTC).getYear() : 0;
        char first = block.charAt(0);
        if (Character.isLetter(first) && !digitNear(block)) {
            return Optional.empty(); // a stamp that opens with a word has its day or time within a few words
        }
        Matcher posted = first == 'P' ? POSTED_WORD.matcher(block) : null;
        if (posted != null && posted.lookingAt()) {
            // "Posted March 3, 2022 at 1:47 PM EST": the word is no part of the time.
            return dateFirst(block.substring(posted.end()), defaultZone, year)
                    .map(s -> new Stamp(0, posted.end() + s.end(), s.text(), s.instant(), s.precision(), null));
        }
        Matcher other = Character.isLetter(first) ? RELATIVE_OTHER.matcher(block) : null;
        if (other != null && other.lookingAt()) {
            return Optional.of(relativeOther(other, capturedAt));
        }
        boolean published = "pPTY".indexOf(first) >= 0 && GLUED_LEAD.matcher(block).lookingAt();
        if (!Character.isDigit(first) && !published) {
            // Only a date can open a stamp with a letter: "March 03, 2022 16:24 GMT", "Thu 3 Mar 2022 16.05".
            return Character.isLetter(first) ? dateFirst(block, defaultZone, year) : Optional.empty();
        }
        Matcher abs = ABSOLUTE.matcher(block);
        if (abs.lookingAt()) {
            Optional<Stamp> s = absolute(abs, defaultZone, year);
            if (s.isPresent()) {
                return s;
            }
        }
        Optional<Stamp> dated = dateFirst(block, defaultZone, year);
        if (dated.isPresent()) {
            return dated;
        }
        Matcher numeric = NUMERIC.matcher(block);
        if (numeric.lookingAt()) {
            Optional<Stamp> s = numeric(numeric, defaultZone);
            if (s.isPresent()) {
                return s;
            }
        }
        Matcher rel = RELATIVE.matcher(block);
        Matcher suffixed = RELATIVE_OTHER.matcher(block);
        if (suffixed.lookingAt()) {
            return Optional.of(relativeOther(suffixed, capturedAt));
        }
        if (rel.lookingAt()) {
            return Optional.of(withClock(relative(rel, capturedAt), block, pageDate, defaultZone));
        }
        Matcher tod = TIME_OF_DAY.matcher(block);
        if (tod.lookingAt() && (tod.group("mi") != null || tod.group("ap") != null)) {
            return timeOfDay(tod, pageDate, defaultZone).map(t -> notAfterCapture(t, capturedAt));
        }
        return Optional.empty();
    }

    /** How far past the capture a clock time may fall (clocks differ) before it is taken for the day before's. */
    private static final java.time.Duration CLOCK_SLACK = java.time.Duration.ofMinutes(15);

    /**
     * A time of day dated from the page that would fall after the page was captured was printed the day before: a
     * live blog read just after midnight still shows the evening's posts ("23:58" captured at 00:30).
     */
    private static Stamp notAfterCapture(Stamp s, Instant capturedAt) {
        if (s.instant() == null || capturedAt == null || !s.instant().isAfter(capturedAt.plus(CLOCK_SLACK))) {
            return s;
        }
        Instant dayBefore = s.instant().minus(java.time.Duration.ofDays(1));
        return new Stamp(s.start(), s.end(), s.text(), dayBefore, s.precision(), s.relative());
    }

    /**
     * A stamp glued to the end of a headline ("…state of emergency at midnightpublished at 20:03 Greenwich Mean
     * Time 23 February 2022"): the stamp, whose start is where the headline ends, when it runs to the line's end.
     */
    static Optional<Stamp> trailing(String line, Instant capturedAt, LocalDate pageDate, ZoneId defaultZone) {
        if (line.length() > 400) {
            return Optional.empty();
        }
        Matcher lead = null;
        // Most lines hold no "at " at all; the lead pattern is tried only just before one.
        for (int at = line.indexOf("at", 1); at > 0; at = line.indexOf("at", at + 2)) {
            if (!(at + 2 < line.length() && Text.isSpace(line.charAt(at + 2)))
                    || at + 4 >= line.length() || !Character.isDigit(line.charAt(at + 3))
                    && !Character.isDigit(line.charAt(at + 4))) {
                continue; // "published at 20:03 …": a digit follows at once
            }
            lead = lead == null ? GLUED_LEAD.matcher(line) : lead;
            if (!lead.region(Math.max(1, at - 13), at + 3).find()) {
                continue;
            }
            Optional<Stamp> s = atStart(line.substring(lead.start()), capturedAt, pageDate, defaultZone);
            if (s.isPresent() && Text.strip(line.substring(lead.start() + s.get().end())).isEmpty()) {
                Stamp t = s.get();
                return Optional.of(new Stamp(lead.start(), line.length(), t.text(), t.instant(), t.precision(),
                        t.relative()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Stamp> dateFirst(String block, ZoneId defaultZone, int year) {
        if (!mayOpenWithDate(block)) {
            return Optional.empty();
        }
        Matcher m = DATE_FIRST.matcher(block);
        return m.lookingAt() ? absolute(m, defaultZone, year) : Optional.empty();
    }

    /** The instant of an absolute stamp printed anywhere in {@code text}, e.g. a page's "Updated" line. */
    static Optional<Stamp> absoluteIn(String text) {
        Matcher abs = ABSOLUTE.matcher(text);
        Optional<Stamp> timeFirst = Optional.empty();
        while (timeFirst.isEmpty() && abs.find()) {
            timeFirst = absolute(abs, null, 0).filter(s -> s.instant() != null);
        }
        Matcher dateFirst = DATE_FIRST.matcher(text);
        Optional<Stamp> other = Optional.empty();
        while (other.isEmpty() && dateFirst.find()) {
            other = absolute(dateFirst, null, 0).filter(s -> s.instant() != null);
        }
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
                LocalDate date = date(m, 0);
                if (date != null) {
                    return Optional.of(date);
                }
            } catch (DateTimeException e) {
                // "February 30", or no year: keep looking.
            }
        }
        return Optional.empty();
    }

    /**
     * A clock line ("09:30", "(13:58 GMT)At least…") right after a relative stamp ("3h ago") dates it: the
     * stamp becomes the clock time, the relative one kept beside it. Empty when {@code line} does not open with
     * a clock; the stamp's end is where the line's remaining text (a glued headline) starts.
     */
    static Optional<Stamp> clockLine(Stamp relative, String line, LocalDate pageDate, ZoneId defaultZone) {
        if (relative.precision() != Precision.RELATIVE && relative.precision() != Precision.UNKNOWN
                || relative.relative() != null) {
            return Optional.empty();
        }
        Matcher paren = CLOCK_IN_PARENS.matcher(line);
        if (paren.lookingAt() && line.charAt(0) != '/') {
            return clock(relative, paren, clockText(line.substring(0, paren.end())), pageDate, defaultZone)
                    .map(s -> s.withEnd(paren.end()));
        }
        Matcher tod = TIME_OF_DAY.matcher(line);
        if (!tod.lookingAt() || tod.group("mi") == null
                || tod.end() != line.length() && !Character.isUpperCase(line.charAt(tod.end()))) {
            return Optional.empty(); // a clock alone, or with a headline glued to it ("12.50 BSTJennifer Rankin")
        }
        return clock(relative, tod, Text.strip(line.substring(0, tod.end())), pageDate, defaultZone)
                .map(s -> s.withEnd(tod.end()));
    }

    /**
     * Whether {@link #DATE} may match at the start of {@code block}: a weekday, a month's name, or a day's number
     * and a month's name open it. Checked before {@link #DATE_FIRST}, which tries the month names one by one at
     * the start of every line that opens with a word and holds a digit nearby.
     */
    private static boolean mayOpenWithDate(String block) {
        for (String weekday : WEEKDAY_STARTS) {
            if (block.startsWith(weekday)) {
                return true;
            }
        }
        int n = block.length();
        int digits = 0;
        while (digits < 2 && digits < n && isAsciiDigit(block.charAt(digits))) {
            digits++;
        }
        if (digits == 0) {
            return monthAt(block, 0);
        }
        for (int k = 1; k <= digits; k++) {
            int p = k < n && block.charAt(k) == '.' ? k + 1 : k;
            if (p < n && isSp(block.charAt(p)) && monthAt(block, p + 1)) {
                return true;
            }
        }
        return false;
    }

    /** How {@link #WEEKDAY} starts, in its own case. */
    private static final String[] WEEKDAY_STARTS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "ma", "di", "wo",
            "do", "vr", "za", "zo"};

    /**
     * Whether the word at {@code at} (up to what may follow a month in a date: a full stop, comma, slash, bar or
     * space) is a month's name as {@link #MONTH} reads it, ignoring case as the pattern does.
     */
    private static boolean monthAt(String block, int at) {
        int end = at;
        while (end < block.length() && end - at <= LONGEST_MONTH && ".,/|".indexOf(block.charAt(end)) < 0
                && !isSp(block.charAt(end))) {
            end++;
        }
        if (end - at > LONGEST_MONTH) {
            return false;
        }
        for (String month : MONTHS.keySet()) {
            if (month.length() == end - at && sameIgnoringCase(block, at, month)) {
                return true;
            }
        }
        return false;
    }

    private static final int LONGEST_MONTH = MONTHS.keySet().stream().mapToInt(String::length).max().orElse(0);

    /** {@code (?iu)}'s comparison: a character matches a (lower-case) name's when it is it, or folds to it. */
    private static boolean sameIgnoringCase(String text, int at, String lowerName) {
        for (int i = 0; i < lowerName.length(); i++) {
            char c = text.charAt(at + i);
            char m = lowerName.charAt(i);
            if (c != m && Character.toLowerCase(Character.toUpperCase(c)) != m) {
                return false;
            }
        }
        return true;
    }

    /** A digit among the first characters: "Thu 3 Mar", "September 25", "Posted March 3". */
    private static boolean digitNear(String block) {
        int end = Math.min(block.length(), DIGIT_REACH);
        for (int i = 0; i < end; i++) {
            if (Character.isDigit(block.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static final int DIGIT_REACH = 24;

    /** "(13:58 GMT)" or " / 5:23 AM UTC" without its brackets or slash. */
    private static String clockText(String printed) {
        String t = Text.strip(printed);
        if (t.startsWith("(")) {
            t = t.substring(1, t.endsWith(")") ? t.length() - 1 : t.length());
        } else if (t.startsWith("/")) {
            t = t.substring(1);
        }
        return Text.strip(t);
    }

    private static Stamp withClock(Stamp relative, String block, LocalDate pageDate, ZoneId defaultZone) {
        Matcher clock = CLOCK_IN_PARENS.matcher(block).region(relative.end(), block.length());
        if (!clock.lookingAt()) {
            clock = CLOCK_AFTER.matcher(block).region(relative.end(), block.length());
            if (!clock.lookingAt()) {
                return relative;
            }
        }
        Matcher found = clock;
        String inParens = clockText(block.substring(relative.end(), found.end()));
        return clock(relative, found, inParens, pageDate, defaultZone)
                .map(s -> new Stamp(relative.start(), found.end(), s.text(), s.instant(), s.precision(),
                        s.relative()))
                .orElse(relative);
    }

    /**
     * The clock time printed beside a relative stamp, on whichever day puts it nearest the relative estimate
     * (or on the page's day when the capture time is not known).
     */
    private static Optional<Stamp> clock(Stamp relative, Matcher m, String text, LocalDate pageDate,
                                         ZoneId defaultZone) {
        ZoneId zone = zoneOf(m.group("zone"), defaultZone);
        Precision precision = m.group("zone") != null && !m.group("zone").equals("Uhr") ? Precision.EXACT
                : Precision.INFERRED;
        try {
            LocalTime time = time(m);
            Instant best = null;
            if (zone != null && relative.instant() != null) {
                LocalDate day = relative.instant().atZone(zone).toLocalDate();
                for (int d = -1; d <= 1; d++) {
                    Instant candidate = day.plusDays(d).atTime(time).atZone(zone).toInstant();
                    if (best == null || Duration.between(candidate, relative.instant()).abs()
                            .compareTo(Duration.between(best, relative.instant()).abs()) < 0) {
                        best = candidate;
                    }
                }
            } else if (zone != null && pageDate != null) {
                best = pageDate.atTime(time).atZone(zone).toInstant();
                precision = Precision.INFERRED;
            }
            return Optional.of(new Stamp(relative.start(), relative.end(), text, best,
                    best == null ? Precision.UNKNOWN : precision, relative.text()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Stamp> absolute(Matcher m, ZoneId defaultZone, int fallbackYear) {
        if (m.group("mi") == null && m.group("ap") == null) {
            return Optional.empty();
        }
        String zoneName = m.group("zone");
        ZoneId zone = zoneOf(zoneName, defaultZone);
        String inParens = m.pattern() == ABSOLUTE ? m.group("pzone") : null;
        if (inParens != null && ZONES.containsKey(inParens)) {
            zoneName = inParens;
            zone = ZONES.get(inParens);
        }
        // A zone in brackets the table does not know ("(IST)": India's, Israel's or Ireland's) is read as the
        // outlet's, as if none were printed.
        try {
            LocalTime time = time(m);
            LocalDate date = date(m, fallbackYear);
            Instant instant = zone == null || date == null ? null : date.atTime(time).atZone(zone).toInstant();
            Precision precision = instant == null ? Precision.UNKNOWN
                    : zoneName == null || zoneName.equals("Uhr") ? Precision.INFERRED : Precision.EXACT;
            return Optional.of(new Stamp(m.start(), m.end(), printed(m), instant, precision, null));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Stamp> numeric(Matcher m, ZoneId defaultZone) {
        String zoneName = m.group("zone");
        ZoneId zone = zoneOf(zoneName, defaultZone);
        try {
            LocalDate date;
            if (m.group("iy") != null) {
                date = LocalDate.of(Integer.parseInt(m.group("iy")), Integer.parseInt(m.group("im")),
                        Integer.parseInt(m.group("id")));
            } else {
                int a = Integer.parseInt(m.group("nd"));
                int b = Integer.parseInt(m.group("nm"));
                int year = Integer.parseInt(m.group("ny"));
                // Day first unless that cannot be a date ("5/20/2025").
                date = b <= 12 ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
            }
            LocalTime time = time(m);
            Instant instant = zone == null ? null : date.atTime(time).atZone(zone).toInstant();
            Precision precision = instant == null ? Precision.UNKNOWN
                    : zoneName == null ? Precision.INFERRED : Precision.EXACT;
            return Optional.of(new Stamp(m.start(), m.end(), Text.strip(m.group()), instant, precision, null));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Stamp relativeOther(Matcher m, Instant capturedAt) {
        Duration ago = m.group("rh") != null ? Duration.ofHours(Long.parseLong(m.group("rh")))
                : m.group("rh2") != null ? Duration.ofHours(Long.parseLong(m.group("rh2")))
                : m.group("rm") != null ? Duration.ofMinutes(Long.parseLong(m.group("rm")))
                : m.group("rm2") != null ? Duration.ofMinutes(Long.parseLong(m.group("rm2")))
                : Duration.ofDays(Long.parseLong(m.group("rd")));
        Instant instant = capturedAt == null ? null : capturedAt.minus(ago);
        return new Stamp(m.start(), m.end(), m.group(), instant,
                instant == null ? Precision.UNKNOWN : Precision.RELATIVE, null);
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
        } else if (m.group("rw") != null) {
            ago = ago.plusDays(7 * Long.parseLong(m.group("rw")));
        } else if (m.group("ry") != null) {
            ago = ago.plusDays(365 * Long.parseLong(m.group("ry")));
        } else {
            ago = ago.plusDays(Long.parseLong(m.group("rd")));
        }
        Instant instant = capturedAt == null ? null : capturedAt.minus(ago);
        return new Stamp(m.start(), m.end(), m.group(), instant,
                instant == null ? Precision.UNKNOWN : Precision.RELATIVE, null);
    }

    private static Optional<Stamp> timeOfDay(Matcher m, LocalDate pageDate, ZoneId defaultZone) {
        ZoneId zone = zoneOf(m.group("zone"), defaultZone);
        try {
            LocalTime time = time(m);
            Instant instant = pageDate == null || zone == null ? null
                    : pageDate.atTime(time).atZone(zone).toInstant();
            return Optional.of(new Stamp(m.start(), m.end(), printed(m), instant,
                    instant == null ? Precision.UNKNOWN : Precision.INFERRED, null));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The stamp as printed, without a leading "published at". */
    private static String printed(Matcher m) {
        String text = m.group();
        Matcher lead = GLUED_LEAD.matcher(text);
        return Text.strip(lead.lookingAt() ? text.substring(lead.end()) : text);
    }

    /** True when two stamps print the same clock time ("published at 16:41 9 August" and "16:41 9 August"). */
    static boolean sameClock(Stamp a, Stamp b) {
        Matcher x = CLOCK_DIGITS.matcher(a.text());
        Matcher y = CLOCK_DIGITS.matcher(b.text());
        return x.find() && y.find() && Integer.parseInt(x.group(1)) == Integer.parseInt(y.group(1))
                && x.group(2).equals(y.group(2));
    }

    private static ZoneId zoneOf(String name, ZoneId defaultZone) {
        return name == null || name.equals("Uhr") ? defaultZone : ZONES.get(name);
    }

    private static LocalTime time(Matcher m) {
        int hour = Integer.parseInt(m.group("h"));
        int minute = m.group("mi") == null ? 0 : Integer.parseInt(m.group("mi"));
        int second = m.group("se") == null ? 0 : Integer.parseInt(m.group("se"));
        String ap = m.group("ap");
        if (ap != null) {
            if (hour < 1 || hour > 12) {
                throw new DateTimeException("hour " + hour + " with am/pm");
            }
            hour = hour % 12 + (ap.equalsIgnoreCase("p") ? 12 : 0);
        }
        return LocalTime.of(hour, minute, second);
    }

    /** The printed date; its year, when not printed, is {@code fallbackYear} (0: unknown, so no date). */
    private static LocalDate date(Matcher m, int fallbackYear) {
        boolean monthFirst = m.group("mon1") != null;
        String month = monthFirst ? m.group("mon1") : m.group("mon2");
        int day = Integer.parseInt(monthFirst ? m.group("d1") : m.group("d2"));
        String y = monthFirst ? m.group("y1") : m.group("y2");
        if (y == null && fallbackYear == 0) {
            return null;
        }
        int year = y == null ? fallbackYear : Integer.parseInt(y);
        int number = month(month);
        return number == 0 ? null : LocalDate.of(year, number, day);
    }

    static int month(String name) {
        // Upper case first: the pattern matches case-insensitively in Unicode, so a long s or a Kelvin sign
        // stands for s or k, which lower-casing alone leaves as they are.
        Integer n = MONTHS.get(name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
        return n == null ? 0 : n;
    }

    private static Map<String, Integer> months() {
        String[][] names = {
                {"january", "jan", "janvier", "januar", "jänner", "januari", "stycznia"},
                {"february", "feb", "février", "fevrier", "februar", "februari", "lutego"},
                {"march", "mar", "mars", "märz", "maart", "mrt", "marca"},
                {"april", "apr", "avril", "kwietnia"},
                {"may", "mai", "mei", "maja"},
                {"june", "jun", "juin", "juni", "czerwca"},
                {"july", "jul", "juillet", "juli", "lipca"},
                {"august", "aug", "août", "aout", "augustus", "sierpnia"},
                {"september", "sep", "sept", "septembre", "września"},
                {"october", "oct", "octobre", "oktober", "okt", "października"},
                {"november", "nov", "novembre", "listopada"},
                {"december", "dec", "décembre", "dezember", "grudnia"}};
        Map<String, Integer> out = new java.util.HashMap<>();
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                out.put(n, i + 1);
            }
        }
        return Map.copyOf(out);
    }

    /** Longest names first, so "June" is tried before "Jun". */
    private static String alternation(java.util.Set<String> names) {
        return String.join("|", names.stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .map(Pattern::quote).toList());
    }
}
