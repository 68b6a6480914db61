package dev.newsfeed.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures a client is told to retry (503) and which are faults of ours (500). */
class DatabaseDownTest {

    @Test
    void aDatabaseThatIsAwayOrRestartingIsDown() {
        assertTrue(DatabaseDown.is(new ConnectException("Connection refused: /127.0.0.1:5432")));
        assertTrue(DatabaseDown.is(ClosedConnectionException.INSTANCE));
        assertTrue(DatabaseDown.is(new PgException("terminating connection due to administrator command",
                "FATAL", "57P01", null)));
        assertTrue(DatabaseDown.is(new PgException("the database system is starting up", "FATAL", "57P03", null)));
    }

    @Test
    void aQueryGivenToAConnectionThatHasJustClosedIsDown() {
        // What the SQL client answers when the pool hands out a connection whose socket closed a moment before
        // (seen right after a restart of PostgreSQL, as a 500 on /api/topics).
        Throwable closed = new NoStackTraceThrowable("Connection is not active now, current status: CLOSED");
        assertTrue(DatabaseDown.is(closed));
        assertTrue(DatabaseDown.is(new CompletionException(closed)), "found in the cause chain");
    }

    @Test
    void aBadQueryOrABugIsNotDown() {
        assertFalse(DatabaseDown.is(new PgException("syntax error at or near \"selec\"", "ERROR", "42601", null)));
        assertFalse(DatabaseDown.is(new PgException("duplicate key value violates unique constraint", "ERROR",
                "23505", null)));
        assertFalse(DatabaseDown.is(new IllegalStateException("a bug")));
        assertFalse(DatabaseDown.is(new NullPointerException()));
    }
}
