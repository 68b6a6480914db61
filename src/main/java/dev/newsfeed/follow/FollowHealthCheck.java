package dev.newsfeed.follow;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * For operators: follows overdue and failing. Information only, never DOWN: a site that is down, or a backlog of
 * fetches, is no reason to stop serving readers, and taking every replica out of service would not fetch faster.
 */
@Readiness
@ApplicationScoped
public class FollowHealthCheck implements AsyncHealthCheck {

    static final String NAME = "followed pages";

    private final FollowStats stats;

    FollowHealthCheck(FollowStats stats) {
        this.stats = stats;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return stats.count(Instant.now())
                .map(c -> HealthCheckResponse.named(NAME).up()
                        .withData("follows", c.follows())
                        .withData("overdue", c.overdue())
                        .withData("most overdue (seconds)", c.mostOverdueSeconds())
                        .withData("failing", c.failing())
                        .build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).up()
                        .withData("unavailable", "database not answering").build());
    }
}
