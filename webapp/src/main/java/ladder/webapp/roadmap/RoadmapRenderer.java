package ladder.webapp.roadmap;

import ladder.model.roadmap.DotExporter;
import ladder.model.roadmap.Roadmap;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The roadmap's SVG with its legend: drawn by {@link DotRunner}, made safe by {@link SvgSanitizer}, and
 * kept in the {@value #CACHE} cache by roadmap id and version, so an unchanged roadmap never runs
 * {@code dot} again. Never called inside a database transaction: {@code dot} may take seconds.
 */
@Component
public class RoadmapRenderer {

    static final String CACHE = "roadmap-svgs";

    private final DotRunner dot;
    private final Cache svgs;

    RoadmapRenderer(DotRunner dot, CacheManager caches) {
        this.dot = dot;
        this.svgs = java.util.Objects.requireNonNull(caches.getCache(CACHE), "cache " + CACHE);
    }

    /** The stored roadmap's SVG, from the cache when this version was drawn before. */
    String svg(RoadmapKey key, Roadmap roadmap) {
        try {
            return java.util.Objects.requireNonNull(svgs.get(key, () -> draw(roadmap)));
        } catch (Cache.ValueRetrievalException e) {
            if (e.getCause() instanceof RenderException refused) {
                throw refused;
            }
            throw e;
        }
    }

    /** The SVG of a roadmap that is not stored (a preview), drawn every time. */
    public String svg(Roadmap roadmap) {
        return draw(roadmap);
    }

    /** Why the graph cannot be drawn on this server, or empty when {@code dot} works. */
    public java.util.Optional<String> unavailableReason() {
        return dot.unavailableReason();
    }

    private String draw(Roadmap roadmap) {
        return SvgSanitizer.clean(dot.toSvg(DotExporter.forRendering(roadmap)));
    }
}
