package dev.newsfeed.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages and what each may use, as README.md's pipeline table shows them: a package that starts using
 * another, or a cycle, fails here until the table (and this map) say so on purpose.
 */
class PackageGraphTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/newsfeed");
    private static final Pattern USE = Pattern.compile("\\bdev\\.newsfeed\\.([a-z]+)\\b");

    /** What each package uses; everything may use config, which is left out of the table. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("config", Set.of()),
            Map.entry("extract", Set.of()),
            Map.entry("hash", Set.of()),
            Map.entry("web", Set.of("hash", "cache")),
            Map.entry("auth", Set.of("web")),
            Map.entry("cache", Set.of()),
            Map.entry("topic", Set.of("cache", "web")),
            Map.entry("post", Set.of("cache", "web")),
            Map.entry("ingest", Set.of("extract", "topic", "cache", "hash", "web")),
            Map.entry("feed", Set.of("post", "cache", "web")),
            Map.entry("follow", Set.of("ingest", "web")),
            Map.entry("site", Set.of("post", "cache", "hash", "web")));

    @Test
    void everyPackageUsesOnlyWhatTheTableAllows() {
        Map<String, Set<String>> uses = graph();
        assertEquals(new TreeSet<>(ALLOWED.keySet()), new TreeSet<>(uses.keySet()), "packages");
        for (var e : uses.entrySet()) {
            Set<String> extra = new TreeSet<>(e.getValue());
            extra.removeAll(ALLOWED.get(e.getKey()));
            assertTrue(extra.isEmpty(), e.getKey() + " uses " + extra + " beyond what the table allows");
        }
    }

    @Test
    void thereIsNoCycle() {
        Map<String, Set<String>> uses = graph();
        for (String start : uses.keySet()) {
            List<String> path = new ArrayList<>();
            assertTrue(!reaches(start, start, uses, path, new TreeSet<>()), "cycle: " + path);
        }
    }

    private static boolean reaches(String from, String target, Map<String, Set<String>> uses, List<String> path,
                                   Set<String> seen) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            path.add(next);
            if (next.equals(target) || seen.add(next) && reaches(next, target, uses, path, seen)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    /** For each package under dev.newsfeed, the other packages (but config) its sources name. */
    static Map<String, Set<String>> graph() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String pkg = SOURCES.relativize(f).getName(0).toString();
                Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = USE.matcher(read(f));
                while (m.find()) {
                    if (!m.group(1).equals(pkg) && !m.group(1).equals("config")) {
                        used.add(m.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
