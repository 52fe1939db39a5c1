package ladder.labs.runtime;

import java.util.Map;
import java.util.Optional;
import ladder.model.lab.ComponentKind;

/**
 * The one list of upstream images, for the components Debian does not package. Each is pinned to a release;
 * Ladder builds its own thin image on top ({@code ladder/labs/docker/upstream/Dockerfile}: the folders
 * {@code /lab/workspace} and {@code /lab/data}, the unprivileged user 10001), so these components are confined
 * like the others. They need a machine that has the image or can pull it (from Docker Hub, or
 * {@code <LADDER_LABS_IMAGE_PREFIX>} + the same name); where neither works, the catalog says so and the labs that
 * need them are not offered. The process runtime never starts them.
 *
 * <pre>
 *   grafana         grafana/grafana:11.3.0                          dashboards, datasources
 *   loki            grafana/loki:3.2.1                              logs, LogQL
 *   tempo           grafana/tempo:2.6.1                             traces, TraceQL and search
 *   otel-collector  otel/opentelemetry-collector-contrib:0.112.0    OTLP in, fan-out to Prometheus, Loki, Tempo
 * </pre>
 */
public final class UpstreamImages {

    /** Image by kind; update a version here and in docs/labs.md together. */
    public static final Map<ComponentKind, String> PINNED = Map.of(
            ComponentKind.GRAFANA, "grafana/grafana:11.3.0",
            ComponentKind.LOKI, "grafana/loki:3.2.1",
            ComponentKind.TEMPO, "grafana/tempo:2.6.1",
            ComponentKind.OTEL_COLLECTOR, "otel/opentelemetry-collector-contrib:0.112.0");

    private UpstreamImages() {}

    /** The pinned upstream image of a kind, or empty for the kinds Ladder builds from Debian's packages. */
    public static Optional<String> of(ComponentKind kind) {
        return Optional.ofNullable(PINNED.get(kind));
    }
}
