package dev.newsfeed.config;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code newsfeed.replica}: this process's name among the replicas, "newsfeed-" plus the host name and a random
 * suffix, fixed for the life of the process. Its database sessions carry it as application_name, so a change
 * announced by the database says which replica made it, and operators see it in pg_stat_activity.
 */
public class ReplicaName implements ConfigSource {

    static final String KEY = "newsfeed.replica";
    private static final String NAME = name(System.getenv("HOSTNAME"));

    static String name(String host) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String prefix = "newsfeed-" + (host == null || host.isBlank() ? "" : host.replaceAll("[^A-Za-z0-9.-]", "") + "-");
        // application_name keeps 63 bytes; the suffix is what tells replicas apart.
        return prefix.substring(0, Math.min(prefix.length(), 63 - suffix.length())) + suffix;
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
        return "newsfeed-replica-name";
    }

    @Override
    public int getOrdinal() {
        // Below env vars and application.properties: NEWSFEED_REPLICA can still name a replica.
        return 50;
    }
}
