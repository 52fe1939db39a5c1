package ladder.labs.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import ladder.labs.TestLabs;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.runtime.LabProgressListener;
import ladder.labs.runtime.LabSession;
import ladder.labs.runtime.ProcessLabRuntime;
import ladder.labs.runtime.ProcessRuntimeSettings;
import ladder.model.lab.CheckResult;
import ladder.model.lab.CheckSpec;
import ladder.model.lab.CheckStatus;
import ladder.model.lab.CheckType;
import ladder.model.lab.PromQlCondition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks that read what Prometheus and Alertmanager report (alert-rule, alertmanager-discovered, route-test,
 * promql-matches) and the engine's holds-for and runs-after, against one session of real Prometheus and Alertmanager
 * processes ({@code alert-basics}: an alert that always fires, routed to the receiver "team").
 */
class BehaviourChecksTest {

    @TempDir
    static Path data;

    private static ProcessLabRuntime runtime;
    private static LabSession session;
    private final CheckEngine engine = new CheckEngine(new SimpleMeterRegistry());

    @BeforeAll
    static void start_the_test_lab() {
        runtime = new ProcessLabRuntime(ProcessRuntimeSettings.defaults().withDataDirectory(data), new SimpleMeterRegistry());
        session = runtime.start(new LabDefinitionLoader().load(TestLabs.alertBasics()), LabProgressListener.NONE);
    }

    @AfterAll
    static void stop_it() {
        runtime.close();
    }

    private static CheckSpec polled(String id, CheckType type, Duration timeout) {
        return new CheckSpec(id, "check " + id, "hint for " + id, timeout, Duration.ofMillis(250), List.of(), List.of(),
                List.of(), type);
    }

    private CheckResult only(CheckSpec check) {
        return engine.run(session, List.of(check), result -> { }).results().getFirst();
    }

    @Test
    void an_alert_rule_is_judged_by_what_prometheus_loaded_its_wait_and_its_labels() {
        CheckResult loaded = only(polled("loaded", new CheckType.AlertRule("prometheus", "AlwaysFiring", null, null,
                Map.of("severity", "page")), Duration.ofSeconds(10)));
        CheckResult waits = only(polled("waits", new CheckType.AlertRule("prometheus", "AlwaysFiring", Duration.ofSeconds(2),
                null, Map.of()), Duration.ofSeconds(1)));
        CheckResult ticket = only(polled("ticket", new CheckType.AlertRule("prometheus", "AlwaysFiring", null, null,
                Map.of("severity", "ticket")), Duration.ofSeconds(1)));
        CheckResult missing = only(polled("missing", new CheckType.AlertRule("prometheus", "HighErrorRatio", null, null,
                Map.of()), Duration.ofSeconds(1)));

        assertThat(loaded.status()).as(loaded.observed()).isEqualTo(CheckStatus.PASS);
        assertThat(loaded.observed()).startsWith("AlwaysFiring in group always (for 0s, labels {severity=page}, health ");
        assertThat(waits.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(waits.observed()).contains("nothing makes it wait");
        assertThat(waits.expected()).isEqualTo("Prometheus has loaded the alerting rule AlwaysFiring with a `for:` of at least 2s");
        assertThat(ticket.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(ticket.observed()).contains("its label `severity` is \"page\"");
        assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(missing.observed()).contains("no alerting rule named HighErrorRatio").contains("its alerting rules: AlwaysFiring");
    }

    @Test
    void the_alertmanager_is_discovered_by_its_address() {
        CheckResult result = only(polled("discovered", new CheckType.AlertmanagerDiscovered("prometheus", "alertmanager"),
                Duration.ofSeconds(15)));

        assertThat(result.status()).as(result.observed()).isEqualTo(CheckStatus.PASS);
        assertThat(result.observed()).contains("http://127.0.0.1:" + session.ports().get("alertmanager") + "/api/v2/alerts");
    }

    @Test
    void the_routing_tree_alertmanager_loaded_is_tested_with_amtool() {
        CheckResult team = only(polled("team", new CheckType.RouteTest("alertmanager", Map.of("severity", "page"), "team", null),
                Duration.ofSeconds(5)));
        CheckResult other = only(polled("other", new CheckType.RouteTest("alertmanager", Map.of("severity", "page"),
                "shop-team", null), Duration.ofSeconds(1)));
        CheckResult notTeam = only(polled("not-team", new CheckType.RouteTest("alertmanager", Map.of("severity", "ticket"),
                null, "team"), Duration.ofSeconds(1)));

        assertThat(team.status()).as(team.observed()).isEqualTo(CheckStatus.PASS);
        assertThat(other.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(other.observed()).startsWith("Alertmanager's routing tree sends an alert with {severity=page} to team");
        assertThat(notTeam.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(notTeam.expected()).isEqualTo("an alert with {severity=ticket} is not routed to the receiver `team`");
    }

    @Test
    void promql_matches_compares_count_and_values_with_the_intended_expression_without_showing_it() {
        CheckResult same = only(polled("same", new CheckType.PromQlMatches("prometheus", "label_replace(vector(0.5), \"a\", \"b\", \"\", \"\")",
                "vector(0.52)", CheckType.Tolerance.TEN_PERCENT), Duration.ofSeconds(5)));
        CheckResult value = only(polled("value", new CheckType.PromQlMatches("prometheus", "vector(1.6)",
                "vector(0.2)", CheckType.Tolerance.TEN_PERCENT), Duration.ofSeconds(1)));
        CheckResult count = only(polled("count", new CheckType.PromQlMatches("prometheus", "vector(1) or label_replace(vector(1), \"a\", \"b\", \"\", \"\")",
                "vector(1)", CheckType.Tolerance.TEN_PERCENT), Duration.ofSeconds(1)));
        CheckResult nothing = only(polled("nothing", new CheckType.PromQlMatches("prometheus", "vector(1)",
                "absent_metric_of_nothing", CheckType.Tolerance.TEN_PERCENT), Duration.ofSeconds(1)));

        assertThat(same.status()).as(same.observed()).isEqualTo(CheckStatus.PASS);
        assertThat(value.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(value.observed()).startsWith("found 1 series: {} = 1.600; the intended value is 0.2000 (±10%)");
        assertThat(value.expected()).doesNotContain("vector(0.2)");
        assertThat(count.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(count.observed()).contains("the intended result has 1 series (which labels should the aggregation keep?)");
        assertThat(nothing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(nothing.observed()).contains("the intended result has no series yet");
    }

    @Test
    void holds_for_passes_only_after_the_condition_held_that_long_and_fails_when_it_breaks() {
        CheckSpec quiet = new CheckSpec("quiet", "d", "h", Duration.ofSeconds(10), Duration.ofMillis(250), List.of(), List.of(),
                List.of(), new CheckType.PromQl("prometheus", "ALERTS{alertname=\"NeverFiring\"}",
                        PromQlCondition.parse("count == 0").orElseThrow()), Duration.ofSeconds(2), List.of());
        CheckSpec flag = new CheckSpec("flag", "d", "h", Duration.ofSeconds(10), Duration.ofMillis(100), List.of(), List.of(),
                List.of(), new CheckType.FileContains("flag.txt", "^quiet$"), Duration.ofSeconds(3), List.of());

        CheckResult held = only(quiet);
        session.writeFile("flag.txt", "quiet");
        Thread breaker = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(1000);
                session.writeFile("flag.txt", "loud");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CheckResult broke = only(flag);
        breaker.interrupt();

        assertThat(held.status()).as(held.observed()).isEqualTo(CheckStatus.PASS);
        assertThat(held.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(held.observed()).contains("(held for 2 s)");
        assertThat(broke.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(broke.observed()).contains("no match in flag.txt").contains("(after it had held for").contains("it must hold for 3 s in a row");
        assertThat(broke.duration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_check_that_runs_after_another_waits_for_it_whatever_its_result() {
        try (HttpFixture fixture = new HttpFixture()) {
            CheckSpec first = new CheckSpec("first", "d", "h", Duration.ofSeconds(2), null, List.of(), List.of(), List.of(),
                    new CheckType.HttpProbe("GET", fixture.url() + "/broken", null, 200, null));
            CheckSpec second = new CheckSpec("second", "d", "h", Duration.ofSeconds(5), null, List.of(), List.of(), List.of(),
                    new CheckType.HttpProbe("GET", fixture.url() + "/second", null, 200, null), null, List.of("first"));

            CheckReport report = engine.run(session, List.of(second, first), result -> { });

            assertThat(report.results()).extracting(CheckResult::status).containsExactly(CheckStatus.PASS, CheckStatus.FAIL);
            assertThat(fixture.requests()).containsExactly("GET /broken", "GET /second");
        }
    }
}
