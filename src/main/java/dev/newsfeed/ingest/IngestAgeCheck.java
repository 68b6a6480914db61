package dev.newsfeed.ingest;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** For operators: how old the newest ingest is per source. Information only, never DOWN. */
@Readiness
@ApplicationScoped
public class IngestAgeCheck implements AsyncHealthCheck {

    private final Pool pool;

    IngestAgeCheck(@ReactiveDataSource("read") Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("select s.slug, max(d.ingested_at) as last from source s "
                        + "join document d on d.source_id = s.id group by s.slug order by s.slug").execute()
                .map(rows -> {
                    HealthCheckResponseBuilder b = HealthCheckResponse.named("newest ingest per source").up();
                    Instant now = Instant.now();
                    rows.forEach(r -> b.withData(r.getString("slug") + " (seconds ago)",
                            Duration.between(r.getOffsetDateTime("last").toInstant(), now).toSeconds()));
                    return b.build();
                })
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("newest ingest per source").up()
                        .withData("unavailable", "database not answering").build());
    }
}
