package ladder.labs.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import ladder.labs.check.CheckEngine;
import ladder.labs.runtime.ApplyResult;
import ladder.labs.runtime.LabSession;
import ladder.labs.runtime.ProcessLabRuntime;
import ladder.labs.runtime.ProcessRuntimeSettings;
import ladder.model.lab.CheckResult;
import ladder.model.lab.CheckStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic-monitoring lab on the process runtime (Debian's prometheus-blackbox-exporter): its solution,
 * its starting files, and a common mistake graded as one. (On the Docker runtime: {@link CatalogLabsOnDockerTest}.)
 */
@Tag("real-lab")
class SyntheticMonitoringLabTest {

    @TempDir
    Path dataDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LabFolder lab = new LabDefinitionLoader().load(Path.of("catalog", "synthetic-monitoring"));

    @BeforeEach
    void blackboxExporterIsInstalled() {
        Path binary = ProcessRuntimeSettings.defaults().blackboxExporter();
        boolean present = Files.isExecutable(binary);
        if (!present) {
            System.out.println("[SyntheticMonitoringLabTest] skipped: no " + binary + " (apt-get install prometheus-blackbox-exporter)");
        }
        assumeTrue(present, "no " + binary + " (apt-get install prometheus-blackbox-exporter)");
    }

    private Map<String, CheckResult> run(SessionSetup setup) throws IOException {
        try (ProcessLabRuntime runtime = new ProcessLabRuntime(ProcessRuntimeSettings.defaults().withDataDirectory(dataDir), registry);
             LabSession session = runtime.start(lab, progress -> { })) {
            setup.prepare(session);
            Map<String, CheckResult> results = new LinkedHashMap<>();
            new CheckEngine(registry).run(session).results().forEach(result -> results.put(result.checkId(), result));
            return results;
        }
    }

    interface SessionSetup {
        void prepare(LabSession session) throws IOException;
    }

    private static Map<String, CheckStatus> statuses(Map<String, CheckResult> results) {
        Map<String, CheckStatus> statuses = new LinkedHashMap<>();
        results.forEach((id, result) -> statuses.put(id, result.status()));
        return statuses;
    }

    @Test
    void the_solution_passes_every_check() throws IOException {
        Map<String, CheckResult> results = run(session -> {
            ApplyResult applied = session.apply(lab.solution());
            assertThat(applied.applied()).as(applied.message()).isTrue();
        });

        assertThat(statuses(results).values()).as(results.toString()).containsOnly(CheckStatus.PASS);
    }

    @Test
    void the_starting_files_fail_at_the_missing_scrape_job_saying_which_jobs_are_scraped() throws IOException {
        Map<String, CheckResult> results = run(session -> { });

        assertThat(statuses(results)).containsEntry("config-valid", CheckStatus.PASS)
                .containsEntry("rules-valid", CheckStatus.PASS)
                .containsEntry("blackbox-scraped", CheckStatus.FAIL)
                .containsEntry("probe-succeeds", CheckStatus.SKIPPED)
                .containsEntry("failing-probe-pages", CheckStatus.SKIPPED);
        assertThat(results.get("blackbox-scraped").observed()).contains("no target in job `blackbox`; jobs scraped: shop");
        // the first tier teaches where to look; the job's lines are in later tiers and the answer
        assertThat(results.get("blackbox-scraped").hint()).contains("Multi-target exporter pattern")
                .doesNotContain("metrics_path", "__param_target");
    }

    @Test
    void probes_without_the_instance_relabelling_succeed_but_are_labelled_as_the_exporter() throws IOException {
        Map<String, CheckResult> results = run(session -> {
            assertThat(session.apply(lab.solution()).applied()).isTrue();
            String solution = Files.readString(session.workspaceFile("prometheus.yml"));
            session.writeFile("prometheus.yml", solution.replace("""
                          - source_labels: [__param_target]
                            target_label: instance
                    """, ""));
            assertThat(session.reload().applied()).isTrue();
        });

        assertThat(results.get("probe-succeeds").status()).isEqualTo(CheckStatus.PASS);
        assertThat(results.get("instance-is-the-url").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(results.get("instance-is-the-url").observed()).contains("found 0 series");
    }
}
