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

    /**
     * The series of a query match those of an intended expression: as many series, and (sorted by value)
     * each value within the tolerance of the intended one. The intended expression is the lab's answer: it is
     * never shown to the learner, only its values.
     */
    record PromQlMatches(String prometheus, String query, String intended, Tolerance tolerance) implements CheckType {
        @Override
        public String yamlName() {
            return "promql-matches";
        }
    }

    /**
     * How far a value may be from the intended one: {@code 10%} (relative to the intended value) or
     * {@code 0.01} (absolute).
     */
    record Tolerance(double amount, boolean relative) {

        public static final Tolerance TEN_PERCENT = new Tolerance(0.1, true);

        public boolean accepts(double value, double intended) {
            if (Double.isNaN(value) || Double.isNaN(intended)) {
                return Double.isNaN(value) && Double.isNaN(intended);
            }
            double allowed = relative ? amount * Math.abs(intended) : amount;
            return Math.abs(value - intended) <= allowed * (1 + 1e-9) + 1e-12; // "within" includes its edge
        }

        /** Parses {@code 10%} or {@code 0.01}; null when it is neither. */
        public static @Nullable Tolerance parse(String text) {
            String trimmed = text.strip();
            try {
                if (trimmed.endsWith("%")) {
                    double percent = Double.parseDouble(trimmed.substring(0, trimmed.length() - 1).strip());
                    return percent >= 0 ? new Tolerance(percent / 100, true) : null;
                }
                double amount = Double.parseDouble(trimmed);
                return amount >= 0 ? new Tolerance(amount, false) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public String describe() {
            return relative ? "±" + PromQlCondition.formatNumber(amount * 100) + "%" : "±" + PromQlCondition.formatNumber(amount);
        }
    }

    /**
     * Prometheus has loaded an alerting rule of this name ({@code /api/v1/rules}), with a {@code for:} duration
     * in a range and these labels: what Prometheus parsed, whatever the file's style.
     */
    record AlertRule(String prometheus, String alert, @Nullable Duration forAtLeast, @Nullable Duration forAtMost,
                     Map<String, String> labels) implements CheckType {
        public AlertRule {
            labels = Map.copyOf(labels);
        }

        @Override
        public String yamlName() {
            return "alert-rule";
        }
    }

    /**
     * Prometheus has discovered this Alertmanager ({@code /api/v1/alertmanagers}): one of its active
     * Alertmanagers is the component, whatever the path prefix and however many others there are.
     */
    record AlertmanagerDiscovered(String prometheus, String alertmanager) implements CheckType {
        @Override
        public String yamlName() {
            return "alertmanager-discovered";
        }
    }

    /**
     * Alertmanager's loaded routing tree sends an alert with these labels to a receiver, or not to one
     * ({@code amtool config routes test} on the configuration Alertmanager reports in {@code /api/v2/status}).
     */
    record RouteTest(String alertmanager, Map<String, String> labels, @Nullable String receiver,
                     @Nullable String notReceiver) implements CheckType {
        public RouteTest {
            labels = Map.copyOf(labels);
        }

        @Override
        public String yamlName() {
            return "route-test";
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

    /**
     * Zipkin holds one trace in which every listed service has a span; captures {@code traceId}. With
     * {@code fresh}, only traces that began at least that long after the check started count, so that traces made
     * before the learner's last change (services re-read their configuration within a second) do not.
     */
    record TracePresent(String zipkin, List<String> services, Duration lookback, @Nullable Duration fresh) implements CheckType {
        public TracePresent {
            services = List.copyOf(services);
        }

        public TracePresent(String zipkin, List<String> services, Duration lookback) {
            this(zipkin, services, lookback, null);
        }

        @Override
        public String yamlName() {
            return "trace";
        }
    }

    /**
     * Zipkin holds the trace {@code traceId} (a template: usually a value captured by a check it needs) and it lasted
     * at least {@code atLeast}, from its first span's start to the end of its last.
     */
    record TraceDuration(String zipkin, String traceId, Duration atLeast) implements CheckType {
        @Override
        public String yamlName() {
            return "trace-duration";
        }
    }

    /**
     * A workspace file has a match for a regular expression; the pattern's named groups ({@code (?<cause>...)}) are
     * captured for the checks that need this one.
     */
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

    /**
     * Load on a PostgreSQL component while a PromQL check is graded: Ladder opens {@code connections} connections
     * (held until the check ends) and runs {@code transactionsPerSecond} short transactions over them, of which
     * {@code rollbackShare} roll back; after {@code warmUp} (so that a window holds the load, not only what came
     * before), {@code grading} (a {@link PromQl} or a {@link PromQlMatches}) is evaluated attempt after attempt. Shows what a database's dashboards and alerts say under use: connections
     * near {@code max_connections}, a transaction rate that counts commits and rollbacks.
     */
    record PostgresLoad(String database, int connections, double transactionsPerSecond, double rollbackShare,
                        Duration warmUp, CheckType grading) implements CheckType {
        public PostgresLoad {
            if (!(grading instanceof PromQl) && !(grading instanceof PromQlMatches)) {
                throw new IllegalArgumentException("a postgres-load check is graded by promql or promql-matches");
            }
        }

        @Override
        public String yamlName() {
            return "postgres-load";
        }
    }

    /**
     * A LogQL query over the last {@code lookback} in Loki ({@code /loki/api/v1/query_range}): log queries count
     * lines (each line one "series" of value 1 for the condition), metric queries give series. Captures
     * {@code traceId} from the first line naming one ({@code traceId=…}, {@code trace_id=…}).
     */
    record LogQl(String loki, String query, PromQlCondition condition, Duration lookback) implements CheckType {
        @Override
        public String yamlName() {
            return "logql";
        }
    }

    /**
     * A trace in Tempo with a span of every service: the trace {@code traceId} names (a template, e.g. one captured
     * from a log line), or one found by Tempo's search within {@code lookback}. Captures {@code traceId}.
     */
    record TempoTrace(String tempo, List<String> services, @Nullable String traceId, Duration lookback) implements CheckType {
        @Override
        public String yamlName() {
            return "tempo-trace";
        }
    }

    /**
     * An exemplar links a metric to a trace: among the exemplars Prometheus keeps for the series of {@code query}
     * within {@code lookback} ({@code /api/v1/query_exemplars}; needs {@code --enable-feature=exemplar-storage} and a
     * scrape that sends exemplars), one carries a {@code trace_id} that Tempo has ({@code /api/traces/ID}). Newest
     * exemplars first. Captures {@code traceId}.
     */
    record ExemplarTrace(String prometheus, String query, String tempo, Duration lookback) implements CheckType {
        @Override
        public String yamlName() {
            return "exemplar-trace";
        }
    }

    /** Grafana's health check of a datasource, by uid ({@code /api/datasources/uid/UID/health}), says OK. */
    record GrafanaDatasource(String grafana, String datasource) implements CheckType {
        @Override
        public String yamlName() {
            return "grafana-datasource";
        }
    }

    /**
     * A dashboard (by uid) has a panel with this title whose queries, run through Grafana ({@code /api/ds/query},
     * the last five minutes), give series satisfying the condition.
     */
    record GrafanaPanel(String grafana, String dashboard, String panel, PromQlCondition condition) implements CheckType {
        @Override
        public String yamlName() {
            return "grafana-panel";
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
            List.of("http", "promql", "promql-matches", "target-up", "alert-rule", "alertmanager-discovered", "alert-firing",
                    "route-test", "config-valid", "trace", "trace-duration", "file-contains", "log-contains", "postgres-load",
                    "logql", "tempo-trace", "exemplar-trace", "grafana-datasource", "grafana-panel");
}
