package dev.newsfeed.post;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A post's JSON, written field by field. Posts are most of every page the API answers (a topic page is 20 posts
 * and tens of KB); the bean serializer's reflective getters and the map serializer for each topic's evidence
 * were a large part of the JSON work (bench/README.md). The shape is the record's, as OpenAPI describes it.
 */
public class PostViewJson extends StdSerializer<PostView> {

    public PostViewJson() {
        super(PostView.class);
    }

    @Override
    public void serialize(PostView p, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.id().toString());
        g.writeFieldName("headline");
        text(g, p.headline());
        g.writeStringField("timestampText", p.timestampText());
        instant(g, "publishedAt", p.publishedAt());
        g.writeStringField("publishedAtPrecision", p.publishedAtPrecision());
        strings(g, "authors", p.authors());
        g.writeStringField("location", p.location());
        strings(g, "body", p.body());
        g.writeArrayFieldStart("captions");
        for (PostView.CaptionView c : p.captions()) {
            g.writeStartObject();
            g.writeStringField("text", c.text());
            g.writeStringField("credit", c.credit());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("topics");
        for (PostView.TopicRef t : p.topics()) {
            g.writeStartObject();
            g.writeStringField("slug", t.slug());
            g.writeStringField("name", t.name());
            g.writeNumberField("score", t.score());
            g.writeFieldName("evidence");
            // Valid JSON, checked by PostgreSQL on the way in (a json column): copied rather than parsed and written again.
            g.writeRawValue(t.evidence());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("source", p.source());
        g.writeNumberField("liveblog", p.liveblog());
        g.writeStringField("url", p.url());
        instant(g, "firstSeenAt", p.firstSeenAt());
        instant(g, "updatedAt", p.updatedAt());
        g.writeStringField("timestampRelative", p.timestampRelative());
        strings(g, "labels", p.labels());
        g.writeFieldName("dateline");
        text(g, p.dateline());
        g.writeBooleanField("headlinePrinted", p.headlinePrinted());
        g.writeBooleanField("complete", p.complete());
        g.writeNumberField("revision", p.revision());
        g.writeEndObject();
    }

    private static void instant(JsonGenerator g, String name, Instant value) throws IOException {
        g.writeStringField(name, value == null ? null : value.toString());
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            text(g, v);
        }
        g.writeEndArray();
    }

    /**
     * Text, mostly prose with typographic quotes: Jackson escapes a string char by char once it meets a non-ASCII
     * one, which made this half of the JSON work. Here it is encoded to UTF-8 in one go, and only the few bytes
     * JSON requires escaping (quote, backslash, control characters) are escaped, exactly as Jackson escapes them.
     */
    static void text(JsonGenerator g, String s) throws IOException {
        if (s == null || !(g.getOutputTarget() instanceof OutputStream)) {
            // Raw UTF-8 only goes to a byte stream (the REST layer's); a character writer escapes as usual.
            g.writeString(s);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int extra = 0;
        for (byte b : utf8) {
            extra += escapeLength(b) - 1;
        }
        if (extra > 0) {
            utf8 = escaped(utf8, extra);
        }
        g.writeRawUTF8String(utf8, 0, utf8.length);
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** Bytes a byte takes in a JSON string; bytes of multi-byte characters are negative and taken as they are. */
    private static int escapeLength(byte b) {
        if (b == '"' || b == '\\' || b == '\b' || b == '\t' || b == '\n' || b == '\f' || b == '\r') {
            return 2;
        }
        return b >= 0 && b < 0x20 ? 6 : 1;
    }

    private static byte[] escaped(byte[] utf8, int extra) {
        byte[] out = new byte[utf8.length + extra];
        int o = 0;
        for (byte b : utf8) {
            switch (escapeLength(b)) {
                case 1 -> out[o++] = b;
                case 2 -> {
                    out[o++] = '\\';
                    out[o++] = switch (b) {
                        case '\b' -> 'b';
                        case '\t' -> 't';
                        case '\n' -> 'n';
                        case '\f' -> 'f';
                        case '\r' -> 'r';
                        default -> b;
                    };
                }
                default -> {
                    out[o++] = '\\';
                    out[o++] = 'u';
                    out[o++] = '0';
                    out[o++] = '0';
                    out[o++] = HEX[b >> 4];
                    out[o++] = HEX[b & 0xF];
                }
            }
        }
        return out;
    }
}
