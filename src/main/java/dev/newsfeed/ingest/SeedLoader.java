package dev.newsfeed.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsfeed.config.NewsfeedConfig;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Ingests the documents listed in {@code seeds/manifest.json}; documents already stored are skipped. */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    private final IngestService ingest;
    private final NewsfeedConfig config;

    SeedLoader(IngestService ingest, NewsfeedConfig config) {
        this.ingest = ingest;
        this.config = config;
    }

    public void load() throws Throwable {
        Path dir = Path.of(config.seeds().dir());
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isReadable(manifest)) {
            LOG.warnf("No seed manifest at %s; no seeds loaded", manifest.toAbsolutePath());
            return;
        }
        for (JsonNode seed : new ObjectMapper().readTree(manifest.toFile())) {
            IncomingDocument in = read(dir, seed);
            IngestResult r = VertxContextSupport.subscribeAndAwait(() -> ingest.ingest(in));
            LOG.infof("Seed %s: %s (created %d, updated %d, unchanged %d)", seed.get("file").asText(),
                    r.repeated() ? "already ingested" : "ingested", r.created(), r.updated(), r.unchanged());
        }
    }

    private static IncomingDocument read(Path dir, JsonNode seed) throws IOException {
        String file = seed.get("file").asText();
        String body = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        String type = file.endsWith(".html") ? "text/html" : "text/plain";
        return new IncomingDocument(body, type, text(seed, "source"), text(seed, "url"),
                Instant.parse(seed.get("retrievedAt").asText()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
