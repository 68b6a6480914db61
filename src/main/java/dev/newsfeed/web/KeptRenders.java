package dev.newsfeed.web;

import dev.newsfeed.cache.Changes;
import dev.newsfeed.cache.KeptValues;
import dev.newsfeed.config.NewsfeedConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import java.util.function.Supplier;

/**
 * What feeds and pages share: a representation that many readers ask for (a first page, a post) rendered once per
 * change and kept within a byte budget, served while the database is away; anything else rendered per request,
 * a few at a time, so an anonymous client cannot make the service render without bound.
 *
 * @param <K> the request, an equal key for an equal representation
 */
public final class KeptRenders<K> {

    private final KeptValues<K, Representation> kept;
    private final Bulkhead renders;
    private final Counter rendered;
    private final CharSequence cacheControl;

    /**
     * @param metric the metrics' middle name: {@code newsfeed.<metric>.renders},
     *               {@code newsfeed.<metric>.kept.bytes}
     * @param what   what is rendered, in the words of a 503 when too many are
     */
    public KeptRenders(String metric, String what, long cacheBytes, int maxConcurrentRenders, Changes changes,
                       NewsfeedConfig.Feed freshness, MeterRegistry registry) {
        this.kept = new KeptValues<>(changes, cacheBytes, freshness.maxAge(), freshness.keepStale(),
                Representation::weight, DatabaseDown::is);
        this.renders = new Bulkhead(what + " renders", maxConcurrentRenders, Long.MAX_VALUE);
        // Renders per request served show how well keeping works: one render per representation per change is the aim.
        this.rendered = registry.counter("newsfeed." + metric + ".renders");
        registry.gauge("newsfeed." + metric + ".kept.bytes", kept, KeptValues::weight);
        this.cacheControl = HttpHeaders.createOptimized("public, max-age=" + freshness.maxAge().toSeconds()
                + ", stale-while-revalidate=" + freshness.staleWhileRevalidate().toSeconds());
    }

    /** The kept representation when nothing changed since it was rendered, else null: no query is made. */
    public Representation kept(K request, boolean keepable) {
        return keepable ? kept.get(request) : null;
    }

    /** The representation: kept, or rendered (and kept when {@code keepable}). */
    public Uni<Representation> serve(K request, boolean keepable, Supplier<Uni<Representation>> render) {
        Supplier<Uni<Representation>> counted = () -> render.get().invoke(() -> rendered.increment());
        return keepable ? kept.getOrCompute(request, counted) : renders.call(counted);
    }

    /** The Cache-Control every representation carries: as fresh as the feeds. */
    public CharSequence cacheControl() {
        return cacheControl;
    }
}
