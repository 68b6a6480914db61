package dev.newsfeed.follow;

import dev.newsfeed.web.Params;
import dev.newsfeed.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Following pages: created after their address is checked, listed, removed, and fetched on demand. */
@ApplicationScoped
public class FollowService {

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final FollowStore store;
    private final AddressGuard guard;
    private final FollowClaims claims;
    private final FollowRunner runner;
    private final FollowScheduler scheduler;
    private final FollowSchedule schedule;

    FollowService(FollowStore store, AddressGuard guard, FollowClaims claims, FollowRunner runner,
                  FollowScheduler scheduler, FollowSchedule schedule) {
        this.store = store;
        this.guard = guard;
        this.claims = claims;
        this.runner = runner;
        this.scheduler = scheduler;
        this.schedule = schedule;
    }

    /** The follow of the request's URL, and whether it was created now (a URL already followed is not). */
    public Uni<FollowStore.Created> follow(FollowRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Send a JSON object such as {\"url\": \"https://example.com/live\"}.");
        }
        FollowUrl url;
        try {
            url = FollowUrl.parse(request.url());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("'url' must be an absolute http or https URL; "
                    + (request.url() == null ? "it is missing." : "'" + Params.printable(request.url()) + "' has "
                    + e.getMessage() + "."));
        }
        String source = source(request.source());
        return guard.resolve(url.bareHost())
                .onFailure(AddressGuard.Refused.class).transform(e -> new ProblemException(422, "Address refused",
                        "'" + url.url() + "' cannot be followed: " + e.getMessage() + "."))
                .onFailure(UnknownHostException.class).transform(e -> new ProblemException(422,
                        "Address refused", "'" + url.url() + "' cannot be followed: its host '" + url.host()
                        + "' cannot be resolved."))
                .flatMap(address -> store.create(url.url(), source, Instant.now(), schedule.initialIntervalSeconds()))
                // Two requests following one page at once: the second insert breaks the unique URL.
                .onFailure(FollowService::uniqueViolation).recoverWithUni(() -> store.byUrl(url.url())
                        .map(f -> new FollowStore.Created(f, false)))
                .invoke(created -> {
                    if (created.created()) {
                        scheduler.wake();
                    }
                });
    }

    public Uni<FollowView> get(long id) {
        return store.byId(id).map(f -> {
            if (f == null) {
                throw notFound(id);
            }
            return FollowView.of(f);
        });
    }

    public Uni<FollowPage> list(long after, int limit) {
        return store.page(after, limit + 1).map(follows -> {
            List<FollowView> items = follows.stream().limit(limit).map(FollowView::of).toList();
            return new FollowPage(items, follows.size() > limit ? items.get(items.size() - 1).id() : null);
        });
    }

    public Uni<Void> delete(long id) {
        return store.delete(id).map(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
            return null;
        });
    }

    /**
     * Fetches the follow now, whenever it is due, and answers it as the fetch left it. A follow another fetch holds
     * is a 409; a replica whose fetch slots are all taken answers 503.
     */
    public Uni<FollowView> fetchNow(long id) {
        return scheduler.call(() -> claims.claim(id, Instant.now()).flatMap(claimed -> {
            if (claimed == null) {
                return store.byId(id).flatMap(f -> Uni.createFrom().<Outcome>failure(f == null ? notFound(id)
                        : ProblemException.conflict("Follow " + id + " is being fetched"
                        + (f.claimedBy == null ? "" : " by " + f.claimedBy) + "; try again when it ends.")));
            }
            return runner.run(claimed);
        })).flatMap(outcome -> get(id));
    }

    /** An outlet's slug, as ingest takes it: lower-case letters, digits and dashes. */
    static String source(String value) {
        String s = Params.text("source", value);
        if (s == null) {
            return null;
        }
        s = s.toLowerCase(Locale.ROOT);
        if (!SOURCE.matcher(s).matches()) {
            throw ProblemException.badRequest("'source' must be a slug of letters, digits and dashes (up to 40), "
                    + "such as 'cnn'; got '" + Params.printable(value) + "'.");
        }
        return s;
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no follow with id " + id + ".");
    }

    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())
                    || t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
