package ladder.model.lab;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One component of a lab.
 *
 * @param name       unique name in the lab (used in placeholders such as {@code ${url:backend}}); defaults to the kind's name
 * @param kind       what to start
 * @param config     workspace-relative path of the component's configuration file (prometheus, alertmanager), or null
 * @param downstream names of sample-service components this sample service calls (sample-service only)
 * @param zipkin     name of the zipkin component this sample service reports spans to, or null
 * @param otlp       name of the otel-collector component this sample service sends its metrics, logs and traces
 *                   to over OTLP (through the OpenTelemetry Java agent), or null; never together with {@code zipkin}
 * @param features   Prometheus's feature flags the lab needs (prometheus only), e.g. {@code exemplar-storage}: one of
 *                   {@link #PROMETHEUS_FEATURES}, each given as {@code --enable-feature=NAME}
 */
public record ComponentSpec(
        String name, ComponentKind kind, @Nullable String config, List<String> downstream, @Nullable String zipkin,
        @Nullable String otlp, List<String> features) {

    /** The feature flags of Debian bookworm's Prometheus 2.42 that a lab may turn on. */
    public static final List<String> PROMETHEUS_FEATURES =
            List.of("exemplar-storage", "native-histograms", "expand-external-labels", "extra-scrape-metrics");

    public ComponentSpec {
        downstream = List.copyOf(downstream);
        features = List.copyOf(features);
    }

    /** Without OTLP or feature flags. */
    public ComponentSpec(String name, ComponentKind kind, @Nullable String config, List<String> downstream,
                         @Nullable String zipkin) {
        this(name, kind, config, downstream, zipkin, null, List.of());
    }

    public static ComponentSpec of(String name, ComponentKind kind, @Nullable String config) {
        return new ComponentSpec(name, kind, config, List.of(), null, null, List.of());
    }
}
