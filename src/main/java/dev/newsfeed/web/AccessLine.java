package dev.newsfeed.web;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;

/**
 * One answered request, as the access log records it. Formatting happens on the log's own thread, so a request
 * only pays for this record.
 */
public record AccessLine(long epochMillis, String method, String uri, String version, int status,
                         long durationNanos, long bytes) {

    /** The line as a JSON object shaped like the service's other JSON log lines, without the newline. */
    public void appendJson(StringBuilder out, String hostName) {
        out.append("{\"timestamp\":\"").append(Instant.ofEpochMilli(epochMillis))
                .append("\",\"loggerName\":\"newsfeed.access\",\"level\":\"INFO\",\"message\":\"");
        appendText(out, true);
        out.append("\",\"method\":\"");
        escape(out, method);
        out.append("\",\"uri\":\"");
        escape(out, uri);
        out.append("\",\"status\":").append(status)
                .append(",\"durationMs\":");
        appendMillis(out);
        out.append(",\"bytes\":").append(bytes)
                .append(",\"hostName\":\"");
        escape(out, hostName);
        out.append("\"}");
    }

    /** The request line, status, duration and size, as in a common access log. */
    public void appendText(StringBuilder out) {
        appendText(out, false);
    }

    private void appendText(StringBuilder out, boolean json) {
        if (json) {
            escape(out, method);
            out.append(' ');
            escape(out, uri);
        } else {
            out.append(method).append(' ').append(uri);
        }
        out.append(' ').append(version).append(' ').append(status).append(' ');
        appendMillis(out);
        out.append(" ms ").append(bytes).append(" bytes");
    }

    /** Milliseconds with three decimals: sub-millisecond answers are the common case worth telling apart. */
    private void appendMillis(StringBuilder out) {
        long micros = Math.max(0, durationNanos / 1000);
        out.append(micros / 1000).append('.');
        long fraction = micros % 1000;
        if (fraction < 100) {
            out.append('0');
        }
        if (fraction < 10) {
            out.append('0');
        }
        out.append(fraction);
    }

    /** JSON string escaping, Jackson's: a request line can carry quotes, backslashes or control bytes. */
    static void escape(StringBuilder out, String s) {
        JsonStringEncoder.getInstance().quoteAsString(s, out);
    }
}
