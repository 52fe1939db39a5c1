package ladder.model.lab;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of component a lab may start; a runtime knows a fixed command for each. */
public enum ComponentKind {
    PROMETHEUS("prometheus"),
    ALERTMANAGER("alertmanager"),
    NODE_EXPORTER("node-exporter"),
    SAMPLE_SERVICE("sample-service"),
    ZIPKIN("zipkin"),
    BLACKBOX_EXPORTER("blackbox-exporter"),
    POSTGRES("postgres"),
    POSTGRES_EXPORTER("postgres-exporter"),
    // not packaged by Debian: pinned upstream images, on the Docker runtime only (ladder.labs.runtime.UpstreamImages)
    GRAFANA("grafana"),
    LOKI("loki"),
    TEMPO("tempo"),
    OTEL_COLLECTOR("otel-collector");

    private final String yamlName;

    ComponentKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name used in {@code lab.yaml}, e.g. {@code node-exporter}. */
    public String yamlName() {
        return yamlName;
    }

    public static Optional<ComponentKind> fromYamlName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.yamlName.equals(name)).findFirst();
    }

    /** The names accepted in {@code lab.yaml}, for error messages. */
    public static String allYamlNames() {
        return String.join(", ", Arrays.stream(values()).map(ComponentKind::yamlName).toList());
    }
}
