package dev.newsfeed.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Photo captions. Pages print them as "caption (Credit/Agency)" in running text, or as a line followed by
 * the same line with the credit appended.
 */
final class Captions {

    /** How far into a post's text a leading caption may reach. */
    private static final int MAX_CAPTION = 600;
    private static final Pattern CREDIT = Pattern.compile("[A-Z][\\p{L}\\p{M}.&'’ /-]{0,99}");
    private static final Pattern TRAILING_CREDIT = Pattern.compile(
            "(?:[A-Z][\\p{L}\\p{M}.&'’-]*(?: [A-Z][\\p{L}\\p{M}.&'’-]*){0,4})(?:/[\\p{L}\\p{M} .&'’-]{1,40}){0,4}");

    /** A caption and where the text after it resumes. */
    record Found(Caption caption, int end) {
    }

    private Captions() {
    }

    /** A caption that opens {@code text}: "A soldier stands ... on October 3. (Getty Images) Body...". */
    static Optional<Found> leading(String text) {
        int limit = Math.min(text.length(), MAX_CAPTION);
        int open = text.indexOf('(');
        if (open < 15 || open >= limit) {
            return Optional.empty();
        }
        int close = text.indexOf(')', open);
        if (close < 0 || close - open > 101) {
            return Optional.empty();
        }
        String credit = text.substring(open + 1, close);
        if (!CREDIT.matcher(credit).matches() || !opensSentence(text, close + 1)) {
            return Optional.empty();
        }
        String caption = Text.strip(text.substring(0, open));
        return Optional.of(new Found(new Caption(caption, credit), close + 1));
    }

    /**
     * The credit when {@code second} repeats {@code first} and adds only a credit:
     * "A soldier stands beside a howitzer." then "A soldier stands beside a howitzer. Kostyantin Gak/CNN".
     */
    static Optional<String> repeatedWithCredit(String first, String second) {
        if (first.length() < 15 || second.length() <= first.length() || !second.startsWith(first)) {
            return Optional.empty();
        }
        String credit = Text.strip(second.substring(first.length()));
        if (credit.length() > 120 || !TRAILING_CREDIT.matcher(credit).matches()) {
            return Optional.empty();
        }
        return Optional.of(credit);
    }

    /**
     * A caption whose credit is the next line alone: "The flag flies above the embassy in Washington." then
     * "Tom Brenner/Reuters". The caption must end as a sentence, so a headline above a credit stays a headline;
     * and the text must resume after the credit with a paragraph, as where a page prints the credit before its
     * caption ("…last paragraph.", "Getty Images", "Rescue workers search the rubble") the line above the credit
     * is the story's.
     *
     * @param afterNext the line after the credit, or null at the page's end
     */
    static Optional<Caption> creditBelow(String line, String next, RawLine afterNext) {
        if (line.length() < 20 || line.length() > 400 || !line.endsWith(".") || !isCreditLine(next)
                || afterNext == null || afterNext.caption() != null || !Text.endsLikeSentence(afterNext.text())) {
            return Optional.empty();
        }
        return Optional.of(new Caption(line, Text.strip(next)));
    }

    /** "AFP via Getty Images", "Tom Brenner/Reuters", "Kostyantin Gak/CNN": a credit and nothing else. */
    private static boolean isCreditLine(String line) {
        if (line.length() > 90 || line.length() < 2) {
            return false;
        }
        if (Text.mayEndWith(line, PHOTO_CREDIT_ENDS) && PHOTO_CREDIT.matcher(line).matches()) {
            return true;
        }
        int slash = line.indexOf('/');
        return slash > 0 && slash < line.length() - 1 && TRAILING_CREDIT.matcher(line).matches();
    }

    /** A line that is a caption with its credit in parentheses at the end: "Residents queue. (AP)". */
    static Optional<Caption> creditedLine(String line) {
        if (!line.endsWith(")") || line.length() > 400) {
            return Optional.empty();
        }
        int open = line.lastIndexOf('(');
        if (open < 15) {
            return Optional.empty();
        }
        String credit = line.substring(open + 1, line.length() - 1);
        if (!CREDIT.matcher(credit).matches() || !credit.contains("/") && !KNOWN_AGENCY.matcher(credit).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Caption(Text.strip(line.substring(0, open)), credit));
    }

    /** "Image caption," / "Media caption:" above a caption, "…Image source, AFP" glued to an image's alt text. */
    private static final Pattern IMAGE_LABEL = Pattern.compile("^(?:Image|Media) caption[,:]?$");
    /** The label and its caption on one line: "Image caption: Crews worked through the night". */
    private static final Pattern LABELLED = Pattern.compile("^(?:Image|Media) caption[,:] ?(?<text>\\S.{9,})$");
    private static final Pattern IMAGE_SOURCE = Pattern.compile("(?:Image source|Image caption|Credit\\.\\.\\.|Copyright:)[,:]? ?(?<credit>.{0,80})$"
            + "|(?:Image|Photo|Photograph|Picture|Foto|Bild|Zdjęcie):[\\s\\u00A0]?(?<credit2>[^.!?:]{2,80})$");
    private static final String CREDIT_LABEL = "Credit...";
    /** A markdown-mangled caption cell: "Ukrainian soldiers near Avdiivka. Tyler Hicks/The New York Times |". */
    private static final String CELL_END = " |";

    /**
     * Image lines: alt text with its source glued on ("Liz Truss and BlinkenImage source, AFP"), a line right above
     * "Image caption: …" (its alt text), the line after a bare "Image caption," label, or a caption cell.
     */
    static Optional<Caption> imageLines(String line, String next) {
        if (line.length() > 400) {
            return Optional.empty();
        }
        if (isImageCaptionLabel(line)) {
            return Optional.of(new Caption(next, null));
        }
        Matcher labelled = opensWithCaptionLabel(line) ? LABELLED.matcher(line) : null;
        if (labelled != null && labelled.matches()) {
            return Optional.of(new Caption(Text.strip(labelled.group("text")), null));
        }
        // An image's alt text with its credit glued on ("…anniversary of Russia's invasionImage: AP/picture
        // alliance"), as the credit is printed across languages.
        boolean mayHaveSource = line.indexOf("Image") > 0 || line.indexOf("Credit...") > 0 || line.indexOf("Copyright:") > 0
                || line.indexOf("Photo") > 0 || line.indexOf("Picture:") > 0 || line.indexOf("Foto:") > 0
                || line.indexOf("Bild:") > 0 || line.indexOf("Zdjęcie:") > 0;
        Matcher source = mayHaveSource ? IMAGE_SOURCE.matcher(line) : null;
        if (source != null && source.find() && source.start() > 0) {
            String credit = source.group("credit") != null ? source.group("credit") : source.group("credit2");
            return Optional.of(new Caption(Text.strip(line.substring(0, source.start())), Text.strip(credit)));
        }
        if (opensWithCaptionLabel(next) && !next.equals(line)) {
            return Optional.of(new Caption(line, null));
        }
        if (line.length() <= 90 && isCreditLine(line)) {
            return Optional.of(new Caption("", Text.strip(line)));
        }
        if (line.startsWith(CREDIT_LABEL) && line.length() > CREDIT_LABEL.length() && line.length() <= 120) {
            // "Credit...Pool photo by Graeme Jennings/EPA": a photo's credit on its own line, under its label.
            return Optional.of(new Caption("", Text.strip(line.substring(CREDIT_LABEL.length()))));
        }
        if (line.endsWith(CELL_END) && line.length() > 20) {
            return Optional.of(new Caption(Text.strip(line.substring(0, line.length() - 1)), null));
        }
        return Optional.empty();
    }

    /** A credit on its own line: "(Photo by Reuters)", "AFP via Getty Images", "Getty Images". */
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "^\\((?:Photo|Picture|Image|Video|Credit)s?(?: by|:)? [^()]{1,80}\\)$"
                    + "|^(?:[A-Z][\\p{L}.'-]{0,30}(?: [A-Z][\\p{L}.'-]{0,30}){0,3}/)?(?:AFP|AP|Reuters|EPA|Anadolu"
                    + "|Getty Images|Shutterstock|Bloomberg|TASS|Sputnik)(?: via Getty Images| Photo)?$");

    /** What {@link #PHOTO_CREDIT} ends with: most short lines end otherwise and skip the pattern. */
    private static final String[] PHOTO_CREDIT_ENDS = {")", "AFP", "AP", "Reuters", "EPA", "Anadolu", "Images",
            "Shutterstock", "Bloomberg", "TASS", "Sputnik", "Photo"};

    private static boolean opensWithCaptionLabel(String line) {
        return line.startsWith("Image caption") || line.startsWith("Media caption");
    }

    static boolean isImageCaptionLabel(String line) {
        return line.length() < 20 && IMAGE_LABEL.matcher(line).matches();
    }

    private static final Pattern KNOWN_AGENCY = Pattern.compile(
            "AP|AFP|Reuters|Getty Images|EPA|Anadolu Agency|Sputnik|TASS|Shutterstock|PA|Bloomberg");

    /** True when a sentence starts at {@code i}: end of text, or (after spaces) a capital letter or quote. */
    private static boolean opensSentence(String text, int i) {
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= text.length()) {
            return true;
        }
        int c = text.codePointAt(i);
        return Character.isUpperCase(c) || c == '"' || c == '“' || c == '‘' || Character.isDigit(c);
    }
}
