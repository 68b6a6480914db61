package dev.newsfeed.ingest;

import dev.newsfeed.config.NewsfeedConfig;
import dev.newsfeed.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the ingest bearer token in constant time. */
@ApplicationScoped
public class BearerToken {

    private final NewsfeedConfig config;

    BearerToken(NewsfeedConfig config) {
        this.config = config;
    }

    public void check(String authorization) {
        String expected = config.ingest().token().orElse(null);
        String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (expected == null || expected.isEmpty() || given == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(401, "Unauthorized",
                    "Send 'Authorization: Bearer <token>' with the token set in NEWSFEED_INGEST_TOKEN.");
        }
    }
}
