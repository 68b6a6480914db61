package dev.newsfeed.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ContentCodingTest {

    @ParameterizedTest(name = "Accept-Encoding \"{0}\" admits gzip: {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "gzip | true",
            "gzip, deflate, br | true",
            "GZip;Q=1.0 | true",
            "x-gzip | true",
            "br, gzip;q=0.5 | true",
            "* | true",
            "br, *;q=0.1 | true",
            "deflate, br | false",
            "gzip;q=0 | false",
            "gzip;q=0.000, * | false",
            "*;q=0 | false",
            "identity | false",
            "'' | false",
            "gzip;q=nonsense | false",
            "NONE | false"})
    void acceptsGzipOnlyWhenTheReaderAdmitsIt(String header, boolean expected) {
        assertEquals(expected, ContentCoding.acceptsGzip(header));
    }

    @Test
    void gzipRoundTrips() throws Exception {
        byte[] feed = "<rss>Kherson \u2019 ".repeat(2000).getBytes(StandardCharsets.UTF_8);
        byte[] gz = ContentCoding.gzip(feed);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            assertArrayEquals(feed, in.readAllBytes());
        }
        assertEquals(true, gz.length < feed.length / 10);
    }
}
