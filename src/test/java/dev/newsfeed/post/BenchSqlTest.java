package dev.newsfeed.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bench/run.sh compares each endpoint with pgbench running the endpoint's own SQL, copied into bench/api/sql.
 * A copy that drifted from what {@link PostQueries} sends would compare the service with another query.
 */
class BenchSqlTest {

    @ParameterizedTest
    @ValueSource(strings = {"topic-first-page.sql", "topic-page-500.sql", "search.sql"})
    void benchSqlSelectsWhatTheServiceSelects(String file) throws IOException {
        String sql = squash(Files.readString(Path.of("bench/api/sql", file)));
        assertTrue(sql.contains(squash(PostQueries.SELECT)), file + " selects other columns than PostQueries");
        assertTrue(sql.contains(squash(PostQueries.JOINS)), file + " joins otherwise than PostQueries");
    }

    @Test
    void benchReadsTopicsAsTheServiceDoes() throws IOException {
        String sql = squash(Files.readString(Path.of("bench/api/sql/topic-links.sql")).replaceAll("(?m)^--.*$", ""));
        assertEquals(squash(PostQueries.TOPIC_LINKS).replace("$1", ":ids::uuid[]") + ";", sql);
    }

    private static String squash(String sql) {
        return sql.replaceAll("\\s+", " ").trim();
    }
}
