package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.testcontainers.DockerClientFactory;

/** Against a real Docker engine, with Ladder's images built from Debian's packages. */
@DockerAvailable
class DockerLabRuntimeTest {

    @TempDir
    Path data;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private DockerLabRuntime runtime;

    private DockerLabRuntime runtime() {
        runtime = new DockerLabRuntime(DockerRuntimeSettings.defaults().withDataDirectory(data), registry);
        return runtime;
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void this_engine_can_start_every_kind_it_builds_from_debian_and_says_why_not_for_an_upstream_image_it_lacks() {
        DockerLabRuntime runtime = runtime();
        for (ComponentKind kind : ComponentKind.values()) {
            if (UpstreamImages.of(kind).isEmpty()) {
                assertThat(runtime.availableComponents()).as(kind.yamlName()).contains(kind);
            } else if (!runtime.availableComponents().contains(kind)) {
                // an engine without a registry (this project's CI): the reason the catalog shows
                assertThat(runtime.whyNot(kind)).hasValueSatisfying(why -> assertThat(why)
                        .contains("the upstream image " + UpstreamImages.of(kind).orElseThrow(), "cannot be pulled"));
            }
        }
    }

    @Test
    void a_session_runs_in_confined_containers_published_on_127_0_0_1_and_stopping_removes_them_and_the_network() throws Exception {
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        List<LabProgress> progress = new CopyOnWriteArrayList<>();

        LabSession session = runtime().start(lab, progress::add);

        assertThat(session.readyTimes()).containsOnlyKeys("prometheus", "node-exporter");
        HttpResponse<String> targets = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(session.url("prometheus") + "/api/v1/status/config")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(targets.body()).contains("127.0.0.1:" + session.ports().get("prometheus"));
        HttpResponse<String> nodeMetrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(session.url("node-exporter") + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(nodeMetrics.body()).contains("node_cpu_seconds_total");
        assertThat(progress).extracting(LabProgress::step)
                .contains(LabProgress.Step.PREPARING, LabProgress.Step.STARTING, LabProgress.Step.READY);
        DockerClient client = DockerClientFactory.instance().client();
        for (String name : runtime.containerNames()) {
            InspectContainerResponse container = client.inspectContainerCmd(name).exec();
            assertThat(container.getHostConfig().getPrivileged()).as(name).isFalse();
            assertThat(container.getHostConfig().getCapDrop()).as(name).extracting(Enum::name).containsExactly("ALL");
            assertThat(container.getHostConfig().getBinds()).as(name).isNullOrEmpty();
            assertThat(container.getMounts()).as(name).isEmpty();
            assertThat(container.getHostConfig().getMemory()).as(name).isPositive();
            assertThat(container.getHostConfig().getPidsLimit()).as(name).isPositive();
            assertThat(container.getConfig().getUser()).as(name).isNotIn("", "0", "root");
            assertThat(container.getConfig().getLabels()).as(name).containsEntry(DockerLabels.SESSION, session.id());
        }
        assertThat(DockerLeftovers.ofSession(session.id())).hasSize(3 + 1); // sandbox, two components, the network
        assertThat(registry.get("ladder.labs.sessions.active").tag("runtime", "docker").gauge().value()).isEqualTo(1);

        session.stop();

        assertThat(DockerLeftovers.ofSession(session.id())).isEmpty();
        assertThat(session.workspace().getParent()).doesNotExist();
        assertThat(registry.get("ladder.labs.sessions.active").tag("runtime", "docker").gauge().value()).isZero();
    }

    @Test
    void an_invalid_change_is_not_applied_and_shows_what_promtool_said_in_the_container() {
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        LabSession session = runtime().start(lab, LabProgressListener.NONE);
        session.writeFile("prometheus.yml", "global:\n  scrape_interval: often\n");

        ApplyResult result = session.reload();

        assertThat(result.applied()).isFalse();
        assertThat(result.message())
                .contains("prometheus.yml is not valid; prometheus keeps its previous configuration")
                .contains("promtool check config prometheus.yml")
                .contains("often");
    }

    @Test
    void the_solution_applies_and_prometheus_reloads() {
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        LabSession session = runtime().start(lab, LabProgressListener.NONE);

        ApplyResult result = session.apply(lab.solution());

        assertThat(result.applied()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("prometheus reloaded");
    }

    @Test
    void a_session_removes_its_containers_and_network_at_its_time_limit() throws InterruptedException {
        LabFolder loaded = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        LabDefinition d = loaded.definition();
        LabFolder lab = new LabFolder(loaded.directory(), new LabDefinition(
                d.id(), d.title(), d.summary(), d.topics(), d.rung(), Duration.ofSeconds(2), d.components(), d.checks()));
        LabSession session = runtime().start(lab, LabProgressListener.NONE);

        Instant giveUp = Instant.now().plusSeconds(30);
        while (session.isRunning() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }

        assertThat(session.isRunning()).isFalse();
        assertThat(DockerLeftovers.ofSession(session.id())).isEmpty();
        assertThat(runtime.activeSessions()).isEmpty();
    }

    @Test
    void a_component_that_cannot_start_fails_the_start_with_its_log_and_leaves_nothing() throws IOException {
        Path copy = TestLabs.copyOfNodeBasics(Files.createDirectories(data.resolve("labs-copy")));
        Files.writeString(copy.resolve("files/prometheus.yml"), "scrape_configs: [ {job_name: x, nonsense: 1} ]\n");
        LabFolder lab = new LabDefinitionLoader().load(copy);
        List<LabProgress> progress = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> runtime().start(lab, progress::add))
                .isInstanceOf(LabStartException.class)
                .hasMessageContaining("prometheus exited with code")
                .hasMessageContaining("last lines of its log")
                .hasMessageContaining("nonsense");
        assertThat(runtime.activeSessions()).isEmpty();
        assertThat(DockerLeftovers.ofSession(progress.getFirst().sessionId())).isEmpty();
        assertThat(registry.get("ladder.labs.start.duration").tag("runtime", "docker").tag("outcome", "failed").timer().count()).isEqualTo(1);
    }
}
