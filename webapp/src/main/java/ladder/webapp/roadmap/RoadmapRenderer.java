package ladder.webapp.roadmap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import ladder.model.roadmap.DotExporter;
import ladder.model.roadmap.Roadmap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The roadmap's SVG with its legend: drawn by {@link DotRunner}, made safe by {@link SvgSanitizer}, and
 * kept in the {@value #CACHE} cache by roadmap id and version, so an unchanged roadmap never runs
 * {@code dot} again. Never called inside a database transaction: {@code dot} may take seconds. A cached drawing
 * also keeps the export's bytes (the SVG file, encoded once when it is first exported), so the API serves a
 * drawn roadmap without encoding 100 KiB or more on every request.
 */
@Component
public class RoadmapRenderer {

    static final String CACHE = "roadmap-svgs";

    private final ObservationRegistry observations;
    private final DotRunner dot;
    private final Cache svgs;

    RoadmapRenderer(DotRunner dot, CacheManager caches) {
        this(dot, caches, ObservationRegistry.NOOP);
    }

    @Autowired
    RoadmapRenderer(DotRunner dot, CacheManager caches, ObservationRegistry observations) {
        this.observations = observations;
        this.dot = dot;
        this.svgs = Objects.requireNonNull(caches.getCache(CACHE), "cache " + CACHE);
    }

    static final String XML_PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";

    /** The stored roadmap's SVG, from the cache when this version was drawn before. */
    String svg(RoadmapKey key, Roadmap roadmap) {
        return drawing(key, roadmap).svg;
    }

    /**
     * The stored roadmap's SVG as a file: the XML prolog and the SVG, in UTF-8; the same array for every caller
     * of this version, which must not change it.
     */
    byte[] svgFile(RoadmapKey key, Roadmap roadmap) {
        return drawing(key, roadmap).file();
    }

    private Drawing drawing(RoadmapKey key, Roadmap roadmap) {
        try {
            return Objects.requireNonNull(svgs.get(key, () -> new Drawing(draw(roadmap))));
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
    public Optional<String> unavailableReason() {
        return dot.unavailableReason();
    }

    /** Observed as {@code ladder.roadmap.render} with its {@code outcome}: drawn, refused (the SVG), failed, unavailable. */
    private String draw(Roadmap roadmap) {
        Observation render = Observation.createNotStarted("ladder.roadmap.render", observations)
                .contextualName("render roadmap").lowCardinalityKeyValue("outcome", "drawn").start();
        try (Observation.Scope scope = render.openScope()) {
            String svg = dot.toSvg(DotExporter.forRendering(roadmap));
            try {
                return SvgSanitizer.clean(svg);
            } catch (RenderException refused) {
                render.lowCardinalityKeyValue("outcome", "refused");
                throw refused;
            }
        } catch (RenderException e) {
            if (!"refused".equals(outcome(render))) {
                render.lowCardinalityKeyValue("outcome", e.unavailable() ? "unavailable" : "failed");
            }
            render.error(e);
            throw e;
        } finally {
            render.stop();
        }
    }

    private static String outcome(Observation observation) {
        var value = observation.getContext().getLowCardinalityKeyValue("outcome");
        return value == null ? "" : value.getValue();
    }

    /** A cached drawing: the sanitised SVG, and its file's bytes once they were asked for. */
    private static final class Drawing {

        final String svg;
        private volatile byte @Nullable [] file;

        Drawing(String svg) {
            this.svg = svg;
        }

        byte[] file() {
            byte[] encoded = file;
            if (encoded == null) { // two first callers may both encode it: the same bytes, one kept
                encoded = (XML_PROLOG + svg).getBytes(StandardCharsets.UTF_8);
                file = encoded;
            }
            return encoded;
        }
    }
}
