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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alert-firing against real Prometheus and Alertmanager processes. */
class AlertCheckTest {

    @TempDir
    Path data;

    @Test
    void a_firing_alert_passes_and_one_with_other_labels_fails_naming_the_alerts_it_saw() {
        try (ProcessLabRuntime runtime = new ProcessLabRuntime(
                ProcessRuntimeSettings.defaults().withDataDirectory(data), new SimpleMeterRegistry())) {
            LabSession session = runtime.start(new LabDefinitionLoader().load(TestLabs.alertBasics()), LabProgressListener.NONE);
            CheckEngine engine = new CheckEngine(new SimpleMeterRegistry());
            CheckSpec wrongSeverity = new CheckSpec("ticket", "d", "h", Duration.ofSeconds(2), Duration.ofMillis(500),
                    List.of("firing"), List.of(), List.of(),
                    new CheckType.AlertFiring("alertmanager", "AlwaysFiring", Map.of("severity", "ticket")));
            List<CheckSpec> checks = new java.util.ArrayList<>(session.definition().checks());
            checks.add(wrongSeverity);

            CheckReport report = engine.run(session, checks, result -> { });

            assertThat(report.results()).extracting(CheckResult::status)
                    .containsExactly(CheckStatus.PASS, CheckStatus.PASS, CheckStatus.PASS, CheckStatus.FAIL);
            assertThat(report.results().get(2).observed()).startsWith("active: {alertname=AlwaysFiring, severity=page}");
            CheckResult ticket = report.results().get(3);
            assertThat(ticket.expected()).isEqualTo("alert `AlwaysFiring` active in Alertmanager with labels {severity=ticket}");
            assertThat(ticket.observed()).startsWith("active alerts: AlwaysFiring {alertname=AlwaysFiring, severity=page} (active)");
        }
    }
}
