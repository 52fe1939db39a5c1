package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import ladder.labs.TestLabs;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.catalog.LabFolder;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.LabDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against real prometheus and node-exporter processes. */
class ProcessLabRuntimeTest {

    @TempDir
    Path data;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ProcessLabRuntime runtime;

    private ProcessLabRuntime runtime(ProcessRuntimeSettings settings) {
        runtime = new ProcessLabRuntime(settings, registry);
        return runtime;
    }

    private ProcessRuntimeSettings settings() {
        return ProcessRuntimeSettings.defaults().withDataDirectory(data);
    }

    @AfterEach
    void no_process_is_left_behind() {
        if (runtime != null) {
            runtime.close();
        }
        assertThat(ProcessLeftovers.naming(data)).as("processes naming %s", data).isEmpty();
    }

    @Test
    void this_machine_can_start_prometheus_alertmanager_and_node_exporter() {
        assertThat(runtime(settings()).availableComponents())
                .contains(ComponentKind.PROMETHEUS, ComponentKind.ALERTMANAGER, ComponentKind.NODE_EXPORTER);
    }

    @Test
    void a_session_starts_every_component_on_127_0_0_1_reports_progress_and_stops_them_all() throws IOException {
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        List<LabProgress> progress = new CopyOnWriteArrayList<>();

        LabSession session = runtime(settings()).start(lab, progress::add);

        assertThat(session.readyTimes()).containsOnlyKeys("prometheus", "node-exporter");
        assertThat(runtime.processes()).hasSize(2).allMatch(ProcessHandle::isAlive);
        assertThat(runtime.processes()).allSatisfy(process ->
                assertThat(process.info().commandLine().orElse("")).contains("127.0.0.1:"));
        assertThat(Files.readString(session.workspace().resolveSibling("rendered").resolve("prometheus.yml")))
                .contains("127.0.0.1:" + session.ports().get("prometheus"));
        assertThat(progress).extracting(LabProgress::step)
                .contains(LabProgress.Step.PREPARING, LabProgress.Step.STARTING, LabProgress.Step.READY);
        assertThat(registry.get("ladder.labs.sessions.active").tag("runtime", "process").gauge().value()).isEqualTo(1);
        List<ProcessHandle> processes = runtime.processes();

        session.stop();

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(session.workspace().getParent()).doesNotExist();
        assertThat(data.resolve("labs/sessions").resolve(session.id() + ".pids")).doesNotExist();
        assertThat(registry.get("ladder.labs.sessions.active").tag("runtime", "process").gauge().value()).isZero();
        assertThat(registry.get("ladder.labs.start.duration").tag("runtime", "process").tag("outcome", "ready").timer().count()).isEqualTo(1);
    }

    @Test
    void an_invalid_change_is_not_applied_and_shows_what_promtool_said() {
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        LabSession session = runtime(settings()).start(lab, LabProgressListener.NONE);
        session.writeFile("prometheus.yml", "global:\n  scrape_interval: often\n");

        ApplyResult result = session.reload();

        assertThat(result.applied()).isFalse();
        assertThat(result.message())
                .contains("prometheus.yml is not valid; prometheus keeps its previous configuration")
                .contains("promtool check config prometheus.yml")
                .contains("often");
        assertThat(result.validations()).singleElement().satisfies(tool -> assertThat(tool.valid()).isFalse());
    }

    @Test
    void the_solution_applies_and_prometheus_reloads() {
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        LabSession session = runtime(settings()).start(lab, LabProgressListener.NONE);

        ApplyResult result = session.apply(lab.solution());

        assertThat(result.applied()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("prometheus reloaded");
        assertThat(session.workspaceFile("rules.yml")).content().contains("instance:node_cpus:count");
    }

    @Test
    void a_session_beyond_the_cap_is_refused_and_the_running_one_is_untouched() {
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        LabSession first = runtime(settings().withMaxSessions(1)).start(lab, LabProgressListener.NONE);

        assertThatThrownBy(() -> runtime.start(lab, LabProgressListener.NONE))
                .isInstanceOf(ProcessLabRuntime.LabCapacityException.class)
                .hasMessageContaining("already 1 lab sessions running");
        assertThat(first.isRunning()).isTrue();
        assertThat(runtime.activeSessions()).containsExactly(first);
    }

    @Test
    void a_session_stops_itself_at_its_time_limit() throws InterruptedException {
        LabFolder loaded = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        LabDefinition d = loaded.definition();
        LabFolder lab = new LabFolder(loaded.directory(), new LabDefinition(
                d.id(), d.title(), d.summary(), d.topics(), d.rung(), Duration.ofSeconds(1), d.components(), d.checks()));
        LabSession session = runtime(settings()).start(lab, LabProgressListener.NONE);
        List<ProcessHandle> processes = runtime.processes();

        Instant giveUp = Instant.now().plusSeconds(30);
        while (session.isRunning() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }

        assertThat(session.isRunning()).isFalse();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(runtime.activeSessions()).isEmpty();
    }

    @Test
    void a_component_that_cannot_start_fails_the_start_with_its_log_and_leaves_nothing() throws IOException {
        Path copy = TestLabs.copyOfNodeBasics(Files.createDirectories(data.resolve("labs-copy")));
        Files.writeString(copy.resolve("files/prometheus.yml"), "scrape_configs: [ {job_name: x, nonsense: 1} ]\n");
        LabFolder lab = new LabDefinitionLoader().load(copy);

        assertThatThrownBy(() -> runtime(settings()).start(lab, LabProgressListener.NONE))
                .isInstanceOf(LabStartException.class)
                .hasMessageContaining("prometheus exited with code")
                .hasMessageContaining("last lines of its log")
                .hasMessageContaining("nonsense");
        assertThat(runtime.activeSessions()).isEmpty();
        try (var sessions = Files.list(data.resolve("labs/sessions"))) {
            assertThat(sessions.toList()).isEmpty();
        }
        assertThat(registry.get("ladder.labs.start.duration").tag("runtime", "process").tag("outcome", "failed").timer().count()).isEqualTo(1);
    }
}
