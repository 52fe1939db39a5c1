package ladder.labs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ladder.labs.TestLabs;
import ladder.labs.runtime.DockerLabRuntime;
import ladder.labs.runtime.ProcessRuntimeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The lab author's CLI, run in-process against real prometheus and node-exporter. */
class LabsCliTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        LabsCli cli = new LabsCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                ProcessRuntimeSettings.defaults().withDataDirectory(data));
        return cli.execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_solution_passes_every_check_and_json_carries_results_and_timings() {
        int code = run("run", TestLabs.nodeBasics().toString(), "--solution", "--json");

        assertThat(code).as(out() + err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out());
        assertThat(json.path("passed").asBoolean()).isTrue();
        assertThat(json.path("solutionApplied").asBoolean()).isTrue();
        assertThat(json.path("results")).hasSize(5).allSatisfy(result -> assertThat(result.path("status").asString()).isEqualTo("PASS"));
        assertThat(json.path("timings").path("componentsReadyMs").propertyNames()).containsExactlyInAnyOrder("prometheus", "node-exporter");
        assertThat(json.path("timings").has("startToReadyMs")).isTrue();
        assertThat(json.path("timings").has("checksTotalMs")).isTrue();
        assertThat(err()).contains("solution: prometheus reloaded").contains("stopped");
    }

    @Test
    void run_cases_judges_each_case_in_one_session_and_says_which_was_judged_wrongly() throws IOException {
        Path lab = TestLabs.copyOfNodeBasics(data.resolve("lab"));
        Files.createDirectories(lab.resolve("tests/reference"));
        Files.writeString(lab.resolve("tests/reference/case.yaml"), "description: the reference solution\nbase: solution\nexpect: pass\n");
        Files.createDirectories(lab.resolve("tests/sum-over-cpus"));
        Files.writeString(lab.resolve("tests/sum-over-cpus/case.yaml"), "description: another correct rule\nbase: solution\nexpect: pass\n");
        Files.writeString(lab.resolve("tests/sum-over-cpus/rules.yml"), """
                groups:
                  - name: node
                    rules:
                      - record: instance:node_cpus:count
                        expr: count by (instance, job) (node_cpu_seconds_total{mode="idle"})
                """);
        Files.createDirectories(lab.resolve("tests/no-rule"));
        Files.writeString(lab.resolve("tests/no-rule/case.yaml"), """
                description: the scrape job without the rule
                base: solution
                expect: fail
                fails: [cpu-rule, rule-file]
                says: {cpu-rule: "found 0 series"}
                """);
        Files.writeString(lab.resolve("tests/no-rule/rules.yml"), "groups: []\n");
        Files.createDirectories(lab.resolve("tests/wrongly-expected"));
        Files.writeString(lab.resolve("tests/wrongly-expected/case.yaml"), "description: the starting files\nexpect: pass\n");

        int code = run("run", lab.toString(), "--cases");

        assertThat(code).as(out() + err()).isEqualTo(1);
        assertThat(out()).contains("AS-EXPECTED no-rule").contains("AS-EXPECTED reference").contains("AS-EXPECTED sum-over-cpus")
                .contains("WRONG       wrongly-expected").contains("`node-scraped` should pass but is FAIL")
                .contains("3 of 4 cases judged as expected");
    }

    @Test
    void the_starting_files_fail_the_checks_they_should_with_what_was_seen_and_the_hint() {
        int code = run("run", TestLabs.nodeBasics().toString());

        assertThat(code).isEqualTo(1);
        assertThat(out())
                .containsPattern("PASS +config-valid")
                .containsPattern("FAIL +node-scraped")
                .contains("saw:      no target in job `node`")
                .contains("hint:     Add a scrape job named node")
                .containsPattern("SKIPPED +cpu-rule")
                .contains("skipped: it needs `node-scraped`")
                .containsPattern("FAIL +rule-file")
                .contains("2 of 5 checks passed")
                .doesNotContain("answer:");
    }

    @Test
    void answers_are_shown_only_with_the_flag_and_only_for_checks_that_have_one() {
        int code = run("run", TestLabs.nodeBasics().toString(), "--answers");

        assertThat(code).isEqualTo(1);
        assertThat(out())
                .contains("hint:     Add a scrape job named node")
                .contains("answer:   scrape_configs:\n                    - job_name: node")
                .containsOnlyOnce("answer:");
    }

    @Test
    void an_invalid_lab_is_refused_with_exit_code_2_and_every_problem() throws IOException {
        Path lab = TestLabs.copyOfNodeBasics(data);
        Files.writeString(lab.resolve("lab.yaml"), Files.readString(lab.resolve("lab.yaml")).replace("rung: ability", "rung: wizard"));

        assertThat(run("validate", lab.toString())).isEqualTo(2);
        assertThat(err()).contains("lab.yaml:6: rung: 'wizard' is not a rung of the ladder");
        assertThat(run("run", lab.toString())).isEqualTo(2);
    }

    @Test
    void a_valid_lab_validates() {
        assertThat(run("validate", TestLabs.nodeBasics().toString(), TestLabs.alertBasics().toString())).isZero();
        assertThat(out()).contains("node-basics: valid (2 components, 5 checks, test cases: 0 correct, 0 mistakes)").contains("alert-basics: valid");
    }

    @Test
    void the_docker_runtime_runs_the_lab_in_containers_or_says_why_it_cannot_here() {
        int code = run("run", TestLabs.nodeBasics().toString(), "--runtime", "docker", "--solution", "--json");

        if (DockerLabRuntime.unavailableReason().isPresent()) {
            assertThat(code).isEqualTo(2);
            assertThat(err()).contains("the docker runtime is not available here: " + DockerLabRuntime.unavailableReason().get());
        } else {
            assertThat(code).as(out() + err()).isZero();
            JsonNode json = JsonMapper.builder().build().readTree(out());
            assertThat(json.path("runtime").asString()).isEqualTo("docker");
            assertThat(json.path("passed").asBoolean()).isTrue();
            assertThat(err()).contains("runtime: docker").contains("solution: prometheus reloaded");
        }
    }

    @Test
    void an_unknown_runtime_is_a_usage_error_naming_the_known_ones() {
        assertThat(run("run", TestLabs.nodeBasics().toString(), "--runtime", "kubernetes")).isEqualTo(2);
        assertThat(err()).contains("unknown lab runtime 'kubernetes' (known: auto, docker, process)");
    }

    @Test
    void list_shows_which_labs_run_here_and_which_are_invalid() throws IOException {
        Path catalog = Files.createDirectories(data.resolve("catalog"));
        TestLabs.copyOfNodeBasics(catalog);
        Path broken = Files.createDirectories(catalog.resolve("broken"));
        Files.writeString(broken.resolve("lab.yaml"), "id: broken\n");

        assertThat(run("list", "--catalog", catalog.toString())).isZero();

        String docker = DockerLabRuntime.unavailableReason().isEmpty() ? "yes" : "no";
        assertThat(out()).containsPattern("LAB +PROCESS +DOCKER +TOPICS +TITLE")
                .containsPattern("node-basics +yes +" + docker + " +metrics,linux +Scrape host metrics")
                .containsPattern("broken +INVALID");
        DockerLabRuntime.unavailableReason().ifPresent(why -> assertThat(out()).contains("docker: " + why));
    }

    @Test
    void usage_errors_exit_with_2() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("launch")).isEqualTo(2);
        assertThat(run("run")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'launch'").contains("usage: java -jar ladder-labs.jar");
    }
}
