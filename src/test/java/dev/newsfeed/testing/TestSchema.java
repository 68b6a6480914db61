package dev.newsfeed.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The schema this test run works in, {@code newsfeed_test_} and a random suffix: two runs on one machine (two
 * checkouts, or CI beside a developer) never clean or fill each other's tables. It is dropped when the run ends.
 */
public final class TestSchema implements ConfigSource, LauncherSessionListener {

    private static final String KEY = "testing.schema";
    /** Kept as a system property: Quarkus loads this class again in its own class loader, which must agree. */
    public static final String NAME = name();
    public static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=" + NAME;

    private static synchronized String name() {
        String name = System.getProperty(KEY);
        if (name == null) {
            name = "newsfeed_test_" + UUID.randomUUID().toString().substring(0, 8);
            System.setProperty(KEY, name);
        }
        return name;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, NAME);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? NAME : null;
    }

    @Override
    public String getName() {
        return "newsfeed-test-schema";
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute("drop schema if exists " + NAME + " cascade");
        } catch (SQLException e) {
            System.err.println("Could not drop test schema " + NAME + ": " + e.getMessage());
        }
    }
}
