package ladder.labs.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import ladder.model.lab.CheckSpec;
import ladder.model.lab.CheckType;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.HttpAction;
import ladder.model.lab.LabDefinition;
import ladder.model.lab.LabDefinitionProblem;
import ladder.model.lab.LabPlaceholders;
import ladder.model.lab.PromQlCondition;
import ladder.model.lab.RelativePath;
import ladder.model.ladder.Rung;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The first job of loading a lab: {@code lab.yaml}'s nodes to records, field by field. Each field's own rules are
 * checked here (required, known, well-formed); what refers to something else in the lab is left to
 * {@link LabCrossReferences}, which gets each record with the place it was read from.
 */
final class LabYamlReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");
    private static final List<String> LAB_FIELDS =
            List.of("id", "title", "summary", "topics", "rung", "time-limit", "components", "checks");

    /** A record with where it was read: its field path ({@code checks[2]}) and its fields, for problems later. */
    record Read<T>(T value, String path, YamlFields fields) {
    }

    /** A lab.yaml as read: the lab's own fields, its components and checks by name and id (first of each only). */
    record ReadLab(YamlFields fields, String id, String title, String summary, List<String> topics, Rung rung,
            Duration timeLimit, Map<String, Read<ComponentSpec>> components, Map<String, Read<CheckSpec>> checks) {
    }

    private final String file;
    private final List<LabDefinitionProblem> problems;

    LabYamlReader(String file, List<LabDefinitionProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    ReadLab read(Node root, @Nullable String folderName) {
        YamlFields lab = YamlFields.of(file, "", root, problems);
        String id = lab.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            lab.problem("id", "'" + id + "' must be lower-case letters, digits and dashes");
        } else if (id != null && folderName != null && !id.equals(folderName)) {
            lab.problem("id", "'" + id + "' must equal the folder name '" + folderName + "'");
        }
        String title = lab.string("title", true);
        String summary = lab.string("summary", true);
        List<String> topics = lab.strings("topics", true);
        if (lab.has("topics") && topics.isEmpty()) {
            lab.problem("topics", "must name at least one topic, e.g. [metrics]");
        }
        String rungText = lab.string("rung", Rung.ABILITY.id());
        Rung rung = Rung.ABILITY;
        try {
            rung = Rung.parse(rungText);
        } catch (IllegalArgumentException e) {
            lab.problem("rung", "'" + rungText + "' is not a rung of the ladder (known: "
                    + Arrays.stream(Rung.values()).map(Rung::id).collect(Collectors.joining(", ")) + ")");
        }
        Duration timeLimit = LabDurations.read(lab, "time-limit", LabDefinition.DEFAULT_TIME_LIMIT);
        if (timeLimit.compareTo(LabDefinition.DEFAULT_TIME_LIMIT) > 0) {
            lab.problem("time-limit", "must be at most " + LabDefinition.DEFAULT_TIME_LIMIT.toMinutes() + "m");
        }

        Map<String, Read<ComponentSpec>> components = new LinkedHashMap<>();
        for (Map.Entry<String, Node> item : lab.items("components", true)) {
            YamlFields fields = lab.child(item.getKey(), item.getValue());
            ComponentSpec component = component(fields);
            if (component == null) {
                continue;
            }
            Read<ComponentSpec> first = components.get(component.name());
            if (first != null) {
                problems.add(new LabDefinitionProblem(file, YamlFields.line(item.getValue()), item.getKey() + ".name",
                        "'" + component.name() + "' is already the name of " + first.path()
                                + "; give each instance its own name"));
            } else {
                components.put(component.name(), new Read<>(component, item.getKey(), fields));
            }
        }
        if (lab.has("components") && components.isEmpty() && problems.isEmpty()) {
            lab.problem("components", "must list at least one component");
        }

        Map<String, ComponentSpec> byName = new LinkedHashMap<>();
        components.forEach((name, read) -> byName.put(name, read.value()));
        Map<String, Read<CheckSpec>> checks = new LinkedHashMap<>();
        for (Map.Entry<String, Node> item : lab.items("checks", true)) {
            YamlFields fields = lab.child(item.getKey(), item.getValue());
            CheckSpec check = check(fields, byName);
            if (check == null) {
                continue;
            }
            Read<CheckSpec> first = checks.get(check.id());
            if (first != null) {
                problems.add(new LabDefinitionProblem(file, YamlFields.line(item.getValue()), item.getKey() + ".id",
                        "'" + check.id() + "' is already the id of " + first.path()));
            } else {
                checks.put(check.id(), new Read<>(check, item.getKey(), fields));
            }
        }
        if (lab.has("checks") && checks.isEmpty() && problems.isEmpty()) {
            lab.problem("checks", "must list at least one check");
        }
        lab.rejectUnknownFields(LAB_FIELDS);
        return new ReadLab(lab, nonNull(id), nonNull(title), nonNull(summary), topics, rung, timeLimit, components,
                checks);
    }

    private @Nullable ComponentSpec component(YamlFields fields) {
        String typeName = fields.string("type", true);
        ComponentKind kind = null;
        if (typeName != null) {
            kind = ComponentKind.fromYamlName(typeName).orElse(null);
            if (kind == null) {
                fields.problem(fields.field("type"), "'" + typeName + "' is not a component this engine can start (known: "
                        + ComponentKind.allYamlNames() + ")");
            }
        }
        String name = fields.string("name", typeName == null ? "" : typeName);
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            fields.problem(fields.field("name"), "'" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        String config = fields.string("config", false);
        if (config != null) {
            checkRelativePath(fields, "config", config);
        }
        List<String> downstream = List.of();
        String zipkin = null;
        String otlp = null;
        List<String> features = List.of();
        List<String> accepted = new ArrayList<>(List.of("type", "name"));
        if (kind == ComponentKind.PROMETHEUS || kind == ComponentKind.ALERTMANAGER || kind == ComponentKind.BLACKBOX_EXPORTER
                || kind == ComponentKind.GRAFANA || kind == ComponentKind.LOKI || kind == ComponentKind.TEMPO
                || kind == ComponentKind.OTEL_COLLECTOR) {
            accepted.add("config");
            if (config == null) {
                fields.problem(fields.field("config"), "is required for " + typeName + ": the workspace path of its configuration file");
            }
        } else if (config != null) {
            fields.problem(fields.field("config"), typeName + " takes no configuration file");
        }
        if (kind == ComponentKind.PROMETHEUS) {
            accepted.add("features");
            features = fields.strings("features", false);
            for (String feature : features) {
                if (!ComponentSpec.PROMETHEUS_FEATURES.contains(feature)) {
                    fields.problem(fields.field("features"), "'" + feature + "' is not a Prometheus feature flag a lab can turn on"
                            + " (known: " + String.join(", ", ComponentSpec.PROMETHEUS_FEATURES) + ")");
                }
            }
        }
        if (kind == ComponentKind.SAMPLE_SERVICE) {
            accepted.addAll(List.of("downstream", "zipkin", "otlp"));
            downstream = fields.strings("downstream", false);
            zipkin = fields.string("zipkin", false);
            otlp = fields.string("otlp", false);
            if (zipkin != null && otlp != null) {
                fields.problem(fields.field("otlp"), "a sample service sends its traces either to zipkin or over otlp to a"
                        + " collector, not both (with otlp, the collector decides where traces go)");
            }
        }
        fields.rejectUnknownFields(accepted);
        if (kind == null || name.isEmpty()) {
            return null;
        }
        return new ComponentSpec(name, kind, config, downstream, zipkin, otlp, features);
    }

    private @Nullable CheckSpec check(YamlFields fields, Map<String, ComponentSpec> components) {
        String id = fields.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            fields.problem(fields.field("id"), "'" + id + "' must be lower-case letters, digits and dashes");
        }
        String typeName = fields.string("type", true);
        String description = fields.string("description", true);
        List<String> hints = hints(fields);
        String answer = fields.string("answer", false);
        Duration timeout = LabDurations.read(fields, "timeout", CheckSpec.DEFAULT_TIMEOUT);
        Duration poll = fields.has("poll") ? LabDurations.read(fields, "poll", Duration.ofSeconds(1)) : null;
        if (poll != null && poll.compareTo(timeout) > 0) {
            fields.problem(fields.field("poll"), "is longer than the timeout (" + LabDurations.format(timeout)
                    + "): the check could poll only once");
        }
        List<String> needs = fields.strings("needs", false);
        List<String> runsAfter = fields.strings("runs-after", false);
        Duration holdsFor = fields.has("holds-for") ? LabDurations.read(fields, "holds-for", Duration.ofSeconds(10)) : null;
        if (holdsFor != null && poll == null) {
            fields.problem(fields.field("holds-for"), "needs a `poll`: the condition is tested attempt after attempt");
        } else if (holdsFor != null && holdsFor.compareTo(timeout) > 0) {
            fields.problem(fields.field("holds-for"), "is longer than the timeout (" + LabDurations.format(timeout)
                    + "): the check could never pass");
        }
        List<HttpAction> before = actions(fields, "before");
        List<HttpAction> after = actions(fields, "after");
        List<String> accepted = new ArrayList<>(List.of("id", "type", "description", "hint", "hints", "answer",
                "timeout", "poll", "needs", "runs-after", "holds-for", "before", "after"));
        CheckType type = null;
        if (typeName != null) {
            type = switch (typeName) {
                case "http" -> {
                    accepted.addAll(List.of("method", "url", "body", "status", "body-contains"));
                    yield new CheckType.HttpProbe(method(fields), nonNull(fields.string("url", true)),
                            fields.string("body", false), status(fields), fields.string("body-contains", false));
                }
                case "promql" -> {
                    accepted.addAll(List.of("prometheus", "query", "condition"));
                    yield promQl(fields, components);
                }
                case "promql-matches" -> {
                    accepted.addAll(List.of("prometheus", "query", "intended", "tolerance"));
                    yield promQlMatches(fields, components);
                }
                case "logql" -> {
                    accepted.addAll(List.of("loki", "query", "condition", "lookback"));
                    yield new CheckType.LogQl(componentOf(fields, "loki", ComponentKind.LOKI, components),
                            nonNull(fields.string("query", true)), condition(fields),
                            LabDurations.read(fields, "lookback", Duration.ofMinutes(5)));
                }
                case "tempo-trace" -> {
                    accepted.addAll(List.of("tempo", "services", "trace-id", "lookback"));
                    List<String> services = fields.strings("services", true);
                    yield new CheckType.TempoTrace(componentOf(fields, "tempo", ComponentKind.TEMPO, components), services,
                            fields.string("trace-id", false), LabDurations.read(fields, "lookback", Duration.ofMinutes(15)));
                }
                case "exemplar-trace" -> {
                    accepted.addAll(List.of("prometheus", "query", "tempo", "lookback"));
                    yield new CheckType.ExemplarTrace(componentOf(fields, "prometheus", ComponentKind.PROMETHEUS, components),
                            nonNull(fields.string("query", true)), componentOf(fields, "tempo", ComponentKind.TEMPO, components),
                            LabDurations.read(fields, "lookback", Duration.ofMinutes(5)));
                }
                case "grafana-datasource" -> {
                    accepted.addAll(List.of("grafana", "datasource"));
                    yield new CheckType.GrafanaDatasource(componentOf(fields, "grafana", ComponentKind.GRAFANA, components),
                            nonNull(fields.string("datasource", true)));
                }
                case "grafana-panel" -> {
                    accepted.addAll(List.of("grafana", "dashboard", "panel", "condition"));
                    yield new CheckType.GrafanaPanel(componentOf(fields, "grafana", ComponentKind.GRAFANA, components),
                            nonNull(fields.string("dashboard", true)), nonNull(fields.string("panel", true)), condition(fields));
                }
                case "postgres-load" -> {
                    accepted.addAll(List.of("database", "connections", "transactions-per-second", "rollback-share", "warm-up",
                            "prometheus", "query", "condition", "intended", "tolerance"));
                    String database = componentOf(fields, "database", ComponentKind.POSTGRES, components);
                    int connections = (int) number(fields, "connections", 1, 1, 1000);
                    double rate = number(fields, "transactions-per-second", 0, 0, 10_000);
                    double rollbackShare = number(fields, "rollback-share", 0, 0, 1);
                    Duration warmUp = LabDurations.read(fields, "warm-up", Duration.ZERO);
                    if (warmUp.compareTo(timeout) >= 0) {
                        fields.problem(fields.field("warm-up"), "is not shorter than the timeout ("
                                + LabDurations.format(timeout) + "): nothing would be graded");
                    }
                    if (fields.has("intended") && fields.has("condition")) {
                        fields.problem(fields.field("condition"), "write `condition` (graded like promql) or `intended` "
                                + "(graded like promql-matches), not both");
                    }
                    yield new CheckType.PostgresLoad(database, connections, rate, rollbackShare, warmUp,
                            fields.has("intended") ? promQlMatches(fields, components) : promQl(fields, components));
                }
                case "alert-rule" -> {
                    accepted.addAll(List.of("prometheus", "alert", "for-at-least", "for-at-most", "labels"));
                    String prometheus = componentOf(fields, "prometheus", ComponentKind.PROMETHEUS, components);
                    Duration atLeast = fields.has("for-at-least") ? LabDurations.read(fields, "for-at-least", Duration.ZERO) : null;
                    Duration atMost = fields.has("for-at-most") ? LabDurations.read(fields, "for-at-most", Duration.ZERO) : null;
                    yield new CheckType.AlertRule(prometheus, nonNull(fields.string("alert", true)), atLeast, atMost,
                            fields.stringMap("labels"));
                }
                case "alertmanager-discovered" -> {
                    accepted.addAll(List.of("prometheus", "alertmanager"));
                    yield new CheckType.AlertmanagerDiscovered(
                            componentOf(fields, "prometheus", ComponentKind.PROMETHEUS, components),
                            componentOf(fields, "alertmanager", ComponentKind.ALERTMANAGER, components));
                }
                case "route-test" -> {
                    accepted.addAll(List.of("alertmanager", "labels", "receiver", "not-receiver"));
                    String alertmanager = componentOf(fields, "alertmanager", ComponentKind.ALERTMANAGER, components);
                    Map<String, String> labels = fields.stringMap("labels");
                    if (labels.isEmpty()) {
                        fields.problem(fields.field("labels"), "must name the labels of the alert to route, e.g. {severity: page}");
                    }
                    String receiver = fields.string("receiver", false);
                    String notReceiver = fields.string("not-receiver", false);
                    if ((receiver == null) == (notReceiver == null)) {
                        fields.problem(fields.field("receiver"), "write exactly one of `receiver` (it must be reached) "
                                + "and `not-receiver` (it must not be)");
                    }
                    yield new CheckType.RouteTest(alertmanager, labels, receiver, notReceiver);
                }
                case "target-up" -> {
                    accepted.addAll(List.of("prometheus", "job"));
                    yield new CheckType.TargetUp(componentOf(fields, "prometheus", ComponentKind.PROMETHEUS, components),
                            nonNull(fields.string("job", true)));
                }
                case "alert-firing" -> {
                    accepted.addAll(List.of("alertmanager", "alert", "labels"));
                    yield new CheckType.AlertFiring(
                            componentOf(fields, "alertmanager", ComponentKind.ALERTMANAGER, components),
                            nonNull(fields.string("alert", true)), fields.stringMap("labels"));
                }
                case "config-valid" -> {
                    accepted.addAll(List.of("file", "tool"));
                    String workspaceFile = nonNull(fields.string("file", true));
                    checkRelativePath(fields, "file", workspaceFile);
                    String toolName = fields.string("tool", true);
                    CheckType.ConfigTool tool = toolName == null ? null : CheckType.ConfigTool.fromYamlName(toolName);
                    if (toolName != null && tool == null) {
                        fields.problem(fields.field("tool"), "'" + toolName
                                + "' is not a validator (known: prometheus-config, prometheus-rules, alertmanager-config)");
                    }
                    yield new CheckType.ConfigValid(workspaceFile, tool == null ? CheckType.ConfigTool.PROMETHEUS_CONFIG : tool);
                }
                case "trace" -> {
                    accepted.addAll(List.of("zipkin", "services", "lookback", "fresh"));
                    String zipkin = componentOf(fields, "zipkin", ComponentKind.ZIPKIN, components);
                    List<String> services = fields.strings("services", true);
                    if (fields.has("services") && services.isEmpty()) {
                        fields.problem(fields.field("services"), "must name at least one service");
                    }
                    Duration fresh = fields.has("fresh") ? LabDurations.read(fields, "fresh", Duration.ofSeconds(2)) : null;
                    yield new CheckType.TracePresent(zipkin, services,
                            LabDurations.read(fields, "lookback", Duration.ofMinutes(15)), fresh);
                }
                case "trace-duration" -> {
                    accepted.addAll(List.of("zipkin", "trace-id", "at-least"));
                    String zipkin = componentOf(fields, "zipkin", ComponentKind.ZIPKIN, components);
                    String traceId = nonNull(fields.string("trace-id", true));
                    if (!fields.has("at-least")) {
                        fields.problem(fields.field("type"), "a trace-duration check needs 'at-least' (e.g. 500ms)");
                    }
                    yield new CheckType.TraceDuration(zipkin, traceId, LabDurations.read(fields, "at-least", Duration.ofMillis(500)));
                }
                case "file-contains" -> {
                    accepted.addAll(List.of("file", "pattern"));
                    String workspaceFile = nonNull(fields.string("file", true));
                    checkRelativePath(fields, "file", workspaceFile);
                    yield new CheckType.FileContains(workspaceFile, regex(fields, "pattern"));
                }
                case "log-contains" -> {
                    accepted.addAll(List.of("component", "pattern"));
                    String component = nonNull(fields.string("component", true));
                    if (!component.isEmpty() && !components.containsKey(component)) {
                        fields.problem(fields.field("component"), "'" + component + "' is not a component of this lab (known: "
                                + String.join(", ", components.keySet()) + ")");
                    }
                    yield new CheckType.LogContains(component, regex(fields, "pattern"));
                }
                default -> {
                    fields.problem(fields.field("type"), "'" + typeName + "' is not a check type (known: "
                            + String.join(", ", CheckType.TYPE_NAMES) + ")");
                    yield null;
                }
            };
        }
        if (type != null) {
            fields.rejectUnknownFields(accepted); // an unknown type's fields cannot be judged
        }
        if (id == null || type == null) {
            return null;
        }
        return new CheckSpec(id, nonNull(description), hints.isEmpty() ? "" : hints.getFirst(), timeout, poll, needs,
                before, after, type, holdsFor, runsAfter, hints.isEmpty() ? List.of() : hints.subList(1, hints.size()),
                answer);
    }

    /**
     * The hint's tiers: {@code hint:} (one tier) or {@code hints:} (a list, first tier first), not both; empty, with
     * a problem recorded, when there is none.
     */
    private static List<String> hints(YamlFields fields) {
        if (fields.has("hint") && fields.has("hints")) {
            fields.problem(fields.field("hints"), "write either `hint` (one text) or `hints` (a list of tiers), not both");
        }
        if (fields.has("hints")) {
            List<String> hints = fields.strings("hints", true);
            if (hints.isEmpty()) {
                fields.problem(fields.field("hints"), "must list at least one hint, the first tier first");
            }
            return hints;
        }
        String hint = fields.string("hint", false);
        if (hint == null) {
            if (!fields.has("hint")) {
                fields.problem(fields.field("hint"), "is required (or `hints`, a list of tiers): what to look at when the check fails");
            }
            return List.of();
        }
        return List.of(hint);
    }

    private List<HttpAction> actions(YamlFields check, String key) {
        List<HttpAction> actions = new ArrayList<>();
        for (Map.Entry<String, Node> item : check.items(key, false)) {
            YamlFields fields = check.child(item.getKey(), item.getValue());
            String method = method(fields);
            String url = nonNull(fields.string("url", true));
            String body = fields.string("body", false);
            int status = status(fields);
            fields.rejectUnknownFields(List.of("method", "url", "body", "status"));
            actions.add(new HttpAction(method, url, body, status));
        }
        return actions;
    }

    private static String method(YamlFields fields) {
        String method = fields.string("method", "GET").toUpperCase(java.util.Locale.ROOT);
        if (!METHODS.contains(method)) {
            fields.problem(fields.field("method"), "'" + method + "' is not an HTTP method (known: GET, POST, PUT, DELETE, PATCH, HEAD)");
        }
        return method;
    }

    private static int status(YamlFields fields) {
        String text = fields.string("status", "200");
        try {
            int status = Integer.parseInt(text);
            if (status >= 100 && status <= 599) {
                return status;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fields.problem(fields.field("status"), "'" + text + "' is not an HTTP status (100 to 599)");
        return 200;
    }

    private static String regex(YamlFields fields, String key) {
        String pattern = nonNull(fields.string(key, true));
        try {
            // capture placeholders are replaced by quoted values before use; test with a stand-in
            Pattern.compile(LabPlaceholders.renderCaptures(pattern, LabCrossReferences.stubCaptures(pattern), Pattern::quote));
        } catch (PatternSyntaxException e) {
            fields.problem(fields.field(key), "is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
        return pattern;
    }

    private static CheckType.PromQl promQl(YamlFields fields, Map<String, ComponentSpec> components) {
        String prometheus = componentOf(fields, "prometheus", ComponentKind.PROMETHEUS, components);
        return new CheckType.PromQl(prometheus, nonNull(fields.string("query", true)), condition(fields));
    }

    /** The {@code condition} of a check whose result is series (promql, logql, grafana-panel); at least one by default. */
    private static PromQlCondition condition(YamlFields fields) {
        String conditionText = fields.string("condition", false);
        PromQlCondition condition = PromQlCondition.AT_LEAST_ONE_SERIES;
        if (conditionText != null) {
            condition = PromQlCondition.parse(conditionText).orElse(null);
            if (condition == null) {
                fields.problem(fields.field("condition"), "'" + conditionText
                        + "' is not a condition; write e.g. 'count >= 1' (number of series) or '> 0' (every value)");
                condition = PromQlCondition.AT_LEAST_ONE_SERIES;
            }
        }
        return condition;
    }

    private static CheckType.PromQlMatches promQlMatches(YamlFields fields, Map<String, ComponentSpec> components) {
        String prometheus = componentOf(fields, "prometheus", ComponentKind.PROMETHEUS, components);
        String toleranceText = fields.string("tolerance", "10%");
        CheckType.Tolerance tolerance = CheckType.Tolerance.parse(toleranceText);
        if (tolerance == null) {
            fields.problem(fields.field("tolerance"), "'" + toleranceText
                    + "' is not a tolerance; write e.g. '10%' (relative) or '0.01' (absolute)");
            tolerance = CheckType.Tolerance.TEN_PERCENT;
        }
        return new CheckType.PromQlMatches(prometheus, nonNull(fields.string("query", true)),
                nonNull(fields.string("intended", true)), tolerance);
    }

    /** A number field within bounds, or the fallback when it is absent. */
    private static double number(YamlFields fields, String key, double fallback, double min, double max) {
        String text = fields.string(key, false);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (value < min || value > max || Double.isNaN(value)) {
                fields.problem(fields.field(key), "'" + text + "' must be between " + formatNumber(min) + " and " + formatNumber(max));
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            fields.problem(fields.field(key), "'" + text + "' is not a number");
            return fallback;
        }
    }

    private static String formatNumber(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The component a check queries: the named one, or the lab's only one of that kind. */
    private static String componentOf(
            YamlFields fields, String key, ComponentKind kind, Map<String, ComponentSpec> components) {
        String name = fields.string(key, false);
        List<String> ofKind = components.values().stream()
                .filter(component -> component.kind() == kind).map(ComponentSpec::name).toList();
        if (name == null) {
            if (ofKind.size() == 1) {
                return ofKind.getFirst();
            }
            fields.problem(fields.field(key), ofKind.isEmpty()
                    ? "the lab has no " + kind.yamlName() + " component for this check"
                    : "is required: the lab has several " + kind.yamlName() + " components (" + String.join(", ", ofKind) + ")");
            return "";
        }
        if (!ofKind.contains(name)) {
            fields.problem(fields.field(key), "'" + name + "' is not a " + kind.yamlName() + " component of this lab"
                    + (ofKind.isEmpty() ? "" : " (known: " + String.join(", ", ofKind) + ")"));
        }
        return name;
    }

    private static void checkRelativePath(YamlFields fields, String key, String path) {
        String problem = RelativePath.problemWith(path);
        if (problem != null) {
            fields.problem(fields.field(key), "'" + path + "' " + problem);
        }
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }
}
