package dev.newsfeed.follow;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Follows created, read and deleted, each call in a session (or a transaction) of its own. */
@ApplicationScoped
class FollowStore {

    /** A follow, and whether this call created it. */
    record Created(Follow follow, boolean created) {
    }

    /** The follow of {@code url}, created due now when there is none. */
    @WithTransaction
    Uni<Created> create(String url, String source, Instant now, long intervalSeconds) {
        return Follow.<Follow>find("url", url).firstResult().flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new Created(existing, false));
            }
            Follow f = new Follow();
            f.url = url;
            f.source = source;
            f.createdAt = now;
            f.nextFetchAt = now;
            f.intervalSeconds = (int) intervalSeconds;
            return f.<Follow>persistAndFlush().map(saved -> new Created(saved, true));
        });
    }

    @WithSession
    Uni<Follow> byUrl(String url) {
        return Follow.<Follow>find("url", url).firstResult();
    }

    @WithSession
    Uni<Follow> byId(long id) {
        return Follow.findById(id);
    }

    /** Follows in id order, after {@code after}. */
    @WithSession
    Uni<List<Follow>> page(long after, int limit) {
        return Follow.<Follow>find("id > ?1", Sort.by("id"), after).range(0, limit - 1).list();
    }

    @WithTransaction
    Uni<Boolean> delete(long id) {
        return Follow.deleteById(id);
    }
}
