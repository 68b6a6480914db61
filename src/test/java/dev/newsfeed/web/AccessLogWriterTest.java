package dev.newsfeed.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessLogWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keeps each write apart, to check what a pipe reader would see. */
    static class Writes extends ByteArrayOutputStream {
        final List<byte[]> each = new ArrayList<>();

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            each.add(Arrays.copyOfRange(b, off, off + len));
            super.write(b, off, len);
        }

        List<String> lines() {
            String all = toString(StandardCharsets.UTF_8);
            return all.isEmpty() ? List.of() : List.of(all.split("\n"));
        }
    }

    private static AccessLine line(int i) {
        return new AccessLine(1_700_000_000_000L + i, "GET", "/feeds/kherson-front.rss?n=" + i, "HTTP/1.1", 304,
                212_345L, 0);
    }

    @Test
    void aBatchThatFailsDoesNotStopTheLinesAfterIt() throws Exception {
        Writes out = new Writes() {
            boolean failed;

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("a stream broken once");
                }
                super.write(b, off, len);
            }
        };
        try (AccessLogWriter writer = new AccessLogWriter(out, false, "pod-1", 100, Duration.ofMillis(5))) {
            writer.offer(line(1));
            for (int i = 0; i < 200 && writer.failures() == 0; i++) {
                Thread.sleep(10);
            }
            writer.offer(line(2));
            for (int i = 0; i < 200 && out.lines().isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertEquals(1, writer.failures());
            assertEquals(1, out.lines().size(), out.lines().toString());
            assertTrue(out.lines().get(0).contains("n=2"), out.lines().toString());
        }
    }

    @Test
    void everyRequestIsOneJsonLineWithStatusAndDuration() throws Exception {
        Writes out = new Writes();
        try (AccessLogWriter writer = new AccessLogWriter(out, true, "pod-1", 100, Duration.ofHours(1))) {
            writer.offer(new AccessLine(1_700_000_000_123L, "GET", "/api/posts?q=\"nato\"\\x", "HTTP/1.1", 200,
                    1_234_567L, 4321));
        }
        List<String> lines = out.lines();
        assertEquals(1, lines.size());
        JsonNode line = JSON.readTree(lines.get(0));
        assertEquals("2023-11-14T22:13:20.123Z", line.get("timestamp").asText());
        assertEquals("GET /api/posts?q=\"nato\"\\x HTTP/1.1 200 1.234 ms 4321 bytes", line.get("message").asText());
        assertEquals("/api/posts?q=\"nato\"\\x", line.get("uri").asText());
        assertEquals(200, line.get("status").asInt());
        assertEquals(1.234, line.get("durationMs").asDouble());
        assertEquals(4321, line.get("bytes").asLong());
        assertEquals("pod-1", line.get("hostName").asText());
    }

    @Test
    void plainTextOutsideJsonConsoles() {
        Writes out = new Writes();
        try (AccessLogWriter writer = new AccessLogWriter(out, false, "pod-1", 100, Duration.ofHours(1))) {
            writer.offer(line(7));
        }
        assertEquals(List.of("GET /feeds/kherson-front.rss?n=7 HTTP/1.1 304 0.212 ms 0 bytes"), out.lines());
    }

    @Test
    void linesAreWrittenInBatchesOfWholeLinesThatAPipeKeepsTogether() throws Exception {
        Writes out = new Writes();
        try (AccessLogWriter writer = new AccessLogWriter(out, true, "pod-1", 10_000, Duration.ofHours(1))) {
            for (int i = 0; i < 1000; i++) {
                assertTrue(writer.offer(line(i)));
            }
        }
        List<String> lines = out.lines();
        assertEquals(1000, lines.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals("/feeds/kherson-front.rss?n=" + i, JSON.readTree(lines.get(i)).get("uri").asText());
        }
        assertTrue(out.each.size() < 100, "1000 lines took " + out.each.size() + " writes");
        for (byte[] write : out.each) {
            assertTrue(write.length <= AccessLogWriter.PIPE_BUF, "a write of " + write.length + " bytes");
            assertEquals('\n', write[write.length - 1], "a write ends inside a line");
        }
    }

    @Test
    void theWriterThreadWritesWithoutBeingAsked() throws Exception {
        Writes out = new Writes();
        try (AccessLogWriter writer = new AccessLogWriter(out, false, "pod-1", 100, Duration.ofMillis(5))) {
            writer.offer(line(1));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (out.size() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(1, out.lines().size(), "the line is written while the log stays open");
        }
    }

    @Test
    void linesBeyondCapacityAreDroppedAndTheLossIsLogged() throws Exception {
        Writes out = new Writes();
        try (AccessLogWriter writer = new AccessLogWriter(out, true, "pod-1", 3, Duration.ofHours(1))) {
            for (int i = 0; i < 5; i++) {
                writer.offer(line(i));
            }
            assertEquals(2, writer.dropped());
        }
        List<String> lines = out.lines();
        assertEquals(4, lines.size());
        JsonNode lost = JSON.readTree(lines.get(3));
        assertEquals("WARN", lost.get("level").asText());
        assertEquals(2, lost.get("dropped").asInt());
    }

    @Test
    void aRequestEndingAfterCloseIsStillWritten() {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(out, false, "pod-1", 100, Duration.ofHours(1));
        writer.close();
        assertTrue(writer.offer(line(9)));
        assertEquals(1, out.lines().size());
        assertFalse(out.lines().get(0).isEmpty());
    }
}
