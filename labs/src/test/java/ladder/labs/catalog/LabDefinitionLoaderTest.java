package ladder.labs.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import ladder.labs.TestLabs;
import ladder.model.lab.CheckType;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.InvalidLabException;
import ladder.model.lab.LabDefinition;
import ladder.model.lab.LabDefinitionProblem;
import ladder.model.ladder.Rung;
import ladder.model.lab.PromQlCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabDefinitionLoaderTest {

    private final LabDefinitionLoader loader = new LabDefinitionLoader();

    @TempDir
    Path temp;

    private static final String HEAD = """
            id: node-basics
            title: Scrape host metrics
            summary: Add a scrape job.
            topics: [metrics]
            components:
              - type: prometheus
                config: prometheus.yml
              - type: node-exporter
            """;

    private static final String CHECK = """
              - id: up
                type: target-up
                description: node is scraped
                hint: add the job
                job: node
            """;

    @Test
    void the_test_lab_loads_with_every_field() {
        LabDefinition lab = loader.load(TestLabs.nodeBasics()).definition();

        assertThat(lab.id()).isEqualTo("node-basics");
        assertThat(lab.topics()).containsExactly("metrics", "linux");
        assertThat(lab.rung()).isEqualTo(Rung.ABILITY);
        assertThat(lab.timeLimit()).isEqualTo(Duration.ofMinutes(5));
        assertThat(lab.components()).extracting(c -> c.name() + ":" + c.kind())
                .containsExactly("prometheus:PROMETHEUS", "node-exporter:NODE_EXPORTER");
        assertThat(lab.check("node-scraped").orElseThrow().type())
                .isEqualTo(new CheckType.TargetUp("prometheus", "node"));
        assertThat(lab.check("node-scraped").orElseThrow().needs()).containsExactly("config-valid");
        assertThat(lab.check("node-scraped").orElseThrow().poll()).isEqualTo(Duration.ofMillis(500));
        assertThat(lab.check("cpu-rule").orElseThrow().type()).isEqualTo(new CheckType.PromQl(
                "prometheus", "instance:node_cpus:count", PromQlCondition.parse("> 0").orElseThrow()));
    }

    @Test
    void sample_services_with_downstream_and_zipkin_load() throws IOException {
        Path folder = TestLabs.copyOfNodeBasics(temp);
        // this lab has no prometheus: its files must not name one
        Files.delete(folder.resolve("files/prometheus.yml"));
        Files.delete(folder.resolve("solution/prometheus.yml"));
        LabDefinition lab = loadYaml("""
                id: node-basics
                title: t
                summary: s
                topics: [tracing]
                components:
                  - {type: zipkin}
                  - {type: sample-service, name: frontend, downstream: [backend], zipkin: zipkin}
                  - {type: sample-service, name: backend, zipkin: zipkin}
                checks:
                  - id: spans
                    type: trace
                    description: d
                    hint: h
                    services: [frontend, backend]
                  - id: log
                    type: log-contains
                    description: d
                    hint: h
                    component: backend
                    pattern: "traceId=${traceId}"
                    needs: spans
                """).definition();

        assertThat(lab.component("frontend").orElseThrow().downstream()).containsExactly("backend");
        assertThat(lab.component("frontend").orElseThrow().kind()).isEqualTo(ComponentKind.SAMPLE_SERVICE);
        assertThat(lab.check("spans").orElseThrow().type())
                .isEqualTo(new CheckType.TracePresent("zipkin", java.util.List.of("frontend", "backend"), Duration.ofMinutes(15)));
    }

    @Test
    void a_sample_service_over_otlp_prometheus_features_and_an_exemplar_trace_check_load() throws IOException {
        TestLabs.copyOfNodeBasics(temp);
        LabDefinition lab = loadYaml("""
                id: node-basics
                title: t
                summary: s
                topics: [metrics, tracing]
                components:
                  - {type: prometheus, config: prometheus.yml, features: [exemplar-storage]}
                  - {type: node-exporter}
                  - {type: tempo, config: prometheus.yml}
                  - {type: otel-collector, name: collector, config: prometheus.yml}
                  - {type: sample-service, name: shop, otlp: collector}
                checks:
                  - id: exemplar
                    type: exemplar-trace
                    description: d
                    hint: h
                    query: 'http_server_requests_seconds_bucket{service="shop"}'
                """).definition();

        assertThat(lab.component("shop").orElseThrow().otlp()).isEqualTo("collector");
        assertThat(lab.component("shop").orElseThrow().zipkin()).isNull();
        assertThat(lab.component("prometheus").orElseThrow().features()).containsExactly("exemplar-storage");
        assertThat(lab.check("exemplar").orElseThrow().type()).isEqualTo(new CheckType.ExemplarTrace("prometheus",
                "http_server_requests_seconds_bucket{service=\"shop\"}", "tempo", Duration.ofMinutes(5)));
    }

    @Test
    void an_answer_captured_by_a_file_contains_group_feeds_trace_duration_and_log_contains() throws IOException {
        Path folder = TestLabs.copyOfNodeBasics(temp);
        Files.delete(folder.resolve("files/prometheus.yml"));
        Files.delete(folder.resolve("solution/prometheus.yml"));
        LabDefinition lab = loadYaml("""
                id: node-basics
                title: t
                summary: s
                topics: [tracing]
                components:
                  - {type: zipkin}
                  - {type: sample-service, name: frontend}
                checks:
                  - id: answer
                    type: file-contains
                    description: d
                    hint: h
                    file: answer.yaml
                    pattern: 'trace:\\s*(?<traceId>[0-9a-f]{32})[\\s\\S]*cause:\\s*(?<cause>\\S+)'
                  - id: slow
                    type: trace-duration
                    description: d
                    hint: h
                    trace-id: ${traceId}
                    at-least: 500ms
                    needs: [answer]
                  - id: logged
                    type: log-contains
                    description: d
                    hint: h
                    component: frontend
                    pattern: "traceId=${traceId} .* cause=${cause}$"
                    needs: [answer]
                """).definition();

        assertThat(lab.check("slow").orElseThrow().type())
                .isEqualTo(new CheckType.TraceDuration("zipkin", "${traceId}", Duration.ofMillis(500)));
    }

    static Stream<Arguments> badLabs() {
        return Stream.of(
                Arguments.of("missing id", HEAD.replace("id: node-basics\n", "") + "checks:\n" + CHECK, 1, "id", "is required"),
                Arguments.of("id not the folder", HEAD.replace("id: node-basics", "id: other") + "checks:\n" + CHECK, 1, "id",
                        "must equal the folder name 'node-basics'"),
                Arguments.of("not yaml", "id: [unclosed\ntitle: x\n", 2, "(syntax)", "is not valid YAML"),
                Arguments.of("not a mapping", "- just\n- a list\n", 1, "(document)", "must be a mapping of fields, found a list"),
                Arguments.of("unknown field", HEAD + "timelimit: 5m\nchecks:\n" + CHECK, 9, "timelimit",
                        "is not a known field here (known: id, title, summary, topics, rung, time-limit, components, checks)"),
                Arguments.of("bad duration", HEAD + "time-limit: five minutes\nchecks:\n" + CHECK, 9, "time-limit",
                        "'five minutes' is not a duration; write e.g. 500ms, 30s, 5m or 1h"),
                Arguments.of("time limit too long", HEAD + "time-limit: 2h\nchecks:\n" + CHECK, 9, "time-limit", "must be at most 60m"),
                Arguments.of("unknown rung", HEAD + "rung: wizard\nchecks:\n" + CHECK, 9, "rung", "'wizard' is not a rung of the ladder"),
                Arguments.of("a rung of no ladder of ours", HEAD + "rung: mastery\nchecks:\n" + CHECK, 9, "rung",
                        "'mastery' is not a rung of the ladder (known: symbols, data, information, knowledge, ability, action, competence, competitiveness)"),
                Arguments.of("unknown component", HEAD.replace("type: node-exporter", "type: kibana") + "checks:\n" + CHECK, 8,
                        "components[1].type", "'kibana' is not a component this engine can start (known: prometheus, alertmanager"),
                Arguments.of("prometheus without config", HEAD.replace("    config: prometheus.yml\n", "") + "checks:\n" + CHECK, 6,
                        "components[0].config", "is required for prometheus"),
                Arguments.of("component argument injection", HEAD.replace("  - type: node-exporter", "  - type: node-exporter\n    args: [--web.listen-address=0.0.0.0:80]")
                        + "checks:\n" + CHECK, 9, "components[1].args", "is not a known field here (known: type, name)"),
                Arguments.of("config outside the workspace", HEAD.replace("config: prometheus.yml", "config: ../../etc/prometheus.yml")
                        + "checks:\n" + CHECK, 7, "components[0].config", "leaves the workspace with '..'"),
                Arguments.of("absolute config", HEAD.replace("config: prometheus.yml", "config: /etc/prometheus/prometheus.yml")
                        + "checks:\n" + CHECK, 7, "components[0].config", "is an absolute path"),
                Arguments.of("config not in files", HEAD.replace("config: prometheus.yml", "config: prom.yml") + "checks:\n" + CHECK, 0,
                        "components.prometheus.config", "'prom.yml' is not a file in"),
                Arguments.of("duplicate component name", HEAD + "  - type: node-exporter\nchecks:\n" + CHECK, 9,
                        "components[2].name", "'node-exporter' is already the name of components[1]"),
                Arguments.of("no checks", HEAD, 1, "checks", "is required"),
                Arguments.of("unknown check type", HEAD + "checks:\n" + CHECK.replace("type: target-up", "type: kibana-search"), 11,
                        "checks[0].type", "'kibana-search' is not a check type (known: http, promql"),
                Arguments.of("an exporter without its database", HEAD.replace("type: node-exporter", "type: postgres-exporter")
                        + "checks:\n" + CHECK, 8, "components[1].type", "postgres-exporter reads the lab's postgres component: the lab needs exactly one (it has 0)"),
                Arguments.of("load with too many connections", HEAD.replace("type: node-exporter", "type: postgres") + "checks:\n"
                        + CHECK.replace("type: target-up", "type: postgres-load\n    connections: 5000\n    query: up"), 12,
                        "checks[0].connections", "'5000' must be between 1 and 1000"),
                Arguments.of("load graded two ways", HEAD.replace("type: node-exporter", "type: postgres") + "checks:\n"
                        + CHECK.replace("type: target-up", "type: postgres-load\n    query: up\n    condition: count == 1\n    intended: up"), 13,
                        "checks[0].condition", "write `condition` (graded like promql) or `intended`"),
                Arguments.of("missing hint", HEAD + "checks:\n" + CHECK.replace("    hint: add the job\n", ""), 10,
                        "checks[0].hint", "is required"),
                Arguments.of("bad condition", HEAD + "checks:\n" + """
                          - id: q
                            type: promql
                            description: d
                            hint: h
                            query: up
                            condition: at least one
                        """, 15, "checks[0].condition", "'at least one' is not a condition; write e.g. 'count >= 1'"),
                Arguments.of("unknown need", HEAD + "checks:\n" + CHECK + "    needs: [config]\n", 15, "checks[0].needs",
                        "'config' is not the id of a check in this lab (known: up)"),
                Arguments.of("needs in a circle", HEAD + "checks:\n" + CHECK + "    needs: [b]\n"
                        + CHECK.replace("id: up", "id: b") + "    needs: [up]\n", 15, "checks[0].needs",
                        "checks need each other in a circle: up -> b -> up"),
                Arguments.of("duplicate check id", HEAD + "checks:\n" + CHECK + CHECK, 15, "checks[1].id", "'up' is already the id of checks[0]"),
                Arguments.of("placeholder of no component", HEAD + "checks:\n" + CHECK.replace("type: target-up", "type: http")
                        .replace("job: node", "url: ${url:shop}/health"), 14, "checks[0].url",
                        "placeholder ${url:shop} names no component of this lab"),
                Arguments.of("capture nobody makes", HEAD + "checks:\n" + """
                          - id: log
                            type: log-contains
                            description: d
                            hint: h
                            component: prometheus
                            pattern: "trace ${traceId}"
                        """, 15, "checks[0].pattern", "placeholder ${traceId} is captured by no check this one needs"),
                Arguments.of("unknown prometheus feature", HEAD.replace("    config: prometheus.yml",
                        "    config: prometheus.yml\n    features: [exemplars]") + "checks:\n" + CHECK, 8,
                        "components[0].features", "'exemplars' is not a Prometheus feature flag a lab can turn on (known: exemplar-storage"),
                Arguments.of("otlp to what is no collector", HEAD.replace("  - type: node-exporter",
                        "  - type: zipkin\n  - {type: sample-service, name: shop, otlp: zipkin}") + "checks:\n" + CHECK, 9,
                        "components[2].otlp", "'zipkin' is not an otel-collector component of this lab (OTLP goes to a collector)"),
                Arguments.of("otlp and zipkin at once", HEAD.replace("  - type: node-exporter",
                        "  - type: zipkin\n  - {type: sample-service, name: shop, zipkin: zipkin, otlp: zipkin}") + "checks:\n" + CHECK, 9,
                        "components[2].otlp", "a sample service sends its traces either to zipkin or over otlp to a collector, not both"),
                Arguments.of("trace-duration without at-least", HEAD.replace("  - type: node-exporter", "  - type: zipkin")
                        + "checks:\n" + """
                          - id: slow
                            type: trace-duration
                            description: d
                            hint: h
                            trace-id: 5af7183fb1d4cf5f9b3e2a7c4d1e0f21
                        """, 11, "checks[0].type", "a trace-duration check needs 'at-least' (e.g. 500ms)"),
                Arguments.of("bad regex", HEAD + "checks:\n" + """
                          - id: f
                            type: file-contains
                            description: d
                            hint: h
                            file: rules.yml
                            pattern: "record:("
                        """, 15, "checks[0].pattern", "is not a valid regular expression"),
                Arguments.of("bad status", HEAD + "checks:\n" + """
                          - id: h
                            type: http
                            description: d
                            hint: h
                            url: ${url:prometheus}/-/ready
                            status: ok
                        """, 15, "checks[0].status", "'ok' is not an HTTP status"),
                Arguments.of("two prometheus, none named", HEAD + "  - {type: prometheus, name: p2, config: prometheus.yml}\nchecks:\n"
                        + CHECK, 11, "checks[0].prometheus", "is required: the lab has several prometheus components (prometheus, p2)"),
                Arguments.of("alert check without alertmanager", HEAD + "checks:\n" + """
                          - id: a
                            type: alert-firing
                            description: d
                            hint: h
                            alert: Down
                        """, 10, "checks[0].alertmanager", "the lab has no alertmanager component for this check"),
                Arguments.of("downstream that is no sample service", HEAD + "  - {type: sample-service, name: shop, downstream: [prometheus]}\nchecks:\n"
                        + CHECK, 9, "components[2].downstream", "'prometheus' is not a sample-service component of this lab"),
                Arguments.of("probe of another host", HEAD + "checks:\n" + CHECK.replace("type: target-up", "type: http")
                        .replace("job: node", "url: http://169.254.169.254/latest/meta-data"), 14, "checks[0].url",
                        "must point at a component of the lab (${url:NAME}/...) or at http://127.0.0.1"),
                Arguments.of("holds-for without poll", HEAD + "checks:\n" + CHECK + "    holds-for: 5s\n", 0, "checks[0].holds-for",
                        "needs a `poll`"),
                Arguments.of("runs-after an unknown check", HEAD + "checks:\n" + CHECK + "    runs-after: [nope]\n", 0,
                        "checks[0].runs-after", "'nope' is not the id of a check in this lab"),
                Arguments.of("bad tolerance", HEAD + "checks:\n" + """
                          - id: m
                            type: promql-matches
                            description: d
                            hint: h
                            query: a
                            intended: b
                            tolerance: ten
                        """, 16, "checks[0].tolerance", "'ten' is not a tolerance"),
                Arguments.of("route test with neither receiver", HEAD + "  - {type: alertmanager, config: prometheus.yml}\nchecks:\n" + """
                          - id: r
                            type: route-test
                            description: d
                            hint: h
                            labels: {severity: page}
                        """, 0, "checks[0].receiver", "write exactly one of `receiver`"),
                Arguments.of("duplicate key", HEAD + "title: again\nchecks:\n" + CHECK, 9, "title", "is given twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLabs")
    void a_bad_lab_yaml_is_refused_naming_file_line_field_and_problem(
            String name, String yaml, int line, String field, String problem) throws IOException {
        InvalidLabException error = catchThrowableOfType(InvalidLabException.class, () -> loadYaml(yaml));

        assertThat(error).as("expected a problem with %s", field).isNotNull();
        assertThat(error.problems())
                .as(error.getMessage())
                .anySatisfy(found -> {
                    assertThat(found.field()).isEqualTo(field);
                    assertThat(found.problem()).contains(problem);
                    if (line > 0) {
                        assertThat(found.line()).isEqualTo(line);
                    }
                    assertThat(found.file()).endsWith(field.equals("components.prometheus.config") || !found.file().endsWith(".yml")
                            ? "node-basics/lab.yaml" : found.file());
                });
        assertThat(error.getMessage()).contains("node-basics/lab.yaml");
    }

    @Test
    void a_lab_rung_is_any_rung_of_norths_ladder_in_any_letter_case() throws IOException {
        assertThat(loadYaml(HEAD + "rung: information\nchecks:\n" + CHECK).definition().rung()).isEqualTo(Rung.INFORMATION);
        assertThat(loadYaml(HEAD + "rung: Knowledge\nchecks:\n" + CHECK).definition().rung()).isEqualTo(Rung.KNOWLEDGE);
        assertThat(loadYaml(HEAD + "checks:\n" + CHECK).definition().rung()).as("the default").isEqualTo(Rung.ABILITY);
    }

    @Test
    void every_problem_is_reported_at_once() throws IOException {
        InvalidLabException error = catchThrowableOfType(InvalidLabException.class, () -> loadYaml(
                HEAD.replace("title: Scrape host metrics\n", "") + "rung: wizard\nchecks:\n" + CHECK.replace("    hint: add the job\n", "")));

        assertThat(error.problems()).extracting(LabDefinitionProblem::field).contains("title", "rung", "checks[0].hint");
    }

    @Test
    void a_placeholder_in_a_workspace_file_naming_no_component_is_refused_with_its_line() throws IOException {
        Path lab = TestLabs.copyOfNodeBasics(temp);
        Files.writeString(lab.resolve("files/prometheus.yml"), "scrape_configs:\n  - job_name: x\n    targets: ['${host:shop}']\n");

        assertThatThrownBy(() -> loader.load(lab))
                .isInstanceOf(InvalidLabException.class)
                .hasMessageContaining("files/prometheus.yml:3: ${host:shop}: names no component of this lab (known: node-exporter, prometheus)");
    }

    @Test
    void a_symbolic_link_among_the_lab_files_is_refused() throws IOException {
        Path lab = TestLabs.copyOfNodeBasics(temp);
        Files.createSymbolicLink(lab.resolve("files/passwd"), Path.of("/etc/passwd"));

        assertThatThrownBy(() -> loader.load(lab))
                .isInstanceOf(InvalidLabException.class)
                .hasMessageContaining("files/passwd: (file): is a symbolic link");
    }

    @Test
    void a_missing_folder_or_instructions_are_named() throws IOException {
        assertThatThrownBy(() -> loader.load(temp.resolve("nowhere")))
                .hasMessageContaining("the folder " + temp.resolve("nowhere") + " does not exist");
        Path lab = TestLabs.copyOfNodeBasics(temp);
        Files.delete(lab.resolve("instructions.md"));
        assertThatThrownBy(() -> loader.load(lab)).hasMessageContaining("instructions.md: (file): is missing");
    }

    @Test
    void hints_are_read_as_tiers_with_an_answer_apart_and_one_hint_is_a_single_tier() throws IOException {
        LabDefinition lab = loadYaml(HEAD + "checks:\n" + CHECK.replace("    hint: add the job\n", """
                    hints:
                      - which job scrapes the host? Status > Targets
                      - the node exporter listens on ${host:node-exporter}
                    answer: |
                      - job_name: node
                """) + CHECK.replace("id: up", "id: single")).definition();

        assertThat(lab.check("up").orElseThrow().hint()).isEqualTo("which job scrapes the host? Status > Targets");
        assertThat(lab.check("up").orElseThrow().moreHints()).containsExactly("the node exporter listens on ${host:node-exporter}");
        assertThat(lab.check("up").orElseThrow().answer()).isEqualTo("- job_name: node\n");
        assertThat(lab.check("single").orElseThrow().hintTiers()).isEqualTo(1);
        assertThat(lab.check("single").orElseThrow().answer()).isNull();
    }

    @Test
    void a_check_with_both_hint_and_hints_or_an_empty_hints_list_is_refused() {
        InvalidLabException both = catchThrowableOfType(InvalidLabException.class, () -> loadYaml(HEAD + "checks:\n"
                + CHECK + "    hints: [more]\n"));
        InvalidLabException empty = catchThrowableOfType(InvalidLabException.class, () -> loadYaml(HEAD + "checks:\n"
                + CHECK.replace("    hint: add the job\n", "    hints: []\n")));

        assertThat(both.problems()).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo("checks[0].hints");
            assertThat(problem.problem()).contains("not both");
        });
        assertThat(empty.problems()).anySatisfy(problem -> {
            assertThat(problem.field()).isEqualTo("checks[0].hints");
            assertThat(problem.problem()).contains("at least one hint");
        });
    }

    @Test
    void durations_parse_in_the_units_lab_yaml_uses() {
        assertThat(LabDurations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LabDurations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LabDurations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(LabDurations.parse("30")).isNull();
        assertThat(LabDurations.parse("5 m")).isNull();
        assertThat(LabDurations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    }

    @Test
    void test_cases_are_read_and_a_case_naming_an_unknown_check_is_refused() throws IOException {
        Path lab = TestLabs.copyOfNodeBasics(temp);
        Files.createDirectories(lab.resolve("tests/other"));
        Files.writeString(lab.resolve("tests/other/case.yaml"), "description: another style\nexpect: pass\n");
        Files.writeString(lab.resolve("tests/other/rules.yml"), "groups: []\n");
        Files.createDirectories(lab.resolve("tests/mistake"));
        Files.writeString(lab.resolve("tests/mistake/case.yaml"),
                "description: d\nbase: solution\nexpect: fail\nfails: [cpu-rule]\nsays: {cpu-rule: found 0 series}\n");

        LabFolder loaded = loader.load(lab);

        assertThat(loaded.testCases()).extracting(LabTestCase::name).containsExactly("mistake", "other");
        LabTestCase mistake = loaded.testCases().getFirst();
        assertThat(mistake.onSolution()).isTrue();
        assertThat(mistake.passes()).isFalse();
        assertThat(mistake.says()).containsEntry("cpu-rule", "found 0 series");

        Files.writeString(lab.resolve("tests/mistake/case.yaml"), "description: d\nexpect: fail\nfails: [no-such-check]\n");
        InvalidLabException error = catchThrowableOfType(InvalidLabException.class, () -> loader.load(lab));
        assertThat(error.problems()).anySatisfy(problem -> {
            assertThat(problem.file()).endsWith("tests/mistake/case.yaml");
            assertThat(problem.problem()).contains("'no-such-check' is not a check of this lab");
        });
    }

    private LabFolder loadYaml(String yaml) throws IOException {
        Path existing = temp.resolve("node-basics");
        Path lab = Files.isDirectory(existing) ? existing : TestLabs.copyOfNodeBasics(temp);
        Files.writeString(lab.resolve("lab.yaml"), yaml);
        return loader.load(lab);
    }
}
