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
 */
public record ComponentSpec(
        String name, ComponentKind kind, @Nullable String config, List<String> downstream, @Nullable String zipkin,
        @Nullable String otlp) {

    public ComponentSpec {
        downstream = List.copyOf(downstream);
    }

    /** Without OTLP. */
    public ComponentSpec(String name, ComponentKind kind, @Nullable String config, List<String> downstream,
                         @Nullable String zipkin) {
        this(name, kind, config, downstream, zipkin, null);
    }

    public static ComponentSpec of(String name, ComponentKind kind, @Nullable String config) {
        return new ComponentSpec(name, kind, config, List.of(), null, null);
    }
}
