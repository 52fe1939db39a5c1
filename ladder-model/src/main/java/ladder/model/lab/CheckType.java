package ladder.model.lab;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a check verifies; each variant is one {@code type:} of {@code lab.yaml}. */
public sealed interface CheckType {

    /** The {@code type:} name in {@code lab.yaml}. */
    String yamlName();

    /** Sends a request and expects a status and, optionally, a substring of the body. */
    record HttpProbe(String method, String url, @Nullable String body, int expectedStatus, @Nullable String bodyContains)
            implements CheckType {
        @Override
        public String yamlName() {
            return "http";
        }
    }

    /** Runs an instant PromQL query against a Prometheus component and tests a condition on the result. */
    record PromQl(String prometheus, String query, PromQlCondition condition) implements CheckType {
        @Override
        public String yamlName() {
            return "promql";
        }
    }

    /** Every target of a scrape job is up (and there is at least one). */
    record TargetUp(String prometheus, String job) implements CheckType {
        @Override
        public String yamlName() {
            return "target-up";
        }
    }

    /** An alert with this name and these labels is active in Alertmanager. */
    record AlertFiring(String alertmanager, String alert, Map<String, String> labels) implements CheckType {
        public AlertFiring {
            labels = Map.copyOf(labels);
        }

        @Override
        public String yamlName() {
            return "alert-firing";
        }
    }

    /** A workspace file passes {@code promtool check config|rules} or {@code amtool check-config}. */
    record ConfigValid(String file, ConfigTool tool) implements CheckType {
        @Override
        public String yamlName() {
            return "config-valid";
        }
    }

    /** Zipkin holds one trace in which every listed service has a span; captures {@code traceId}. */
    record TracePresent(String zipkin, List<String> services, Duration lookback) implements CheckType {
        public TracePresent {
            services = List.copyOf(services);
        }

        @Override
        public String yamlName() {
            return "trace";
        }
    }

    /** A workspace file has a match for a regular expression. */
    record FileContains(String file, String pattern) implements CheckType {
        @Override
        public String yamlName() {
            return "file-contains";
        }
    }

    /** A component's log has a line matching a regular expression template (may use captured values). */
    record LogContains(String component, String pattern) implements CheckType {
        @Override
        public String yamlName() {
            return "log-contains";
        }
    }

    /** The validators a {@code config-valid} check can run. */
    enum ConfigTool {
        PROMETHEUS_CONFIG("prometheus-config"),
        PROMETHEUS_RULES("prometheus-rules"),
        ALERTMANAGER_CONFIG("alertmanager-config");

        private final String yamlName;

        ConfigTool(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        public static @Nullable ConfigTool fromYamlName(String name) {
            for (ConfigTool tool : values()) {
                if (tool.yamlName.equals(name)) {
                    return tool;
                }
            }
            return null;
        }
    }

    /** Every {@code type:} name, for error messages. */
    List<String> TYPE_NAMES =
            List.of("http", "promql", "target-up", "alert-firing", "config-valid", "trace", "file-contains", "log-contains");
}
