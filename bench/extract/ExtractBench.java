import dev.newsfeed.extract.ExtractedDocument;
import dev.newsfeed.extract.Extractor;
import dev.newsfeed.extract.PageContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extraction speed on one core: pages of each layout grown to 2 and 20 MB from the seeds (every copy of a
 * post gets its own headline, so nothing is merged away), extracted repeatedly on one thread.
 * Run with bench/extract/run.sh; prints one line per page: MB, posts, best and median seconds, MB/s.
 */
public final class ExtractBench {

    private static final int MB = 1 << 20;

    public static void main(String[] args) throws Exception {
        Path seeds = Path.of(args.length > 0 ? args[0] : "seeds");
        Map<String, String> pages = new LinkedHashMap<>();
        String lines = Files.readString(seeds.resolve("003_224804e4c1447252.txt"), StandardCharsets.UTF_8);
        String flat = Files.readString(seeds.resolve("000_e3d03f88e765b43a.txt"), StandardCharsets.UTF_8);
        String teaser = Files.readString(seeds.resolve("001_bc022891e7d8fe1f.txt"), StandardCharsets.UTF_8);
        for (int size : new int[] {2 * MB, 20 * MB}) {
            pages.put("line-per-paragraph live blog " + size / MB + " MB", grow(lines, size, "\n"));
            pages.put("flattened live blog " + size / MB + " MB", grow(flat, size, " "));
            pages.put("teaser + lines live blog " + size / MB + " MB", grow(teaser, size, "\n"));
            pages.put("HTML live blog " + size / MB + " MB", html(lines, size));
        }
        Extractor extractor = new Extractor();
        PageContext context = PageContext.capturedAt(Instant.parse("2022-10-04T16:00:00Z"));
        // Warm the JIT up on every page before anything is timed.
        for (int round = 0; round < 2; round++) {
            for (String page : pages.values()) {
                extractor.extract(page, context);
            }
        }
        System.out.printf("%-38s %8s %7s %8s %8s %8s%n", "page", "MB", "posts", "best s", "median s", "MB/s");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            int runs = page.getValue().length() > 10 * MB ? 7 : 21;
            List<Double> times = new ArrayList<>();
            int posts = 0;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                ExtractedDocument doc = extractor.extract(page.getValue(), context);
                times.add((System.nanoTime() - t0) / 1e9);
                posts = doc.posts().size();
            }
            times.sort(Double::compare);
            double mb = page.getValue().getBytes(StandardCharsets.UTF_8).length / (double) MB;
            double median = times.get(times.size() / 2);
            System.out.printf("%-38s %8.1f %7d %8.3f %8.3f %8.1f%n", page.getKey(), mb, posts, times.get(0), median,
                    mb / median);
        }
    }

    /** The seed's body repeated until {@code size}, each copy's posts renamed so they stay distinct. */
    private static String grow(String seed, int size, String joiner) {
        StringBuilder out = new StringBuilder(size + seed.length());
        int copy = 0;
        while (out.length() < size) {
            out.append(seed.replaceAll("(\\d{1,2}:\\d{2} [ap]\\.m\\. ET, \\w+ \\d{1,2}, \\d{4}\\s+|min ago|hr ago)(\\S)",
                    "$1Copy " + copy + " $2")).append(joiner);
            copy++;
        }
        return out.toString();
    }

    private static String html(String seed, int size) {
        StringBuilder out = new StringBuilder(size + seed.length() * 2);
        out.append("<!DOCTYPE html><html><head><title>Live</title></head><body><main>");
        int copy = 0;
        while (out.length() < size) {
            out.append("<article id=\"c").append(copy).append("\">");
            for (String line : grow(seed.replace("Updated", "Copy " + copy + " updated"), 1, "\n").replace("Copy 0 ", "Copy " + copy + " ").split("\n")) {
                out.append("<p>").append(line.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
            }
            out.append("</article>");
            copy++;
        }
        return out.append("</main></body></html>").toString();
    }
}
