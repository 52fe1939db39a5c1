package ladder.labs.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import ladder.labs.TestLabs;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.catalog.LabFolder;
import ladder.labs.runtime.LabProgressListener;
import ladder.labs.runtime.LabSession;
import ladder.labs.runtime.ProcessLabRuntime;
import ladder.labs.runtime.ProcessRuntimeSettings;
import ladder.model.lab.CheckResult;
import ladder.model.lab.CheckSpec;
import ladder.model.lab.CheckStatus;
import ladder.model.lab.CheckType;
import ladder.model.lab.HttpAction;
import ladder.model.lab.PromQlCondition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check engine's semantics, against one session of real prometheus and node-exporter processes. */
class CheckEngineTest {

    @TempDir
    static Path data;

    private static ProcessLabRuntime runtime;
    private static LabSession session;
    private static final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CheckEngine engine = new CheckEngine(registry);

    @BeforeAll
    static void start_the_test_lab() {
        runtime = new ProcessLabRuntime(ProcessRuntimeSettings.defaults().withDataDirectory(data), registry);
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        session = runtime.start(lab, LabProgressListener.NONE);
    }

    @AfterAll
    static void stop_it() {
        runtime.close();
    }

    private static CheckSpec check(String id, CheckType type, List<String> needs, @Nullable Duration poll, Duration timeout) {
        return new CheckSpec(id, "check " + id, "hint for " + id, timeout, poll, needs, List.of(), List.of(), type);
    }

    private static CheckSpec check(String id, CheckType type, String... needs) {
        return check(id, type, List.of(needs), null, Duration.ofSeconds(15));
    }

    private CheckResult only(List<CheckSpec> checks, String id) {
        return engine.run(session, checks, result -> { }).results().stream()
                .filter(result -> result.checkId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_query_that_never_matches_fails_at_its_timeout_saying_what_it_saw_and_expected() {
        CheckSpec missing = check("rate", new CheckType.PromQl("prometheus", "job:http_requests:rate5m",
                PromQlCondition.AT_LEAST_ONE_SERIES), List.of(), Duration.ofMillis(200), Duration.ofMillis(1500));

        CheckResult result = only(List.of(missing), "rate");

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.expected()).isEqualTo("at least 1 series for `job:http_requests:rate5m`");
        assertThat(result.observed()).startsWith("found 0 series (after ");
        assertThat(result.attempts()).isGreaterThan(1);
        assertThat(result.hint()).isEqualTo("hint for rate");
        assertThat(registry.get("ladder.labs.check.duration")
                .tags("lab", "node-basics", "type", "promql", "result", "fail").timer().count()).isPositive();
    }

    @Test
    void a_query_that_matches_passes_showing_the_series_it_found() {
        // polled: right after start, Prometheus may not have scraped itself yet
        CheckResult result = only(List.of(check("build", new CheckType.PromQl("prometheus",
                "prometheus_build_info", PromQlCondition.parse("== 1").orElseThrow()),
                List.of(), Duration.ofMillis(200), Duration.ofSeconds(20))), "build");

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.observed()).startsWith("found 1 series: prometheus_build_info{").endsWith("} = 1");
    }

    @Test
    void a_query_prometheus_refuses_is_an_error_with_its_reason() {
        CheckResult result = only(List.of(check("bad", new CheckType.PromQl("prometheus", "sum(",
                PromQlCondition.AT_LEAST_ONE_SERIES))), "bad");

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.observed()).startsWith("Prometheus refused the query: ").contains("parse error");
    }

    @Test
    void polling_retries_until_the_check_passes() throws Exception {
        session.writeFile("later.txt", "not yet");
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(1000);
                session.writeFile("later.txt", "done");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        CheckResult result = only(List.of(check("later", new CheckType.FileContains("later.txt", "^done$"),
                List.of(), Duration.ofMillis(100), Duration.ofSeconds(20))), "later");
        writer.join();

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.attempts()).isGreaterThan(1);
        assertThat(result.observed()).isEqualTo("match at line 1: 'done'");
    }

    @Test
    void a_check_whose_need_failed_is_skipped_naming_it_and_so_are_the_checks_after_it() {
        List<CheckSpec> checks = List.of(
                check("scraped", new CheckType.TargetUp("prometheus", "node"), List.of(), null, Duration.ofSeconds(5)),
                check("rule", new CheckType.PromQl("prometheus", "up", PromQlCondition.AT_LEAST_ONE_SERIES), "scraped"),
                check("later", new CheckType.FileContains("rules.yml", "groups"), "rule"));

        CheckReport report = engine.run(session, checks, result -> { });

        assertThat(report.results()).extracting(CheckResult::status)
                .containsExactly(CheckStatus.FAIL, CheckStatus.SKIPPED, CheckStatus.SKIPPED);
        assertThat(report.results().get(0).observed()).startsWith("no target in job `node`; jobs scraped: ");
        assertThat(report.results().get(1).observed()).isEqualTo("skipped: it needs `scraped`, which did not pass (FAIL)");
        assertThat(report.results().get(2).observed()).isEqualTo("skipped: it needs `rule`, which did not pass (SKIPPED)");
    }

    @Test
    void independent_checks_run_at_the_same_time() {
        try (HttpFixture fixture = new HttpFixture()) {
            // each of these answers only when the other has arrived too: sequential checks would time out
            List<CheckSpec> checks = List.of(
                    check("a", new CheckType.HttpProbe("GET", fixture.url() + "/meet/a", null, 200, "met")),
                    check("b", new CheckType.HttpProbe("GET", fixture.url() + "/meet/b", null, 200, "met")));

            CheckReport report = engine.run(session, checks, result -> { });

            assertThat(report.results()).extracting(CheckResult::status).containsExactly(CheckStatus.PASS, CheckStatus.PASS);
        }
    }

    @Test
    void a_check_runs_after_its_needs_with_its_before_and_after_actions_around_it() {
        try (HttpFixture fixture = new HttpFixture()) {
            CheckSpec first = check("first", new CheckType.HttpProbe("GET", fixture.url() + "/first", null, 200, null));
            CheckSpec second = new CheckSpec("second", "d", "h", Duration.ofSeconds(10), null, List.of("first"),
                    List.of(new HttpAction("POST", fixture.url() + "/faults", "{\"errorRate\": 1}", 200)),
                    List.of(new HttpAction("DELETE", fixture.url() + "/faults", null, 200)),
                    new CheckType.HttpProbe("GET", fixture.url() + "/broken", null, 500, "injected"));

            CheckReport report = engine.run(session, List.of(second, first), result -> { });

            assertThat(report.allPassed()).as(report.toString()).isTrue();
            assertThat(fixture.requests()).containsExactly("GET /first", "POST /faults", "GET /broken", "DELETE /faults");
        }
    }

    @Test
    void a_refused_before_action_is_an_error_and_the_after_actions_still_run() {
        try (HttpFixture fixture = new HttpFixture()) {
            CheckSpec spec = new CheckSpec("inject", "d", "h", Duration.ofSeconds(10), null, List.of(),
                    List.of(new HttpAction("POST", fixture.url() + "/broken", null, 200)),
                    List.of(new HttpAction("DELETE", fixture.url() + "/faults", null, 200)),
                    new CheckType.HttpProbe("GET", fixture.url() + "/probe", null, 200, null));

            CheckResult result = only(List.of(spec), "inject");

            assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
            assertThat(result.observed()).contains("before-action POST " + fixture.url() + "/broken got status 500 (expected 200)");
            assertThat(fixture.requests()).containsExactly("POST /broken", "DELETE /faults");
        }
    }

    @Test
    void a_failed_after_action_keeps_the_result_and_is_reported() {
        try (HttpFixture fixture = new HttpFixture()) {
            CheckSpec spec = new CheckSpec("clear", "d", "h", Duration.ofSeconds(10), null, List.of(), List.of(),
                    List.of(new HttpAction("DELETE", fixture.url() + "/broken", null, 200)),
                    new CheckType.HttpProbe("GET", fixture.url() + "/probe", null, 200, "ok"));

            CheckResult result = only(List.of(spec), "clear");

            assertThat(result.status()).isEqualTo(CheckStatus.PASS);
            assertThat(result.observed()).endsWith("; after-action DELETE " + fixture.url()
                    + "/broken got status 500 (expected 200): injected failure");
        }
    }

    @Test
    void an_http_probe_to_nothing_says_nothing_answers() {
        CheckResult result = only(List.of(check("down", new CheckType.HttpProbe("GET", "http://127.0.0.1:1/health", null, 200, null),
                List.of(), null, Duration.ofSeconds(3))), "down");

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.observed()).contains("nothing answers at http://127.0.0.1:1/health");
    }

    @Test
    void a_component_log_line_is_found_and_a_missing_one_is_reported_with_the_line_count() {
        CheckResult found = only(List.of(check("log", new CheckType.LogContains("prometheus", "Server is ready to receive web requests"))), "log");
        CheckResult missing = only(List.of(check("log", new CheckType.LogContains("node-exporter", "panic: .*"))), "log");

        assertThat(found.status()).isEqualTo(CheckStatus.PASS);
        assertThat(found.observed()).startsWith("line ");
        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.observed()).matches("no match in \\d+ lines of node-exporter's log; last line: .*");
    }

    @Test
    void a_config_check_shows_what_promtool_said() throws IOException {
        session.writeFile("broken-rules.yml", "groups:\n  - name: x\n    rules:\n      - record: a b\n        expr: up\n");

        CheckResult result = only(List.of(check("rules", new CheckType.ConfigValid("broken-rules.yml",
                CheckType.ConfigTool.PROMETHEUS_RULES))), "rules");

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(result.expected()).isEqualTo("broken-rules.yml accepted by promtool check rules");
        assertThat(result.observed()).contains("promtool check rules broken-rules.yml exited 1").contains("a b");
        Files.delete(session.workspaceFile("broken-rules.yml"));
    }

    @Test
    void config_checks_running_at_the_same_time_all_see_a_whole_rendering() {
        List<CheckSpec> checks = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> check("valid-" + i, new CheckType.ConfigValid(i % 2 == 0 ? "prometheus.yml" : "rules.yml",
                        i % 2 == 0 ? CheckType.ConfigTool.PROMETHEUS_CONFIG : CheckType.ConfigTool.PROMETHEUS_RULES)))
                .toList();

        CheckReport report = engine.run(session, checks, result -> { });

        assertThat(report.results()).as(report.toString()).allMatch(CheckResult::passed);
    }

    @Test
    void placeholders_in_body_contains_are_replaced() {
        CheckResult result = only(List.of(check("config", new CheckType.HttpProbe("GET",
                "${url:prometheus}/api/v1/status/config", null, 200, "${host:prometheus}"))), "config");

        assertThat(result.status()).as(result.observed()).isEqualTo(CheckStatus.PASS);
        assertThat(result.expected()).contains("with a body containing '127.0.0.1:" + session.ports().get("prometheus") + "'");
    }

    @Test
    void a_check_on_a_file_outside_the_workspace_is_an_error() {
        CheckResult result = only(List.of(check("escape", new CheckType.FileContains("../../../etc/passwd", "root"))), "escape");

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.observed()).contains("leaves the workspace");
    }

    @Test
    void a_capture_placeholder_no_need_filled_is_an_error_naming_it() {
        // an error, not a silent mismatch against the literal text
        CheckResult result = only(List.of(check("log", new CheckType.LogContains("prometheus", "trace ${traceId}"))), "log");

        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.observed()).contains("placeholder ${traceId} has no value");
    }

    private static CheckSpec tiered(String id, CheckType type) {
        return new CheckSpec(id, "check " + id, "concept of " + id, Duration.ofSeconds(5), null, List.of(), List.of(),
                List.of(), type, null, List.of(), List.of("more on " + id, "most on " + id), "answer to " + id);
    }

    private CheckResult tieredRun(CheckSpec check, CheckEngine.Answers answers) {
        return engine.run(session, List.of(check), answers, result -> { }).results().getFirst();
    }

    @Test
    void a_hint_says_more_only_after_a_failure_that_follows_an_edit_and_stops_at_its_last_tier() throws IOException {
        CheckSpec check = tiered("notes", new CheckType.FileContains("notes.txt", "^done$"));
        session.writeFile("notes.txt", "first try\n");
        try {
            CheckResult first = tieredRun(check, CheckEngine.Answers.HIDDEN);
            CheckResult again = tieredRun(check, CheckEngine.Answers.HIDDEN); // Check clicked twice: nothing new
            session.writeFile("notes.txt", "second try\n");
            CheckResult afterEdit = tieredRun(check, CheckEngine.Answers.HIDDEN);
            session.writeFile("notes.txt", "third try\n");
            CheckResult afterTwoEdits = tieredRun(check, CheckEngine.Answers.HIDDEN);
            session.writeFile("notes.txt", "fourth try\n");
            CheckResult pastTheLast = tieredRun(check, CheckEngine.Answers.HIDDEN);

            assertThat(List.of(first, again, afterEdit, afterTwoEdits, pastTheLast)).allMatch(result -> !result.passed())
                    .extracting(CheckResult::hint)
                    .containsExactly("concept of notes", "concept of notes", "more on notes", "most on notes", "most on notes");
            assertThat(List.of(first, again, afterEdit, afterTwoEdits, pastTheLast)).extracting(CheckResult::hintTier)
                    .containsExactly(0, 0, 1, 2, 2);
            assertThat(pastTheLast.answer()).as("the answer is never a tier").isNull();
        } finally {
            Files.deleteIfExists(session.workspaceFile("notes.txt"));
        }
    }

    @Test
    void the_answer_comes_only_when_asked_for_and_only_for_a_check_that_did_not_pass() throws IOException {
        CheckSpec failing = tiered("notes", new CheckType.FileContains("notes.txt", "^done$"));
        CheckSpec passing = tiered("scraped", new CheckType.FileContains("prometheus.yml", "scrape_configs"));
        session.writeFile("notes.txt", "not yet\n");
        try {
            CheckResult asked = tieredRun(failing, CheckEngine.Answers.SHOWN);
            CheckResult passed = tieredRun(passing, CheckEngine.Answers.SHOWN);

            assertThat(asked.answer()).isEqualTo("answer to notes");
            assertThat(asked.hint()).as("asking for the answer moves no tier").isEqualTo("concept of notes");
            assertThat(passed.passed()).isTrue();
            assertThat(passed.answer()).isNull();
        } finally {
            Files.deleteIfExists(session.workspaceFile("notes.txt"));
        }
    }

    @Test
    void hint_tiers_are_kept_per_session_and_a_skipped_check_is_not_a_failure_of_its_own() throws IOException {
        CheckSpec need = check("need", new CheckType.FileContains("notes.txt", "^ready$"));
        CheckSpec after = new CheckSpec("after", "d", "concept", Duration.ofSeconds(5), null, List.of("need"), List.of(),
                List.of(), new CheckType.FileContains("notes.txt", "^done$"), null, List.of(), List.of("more"), null);
        session.writeFile("notes.txt", "one\n");
        try {
            engine.run(session, List.of(need, after), result -> { });
            session.writeFile("notes.txt", "two\n");
            CheckResult skipped = engine.run(session, List.of(need, after), result -> { }).results().get(1);
            CheckResult otherEngine = new CheckEngine(registry).run(session, List.of(need, after), result -> { }).results().get(0);

            assertThat(skipped.status()).isEqualTo(CheckStatus.SKIPPED);
            assertThat(skipped.hint()).isEqualTo("concept");
            assertThat(otherEngine.hintTier()).as("a fresh engine (an app restart) starts at the first tier").isZero();
        } finally {
            Files.deleteIfExists(session.workspaceFile("notes.txt"));
        }
    }
}
