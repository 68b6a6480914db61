package dev.newsfeed.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Summary and key-event boxes ("Summary", "Key points", "Latest developments at a glance", "Table of contents"):
 * a heading followed by bullet lines. They give the document's summary and never open or join a post.
 */
final class SummaryBoxes {

    private static final Pattern HEADING = Pattern.compile(
            "^(?:(?:\\p{L}{2,12}['’]s )?(?:Summary|Key (?:points|events|developments|updates|moments|takeaways))"
                    + "|Latest developments(?: at a glance)?|At a glance|Table of contents"
                    + "|What we (?:know(?: so far)?|covered)(?: here| today)?|What you need to know|What's going on today"
                    + "|What’s going on today|Currently|Highlights|In brief|Catch up|Key updates)[:.]?$",
            Pattern.CASE_INSENSITIVE);
    /** Key-points lines that link to their post ("Belarus says it downed a missile View post"). */
    private static final String VIEW_POST = "View post";

    private SummaryBoxes() {
    }

    /** For each line, whether it belongs to a summary box (the heading included). */
    static boolean[] lines(List<RawLine> lines) {
        boolean[] box = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (text.endsWith(VIEW_POST)) {
                box[i] = true;
            } else if (isHeading(text)) {
                box[i] = true;
                int j = i + 1;
                Boolean numbered = null;
                while (j < lines.size() && isItem(lines.get(j).text())
                        && Stamps.trailing(lines.get(j).text(), null, null, null).isEmpty()) {
                    boolean n = Character.isDigit(lines.get(j).text().charAt(0));
                    if (numbered != null && numbered != n) {
                        break; // "• item", then "1. Post": the box ended where the numbered posts begin
                    }
                    numbered = n;
                    box[j++] = true;
                }
                i = j - 1;
            }
        }
        return box;
    }

    static boolean isHeading(String line) {
        return line.length() < 60 && HEADING.matcher(line).matches();
    }

    private static boolean isItem(String line) {
        return Lines.isBullet(line) || line.endsWith(VIEW_POST);
    }

    /** The item's text without its bullet or "View post" link. */
    static String item(String line) {
        String s = line.endsWith(VIEW_POST) ? line.substring(0, line.length() - VIEW_POST.length()) : line;
        int i = 0;
        while (i < s.length() && "•·*▪●◦–-".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return Text.strip(s.substring(i));
    }
}
