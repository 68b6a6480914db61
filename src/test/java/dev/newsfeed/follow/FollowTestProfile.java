package dev.newsfeed.follow;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Follows in tests fetch from a server on loopback, so private addresses are allowed; the total timeout is short
 * so a silent server fails a fetch in a test's time, and the poll is frequent so replicas race for due follows.
 */
public class FollowTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "newsfeed.follow.allow-private", "true",
                "newsfeed.follow.timeout", "5s",
                "newsfeed.follow.connect-timeout", "1s",
                "newsfeed.follow.lease", "1m",
                "newsfeed.follow.poll-interval", "500ms");
    }
}
