package ladder.labs.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ladder.labs.runtime.WorkspacePaths;
import ladder.model.lab.CheckSpec;
import ladder.model.lab.CheckType;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.HttpAction;
import ladder.model.lab.InvalidLabException;
import ladder.model.lab.LabDefinition;
import ladder.model.lab.LabDefinitionProblem;
import ladder.model.ladder.Rung;
import ladder.model.lab.LabPlaceholders;
import ladder.model.lab.PromQlCondition;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a lab folder and validates it completely: {@code lab.yaml} (every field, cross references
 * between checks and components, {@code needs} cycles), {@code instructions.md}, {@code files/} and
 * {@code solution/} (paths stay inside, placeholders name known components). Every problem names the
 * file, the line and the field.
 */
public final class LabDefinitionLoader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");
    private static final List<String> LAB_FIELDS =
            List.of("id", "title", "summary", "topics", "rung", "time-limit", "components", "checks");
    private static final long MAX_YAML_BYTES = 256 * 1024;

    /** Loads {@code <directory>/lab.yaml} and checks the folder around it. */
    public LabFolder load(Path directory) {
        Path yamlFile = directory.resolve(LabFolder.DEFINITION_FILE);
        String file = yamlFile.toString();
        List<LabDefinitionProblem> problems = new ArrayList<>();
        if (!Files.isRegularFile(yamlFile)) {
            throw new InvalidLabException(List.of(new LabDefinitionProblem(
                    file, 0, "(file)", Files.isDirectory(directory) ? "is missing" : "the folder " + directory + " does not exist")));
        }
        Node root;
        try {
            if (Files.size(yamlFile) > MAX_YAML_BYTES) {
                throw new InvalidLabException(List.of(new LabDefinitionProblem(
                        file, 0, "(file)", "is larger than " + MAX_YAML_BYTES / 1024 + " KiB")));
            }
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported by YamlFields with the line, not thrown
            options.setMaxAliasesForCollections(20);
            try (Reader reader = Files.newBufferedReader(yamlFile, StandardCharsets.UTF_8)) {
                root = new Yaml(options).compose(reader);
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidLabException(List.of(new LabDefinitionProblem(
                    file, line, "(syntax)", "is not valid YAML: " + e.getProblem())));
        } catch (YAMLException | IOException e) {
            throw new InvalidLabException(List.of(new LabDefinitionProblem(
                    file, 0, "(file)", "cannot be read: " + e.getMessage())));
        }
        if (root == null) {
            throw new InvalidLabException(List.of(new LabDefinitionProblem(file, 0, "(document)", "is empty")));
        }
        LabDefinition definition = parse(file, root, directory, problems);
        checkFolder(directory, definition, problems);
        List<LabTestCase> cases = testCases(directory, definition, problems);
        if (!problems.isEmpty()) {
            throw new InvalidLabException(problems);
        }
        return new LabFolder(directory, definition, cases);
    }

    /** Reads {@code tests/<case>/case.yaml} of every case folder, in name order. */
    private List<LabTestCase> testCases(Path directory, LabDefinition definition, List<LabDefinitionProblem> problems) {
        Path tests = directory.resolve(LabFolder.TESTS_DIR);
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(tests)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            problems.add(new LabDefinitionProblem(tests.toString(), 0, "(folder)", "cannot be read: " + e.getMessage()));
            return List.of();
        }
        Set<String> componentNames = new HashSet<>();
        definition.components().forEach(component -> componentNames.add(component.name()));
        List<String> checkIds = definition.checks().stream().map(CheckSpec::id).toList();
        List<LabTestCase> cases = new ArrayList<>();
        for (Path folder : folders) {
            Path caseFile = folder.resolve(LabTestCase.CASE_FILE);
            String file = caseFile.toString();
            if (!Files.isRegularFile(caseFile)) {
                problems.add(new LabDefinitionProblem(file, 0, "(file)", "is missing: a case says whether it passes or which checks it fails"));
                continue;
            }
            Node node;
            try (Reader reader = Files.newBufferedReader(caseFile, StandardCharsets.UTF_8)) {
                node = new Yaml(new LoaderOptions()).compose(reader);
            } catch (YAMLException | IOException e) {
                problems.add(new LabDefinitionProblem(file, 0, "(syntax)", "is not valid YAML: " + e.getMessage()));
                continue;
            }
            if (node == null) {
                problems.add(new LabDefinitionProblem(file, 0, "(document)", "is empty"));
                continue;
            }
            YamlFields fields = YamlFields.of(file, "", node, problems);
            String description = nonNull(fields.string("description", true));
            String base = fields.string("base", "files");
            if (!base.equals("files") && !base.equals("solution")) {
                fields.problem(fields.field("base"), "'" + base + "' must be `files` (the starting files) or `solution`");
            }
            String expect = fields.string("expect", true);
            if (expect != null && !expect.equals("pass") && !expect.equals("fail")) {
                fields.problem(fields.field("expect"), "'" + expect + "' must be `pass` or `fail`");
            }
            List<String> fails = fields.strings("fails", false);
            List<String> mayFail = fields.strings("may-fail", false);
            Map<String, String> says = fields.stringMap("says");
            boolean passes = "pass".equals(expect);
            if (passes && (!fails.isEmpty() || !says.isEmpty())) {
                fields.problem(fields.field("fails"), "a case that passes fails no check: drop `fails` and `says`");
            }
            if (!passes && expect != null && fails.isEmpty()) {
                fields.problem(fields.field("fails"), "must name the checks this mistake fails");
            }
            for (String id : mayFail) {
                if (!checkIds.contains(id)) {
                    fields.problem(fields.field("may-fail"), "'" + id + "' is not a check of this lab");
                }
            }
            for (String id : fails) {
                if (!checkIds.contains(id)) {
                    fields.problem(fields.field("fails"), "'" + id + "' is not a check of this lab (known: " + String.join(", ", checkIds) + ")");
                }
            }
            for (String id : says.keySet()) {
                if (!fails.contains(id)) {
                    fields.problem(fields.field("says"), "'" + id + "' is not among the checks in `fails`");
                }
            }
            fields.rejectUnknownFields(List.of("description", "base", "expect", "fails", "may-fail", "says"));
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path path : walk.toList()) {
                    if (Files.isSymbolicLink(path)) {
                        problems.add(new LabDefinitionProblem(path.toString(), 0, "(file)", "is a symbolic link; lab files must be plain files"));
                    } else if (Files.isRegularFile(path) && !path.equals(caseFile)) {
                        checkPlaceholders(path, componentNames, problems);
                    }
                }
            } catch (IOException e) {
                problems.add(new LabDefinitionProblem(folder.toString(), 0, "(folder)", "cannot be read: " + e.getMessage()));
            }
            cases.add(new LabTestCase(folder.getFileName().toString(), folder, description, base.equals("solution"),
                    passes, fails, mayFail, says));
        }
        return cases;
    }

    private LabDefinition parse(String file, Node root, Path directory, List<LabDefinitionProblem> problems) {
        YamlFields lab = YamlFields.of(file, "", root, problems);
        String id = lab.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            lab.problem("id", "'" + id + "' must be lower-case letters, digits and dashes");
        } else if (id != null && directory.getFileName() != null && !id.equals(directory.getFileName().toString())) {
            lab.problem("id", "'" + id + "' must equal the folder name '" + directory.getFileName() + "'");
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
        Duration timeLimit = duration(lab, "time-limit", LabDefinition.DEFAULT_TIME_LIMIT);
        if (timeLimit.compareTo(LabDefinition.DEFAULT_TIME_LIMIT) > 0) {
            lab.problem("time-limit", "must be at most " + LabDefinition.DEFAULT_TIME_LIMIT.toMinutes() + "m");
        }

        List<ComponentSpec> components = new ArrayList<>();
        Map<String, String> componentPaths = new HashMap<>();
        Map<String, YamlFields> componentFields = new HashMap<>();
        for (Map.Entry<String, Node> item : lab.items("components", true)) {
            YamlFields fields = lab.child(item.getKey(), item.getValue());
            ComponentSpec component = component(fields);
            if (component == null) {
                continue;
            }
            if (componentPaths.containsKey(component.name())) {
                problems.add(new LabDefinitionProblem(file, YamlFields.line(item.getValue()), item.getKey() + ".name",
                        "'" + component.name() + "' is already the name of " + componentPaths.get(component.name())
                                + "; give each instance its own name"));
            } else {
                componentPaths.put(component.name(), item.getKey());
                componentFields.put(component.name(), fields);
                components.add(component);
            }
        }
        if (lab.has("components") && components.isEmpty() && problems.isEmpty()) {
            lab.problem("components", "must list at least one component");
        }
        Map<String, ComponentSpec> byName = new LinkedHashMap<>();
        components.forEach(component -> byName.put(component.name(), component));
        long databases = components.stream().filter(component -> component.kind() == ComponentKind.POSTGRES).count();
        for (ComponentSpec component : components) {
            if (component.kind() == ComponentKind.POSTGRES_EXPORTER && databases != 1) {
                componentFields.get(component.name()).problem(componentFields.get(component.name()).field("type"),
                        "postgres-exporter reads the lab's postgres component: the lab needs exactly one (it has " + databases + ")");
            }
        }
        for (ComponentSpec component : components) {
            String path = componentPaths.get(component.name());
            YamlFields fields = componentFields.get(component.name());
            for (String downstream : component.downstream()) {
                ComponentSpec target = byName.get(downstream);
                if (target == null || target.kind() != ComponentKind.SAMPLE_SERVICE) {
                    fields.problem(path + ".downstream", "'" + downstream + "' is not a sample-service component of this lab");
                } else if (downstream.equals(component.name())) {
                    fields.problem(path + ".downstream", "'" + downstream + "' is the service itself");
                }
            }
            if (component.zipkin() != null) {
                ComponentSpec target = byName.get(component.zipkin());
                if (target == null || target.kind() != ComponentKind.ZIPKIN) {
                    fields.problem(path + ".zipkin", "'" + component.zipkin() + "' is not a zipkin component of this lab");
                }
            }
        }

        List<CheckSpec> checks = new ArrayList<>();
        Map<String, String> checkPaths = new LinkedHashMap<>();
        Map<String, YamlFields> checkFields = new HashMap<>();
        for (Map.Entry<String, Node> item : lab.items("checks", true)) {
            YamlFields fields = lab.child(item.getKey(), item.getValue());
            CheckSpec check = check(fields, byName);
            if (check == null) {
                continue;
            }
            if (checkPaths.containsKey(check.id())) {
                problems.add(new LabDefinitionProblem(file, YamlFields.line(item.getValue()), item.getKey() + ".id",
                        "'" + check.id() + "' is already the id of " + checkPaths.get(check.id())));
            } else {
                checkPaths.put(check.id(), item.getKey());
                checkFields.put(check.id(), fields);
                checks.add(check);
            }
        }
        if (lab.has("checks") && checks.isEmpty() && problems.isEmpty()) {
            lab.problem("checks", "must list at least one check");
        }
        checkNeeds(checks, checkPaths, checkFields, byName);
        lab.rejectUnknownFields(LAB_FIELDS);
        return new LabDefinition(
                id == null ? "" : id,
                title == null ? "" : title,
                summary == null ? "" : summary,
                topics,
                rung,
                timeLimit,
                components,
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
        if (kind == ComponentKind.SAMPLE_SERVICE) {
            accepted.addAll(List.of("downstream", "zipkin"));
            downstream = fields.strings("downstream", false);
            zipkin = fields.string("zipkin", false);
        }
        fields.rejectUnknownFields(accepted);
        if (kind == null || name.isEmpty()) {
            return null;
        }
        return new ComponentSpec(name, kind, config, downstream, zipkin);
    }

    private @Nullable CheckSpec check(YamlFields fields, Map<String, ComponentSpec> components) {
        String id = fields.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            fields.problem(fields.field("id"), "'" + id + "' must be lower-case letters, digits and dashes");
        }
        String typeName = fields.string("type", true);
        String description = fields.string("description", true);
        String hint = fields.string("hint", true);
        Duration timeout = duration(fields, "timeout", CheckSpec.DEFAULT_TIMEOUT);
        Duration poll = fields.has("poll") ? duration(fields, "poll", Duration.ofSeconds(1)) : null;
        if (poll != null && poll.compareTo(timeout) > 0) {
            fields.problem(fields.field("poll"), "is longer than the timeout (" + format(timeout) + "): the check could poll only once");
        }
        List<String> needs = fields.strings("needs", false);
        List<String> runsAfter = fields.strings("runs-after", false);
        Duration holdsFor = fields.has("holds-for") ? duration(fields, "holds-for", Duration.ofSeconds(10)) : null;
        if (holdsFor != null && poll == null) {
            fields.problem(fields.field("holds-for"), "needs a `poll`: the condition is tested attempt after attempt");
        } else if (holdsFor != null && holdsFor.compareTo(timeout) > 0) {
            fields.problem(fields.field("holds-for"), "is longer than the timeout (" + format(timeout) + "): the check could never pass");
        }
        List<HttpAction> before = actions(fields, "before");
        List<HttpAction> after = actions(fields, "after");
        List<String> accepted = new ArrayList<>(List.of(
                "id", "type", "description", "hint", "timeout", "poll", "needs", "runs-after", "holds-for", "before", "after"));
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
                            nonNull(fields.string("query", true)), condition(fields), duration(fields, "lookback", Duration.ofMinutes(5)));
                }
                case "tempo-trace" -> {
                    accepted.addAll(List.of("tempo", "services", "trace-id", "lookback"));
                    List<String> services = fields.strings("services", true);
                    yield new CheckType.TempoTrace(componentOf(fields, "tempo", ComponentKind.TEMPO, components), services,
                            fields.string("trace-id", false), duration(fields, "lookback", Duration.ofMinutes(15)));
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
                    Duration warmUp = duration(fields, "warm-up", Duration.ZERO);
                    if (warmUp.compareTo(timeout) >= 0) {
                        fields.problem(fields.field("warm-up"), "is not shorter than the timeout (" + format(timeout) + "): nothing would be graded");
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
                    Duration atLeast = fields.has("for-at-least") ? duration(fields, "for-at-least", Duration.ZERO) : null;
                    Duration atMost = fields.has("for-at-most") ? duration(fields, "for-at-most", Duration.ZERO) : null;
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
                    Duration fresh = fields.has("fresh") ? duration(fields, "fresh", Duration.ofSeconds(2)) : null;
                    yield new CheckType.TracePresent(zipkin, services, duration(fields, "lookback", Duration.ofMinutes(15)), fresh);
                }
                case "trace-duration" -> {
                    accepted.addAll(List.of("zipkin", "trace-id", "at-least"));
                    String zipkin = componentOf(fields, "zipkin", ComponentKind.ZIPKIN, components);
                    String traceId = nonNull(fields.string("trace-id", true));
                    if (!fields.has("at-least")) {
                        fields.problem(fields.field("type"), "a trace-duration check needs 'at-least' (e.g. 500ms)");
                    }
                    yield new CheckType.TraceDuration(zipkin, traceId, duration(fields, "at-least", Duration.ofMillis(500)));
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
        return new CheckSpec(id, nonNull(description), nonNull(hint), timeout, poll, needs, before, after, type,
                holdsFor, runsAfter);
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
            Pattern.compile(LabPlaceholders.renderCaptures(pattern, stubCaptures(pattern), Pattern::quote));
        } catch (PatternSyntaxException e) {
            fields.problem(fields.field(key), "is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
        return pattern;
    }

    /** Renders a template with stand-in values, to judge its shape. */
    private static String stubRender(String template) {
        Map<String, Integer> ports = new HashMap<>();
        LabPlaceholders.componentReferences(template).forEach(reference -> ports.put(reference.component(), 1));
        return LabPlaceholders.renderCaptures(LabPlaceholders.renderComponents(template, ports), stubCaptures(template), v -> v);
    }

    private static Map<String, String> stubCaptures(String text) {
        Map<String, String> stub = new HashMap<>();
        LabPlaceholders.captureReferences(text).forEach(name -> stub.put(name, "x"));
        return stub;
    }

    /** The component a check queries: the named one, or the lab's only one of that kind. */
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
        String problem = WorkspacePaths.problemWith(path);
        if (problem != null) {
            fields.problem(fields.field(key), "'" + path + "' " + problem);
        }
    }

    private void checkNeeds(List<CheckSpec> checks, Map<String, String> paths, Map<String, YamlFields> fieldsById,
            Map<String, ComponentSpec> components) {
        Map<String, CheckSpec> byId = new LinkedHashMap<>();
        checks.forEach(check -> byId.put(check.id(), check));
        for (CheckSpec check : checks) {
            for (String need : check.needs()) {
                if (need.equals(check.id())) {
                    fieldsById.get(check.id()).problem(paths.get(check.id()) + ".needs", "'" + need + "' is the check itself");
                } else if (!byId.containsKey(need)) {
                    fieldsById.get(check.id()).problem(paths.get(check.id()) + ".needs",
                            "'" + need + "' is not the id of a check in this lab (known: " + String.join(", ", byId.keySet()) + ")");
                }
            }
        }
        for (CheckSpec check : checks) {
            for (String other : check.runsAfter()) {
                if (other.equals(check.id()) || !byId.containsKey(other)) {
                    fieldsById.get(check.id()).problem(paths.get(check.id()) + ".runs-after", "'" + other
                            + "' is " + (other.equals(check.id()) ? "the check itself" : "not the id of a check in this lab (known: "
                            + String.join(", ", byId.keySet()) + ")"));
                }
            }
        }
        List<String> cycle = findCycle(byId);
        if (!cycle.isEmpty()) {
            fieldsById.get(cycle.getFirst()).problem(paths.get(cycle.getFirst()) + ".needs",
                    "checks need each other in a circle: " + String.join(" -> ", cycle));
            return;
        }
        for (CheckSpec check : checks) {
            Set<String> available = new HashSet<>();
            for (String need : transitiveNeeds(check, byId)) {
                available.addAll(captures(byId.get(need).type()));
            }
            for (Map.Entry<String, String> template : templates(check).entrySet()) {
                String field = paths.get(check.id()) + "." + template.getKey();
                if (template.getKey().endsWith("url") && !LoopbackUrls.isLoopback(stubRender(template.getValue()))) {
                    fieldsById.get(check.id()).problem(field, "'" + template.getValue()
                            + "' must point at a component of the lab (${url:NAME}/...) or at http://127.0.0.1");
                }
                for (LabPlaceholders.Reference reference : LabPlaceholders.componentReferences(template.getValue())) {
                    if (!components.containsKey(reference.component())) {
                        fieldsById.get(check.id()).problem(field, "placeholder ${" + reference.kind()
                                + ":" + reference.component() + "} names no component of this lab (known: "
                                + String.join(", ", components.keySet()) + ")");
                    }
                }
                for (String capture : LabPlaceholders.captureReferences(template.getValue())) {
                    if (!available.contains(capture)) {
                        fieldsById.get(check.id()).problem(field, "placeholder ${" + capture
                                + "} is captured by no check this one needs (a 'trace' check captures ${traceId}, a 'file-contains'"
                                + " check its pattern's named groups)");
                    }
                }
            }
        }
    }

    /** The values a check of this type captures for the checks that need it. */
    private static Set<String> captures(CheckType type) {
        return switch (type) {
            case CheckType.TracePresent trace -> Set.of("traceId");
            case CheckType.LogQl logs -> Set.of("traceId");
            case CheckType.TempoTrace trace -> Set.of("traceId");
            case CheckType.FileContains file -> {
                try {
                    yield Pattern.compile(file.pattern()).namedGroups().keySet();
                } catch (PatternSyntaxException e) {
                    yield Set.of(); // reported where the pattern is read
                }
            }
            default -> Set.of();
        };
    }

    /** The texts of a check in which placeholders are replaced, by field name. */
    private static Map<String, String> templates(CheckSpec check) {
        Map<String, String> templates = new LinkedHashMap<>();
        switch (check.type()) {
            case CheckType.HttpProbe probe -> {
                templates.put("url", probe.url());
                if (probe.body() != null) {
                    templates.put("body", probe.body());
                }
                if (probe.bodyContains() != null) {
                    templates.put("body-contains", probe.bodyContains());
                }
            }
            case CheckType.LogContains log -> templates.put("pattern", log.pattern());
            case CheckType.TraceDuration duration -> templates.put("trace-id", duration.traceId());
            case CheckType.PromQl promQl -> templates.put("query", promQl.query());
            case CheckType.PromQlMatches matches -> {
                templates.put("query", matches.query());
                templates.put("intended", matches.intended());
            }
            case CheckType.LogQl logQl -> templates.put("query", logQl.query());
            case CheckType.TempoTrace trace -> {
                if (trace.traceId() != null) {
                    templates.put("trace-id", trace.traceId());
                }
            }
            case CheckType.PostgresLoad load -> {
                if (load.grading() instanceof CheckType.PromQl promQl) {
                    templates.put("query", promQl.query());
                } else if (load.grading() instanceof CheckType.PromQlMatches matches) {
                    templates.put("query", matches.query());
                    templates.put("intended", matches.intended());
                }
            }
            default -> { }
        }
        for (int i = 0; i < check.before().size(); i++) {
            templates.put("before[" + i + "].url", check.before().get(i).url());
            if (check.before().get(i).body() != null) {
                templates.put("before[" + i + "].body", check.before().get(i).body());
            }
        }
        for (int i = 0; i < check.after().size(); i++) {
            templates.put("after[" + i + "].url", check.after().get(i).url());
            if (check.after().get(i).body() != null) {
                templates.put("after[" + i + "].body", check.after().get(i).body());
            }
        }
        return templates;
    }

    static Set<String> transitiveNeeds(CheckSpec check, Map<String, CheckSpec> byId) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(check.needs());
        while (!toVisit.isEmpty()) {
            String id = toVisit.pop();
            CheckSpec need = byId.get(id);
            if (need != null && seen.add(id)) {
                toVisit.addAll(need.needs());
            }
        }
        return seen;
    }

    private static List<String> findCycle(Map<String, CheckSpec> byId) {
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
        for (String start : byId.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = visit(start, byId, state, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String id, Map<String, CheckSpec> byId, Map<String, Integer> state, List<String> path) {
        Integer current = state.get(id);
        if (current != null && current == 2) {
            return List.of();
        }
        if (current != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return cycle;
        }
        state.put(id, 1);
        path.add(id);
        List<String> before = new ArrayList<>(byId.get(id).needs());
        before.addAll(byId.get(id).runsAfter());
        for (String need : before) {
            if (byId.containsKey(need) && !need.equals(id)) {
                List<String> cycle = visit(need, byId, state, path);
                if (!cycle.isEmpty()) {
                    return cycle;
                }
            }
        }
        path.removeLast();
        state.put(id, 2);
        return List.of();
    }

    private void checkFolder(Path directory, LabDefinition definition, List<LabDefinitionProblem> problems) {
        if (!Files.isRegularFile(directory.resolve(LabFolder.INSTRUCTIONS_FILE))) {
            problems.add(new LabDefinitionProblem(directory.resolve(LabFolder.INSTRUCTIONS_FILE).toString(), 0, "(file)",
                    "is missing: every lab tells the learner what to do"));
        }
        Path files = directory.resolve(LabFolder.FILES_DIR);
        Set<String> names = new HashSet<>();
        definition.components().forEach(component -> names.add(component.name()));
        for (Path tree : List.of(files, directory.resolve(LabFolder.SOLUTION_DIR))) {
            if (!Files.isDirectory(tree)) {
                if (tree.equals(files)) {
                    problems.add(new LabDefinitionProblem(tree.toString(), 0, "(folder)", "is missing: the learner's starting workspace"));
                }
                continue;
            }
            try (Stream<Path> walk = Files.walk(tree)) {
                for (Path path : walk.toList()) {
                    if (Files.isSymbolicLink(path)) {
                        problems.add(new LabDefinitionProblem(path.toString(), 0, "(file)",
                                "is a symbolic link; lab files must be plain files"));
                    } else if (Files.isRegularFile(path)) {
                        checkPlaceholders(path, names, problems);
                    }
                }
            } catch (IOException e) {
                problems.add(new LabDefinitionProblem(tree.toString(), 0, "(folder)", "cannot be read: " + e.getMessage()));
            }
        }
        for (ComponentSpec component : definition.components()) {
            // Grafana's configuration is its provisioning folder; every other kind's is one file
            boolean folder = component.kind() == ComponentKind.GRAFANA;
            if (component.config() != null && WorkspacePaths.problemWith(component.config()) == null
                    && !(folder ? Files.isDirectory(files.resolve(component.config())) : Files.isRegularFile(files.resolve(component.config())))) {
                problems.add(new LabDefinitionProblem(directory.resolve(LabFolder.DEFINITION_FILE).toString(), 0,
                        "components." + component.name() + ".config",
                        "'" + component.config() + "' is not a " + (folder ? "folder" : "file") + " in " + files));
            }
        }
    }

    private static void checkPlaceholders(Path path, Set<String> components, List<LabDefinitionProblem> problems) {
        String text;
        try {
            if (Files.size(path) > 1024 * 1024) {
                return;
            }
            text = Files.readString(path);
        } catch (MalformedInputException e) {
            return; // not text: copied as it is, never rendered
        } catch (IOException e) {
            problems.add(new LabDefinitionProblem(path.toString(), 0, "(file)", "cannot be read: " + e.getMessage()));
            return;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (LabPlaceholders.Reference reference : LabPlaceholders.componentReferences(lines[i])) {
                if (!components.contains(reference.component())) {
                    problems.add(new LabDefinitionProblem(path.toString(), i + 1, "${" + reference.kind() + ":" + reference.component() + "}",
                            "names no component of this lab (known: " + String.join(", ", components.stream().sorted().toList()) + ")"));
                }
            }
        }
    }

    private static Duration duration(YamlFields fields, String key, Duration fallback) {
        String text = fields.string(key, false);
        if (text == null) {
            return fallback;
        }
        Duration parsed = parseDuration(text);
        if (parsed == null || parsed.isZero()) {
            fields.problem(fields.field(key), "'" + text + "' is not a duration; write e.g. 500ms, 30s, 5m or 1h");
            return fallback;
        }
        return parsed;
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1m30s}; null when it is not one. */
    public static @Nullable Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                return null;
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            end = matcher.end();
        }
        return end == text.trim().length() && end > 0 ? total : null;
    }

    /** Formats a duration as lab.yaml writes it. */
    public static String format(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }
}
