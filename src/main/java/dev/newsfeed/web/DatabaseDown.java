package dev.newsfeed.web;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure caused by a database that cannot be reached (stopped, restarting, refusing connections, or
 * a pool that waited too long for a connection) from any other. Such a request is answered 503 with Retry-After:
 * the client can tell it from a bug, and try again when the database is back.
 */
public final class DatabaseDown {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseDown() {
    }

    public static boolean is(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException
                    || t instanceof ClosedConnectionException || t instanceof TimeoutException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (t instanceof PgException pg && unavailable(pg.getSqlState())) {
                return true;
            }
            // Vert.x reports a refused or lost connection, a query given to a connection that has just closed,
            // and a pool wait that timed out without a stack trace, in classes of its internal package.
            String name = t.getClass().getName();
            if (name.endsWith("NoStackTraceTimeoutException") || name.endsWith("ConnectionPoolTooBusyException")) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.startsWith("Connection refused") || message.contains("Connection reset")
                    || message.contains("Pending requests") || message.contains("Failed to read any response")
                    || message.startsWith("Connection is not active now"))) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, cannot connect now). */
    private static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("53300"));
    }
}
