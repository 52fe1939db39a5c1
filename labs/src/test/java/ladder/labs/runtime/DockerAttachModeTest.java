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
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import ladder.labs.TestLabs;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.catalog.LabFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * {@code LADDER_LABS_DOCKER_ATTACH} against the real engine: a plain container stands for Ladder's own (the Compose
 * stack's {@code ComposeLabsStackTest} runs Ladder itself in one); each session publishes nothing, that container
 * is on the session's network while the session runs and off it afterwards, and a crashed run's network that it
 * is still connected to is swept. This JVM reaches the sandbox's address on the network over the engine's bridge,
 * as a local engine's host can.
 */
@DockerAvailable
class DockerAttachModeTest {

    @TempDir
    Path data;

    private final DockerClient client = DockerClientFactory.instance().client();
    private final String ladder = "ladder-attach-test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private DockerLabRuntime runtime;

    @BeforeEach
    void ladders_own_container() {
        String id = client.createContainerCmd(LabImages.BASE).withName(ladder).withCmd("sleep", "infinity").exec().getId();
        client.startContainerCmd(id).exec();
    }

    @AfterEach
    void remove() {
        if (runtime != null) {
            runtime.close();
        }
        client.removeContainerCmd(ladder).withForce(true).exec();
    }

    private DockerLabRuntime runtime() {
        runtime = new DockerLabRuntime(DockerRuntimeSettings.defaults().withDataDirectory(data).withAttachTo(ladder),
                new SimpleMeterRegistry());
        return runtime;
    }

    @Test
    void a_session_publishes_no_port_and_ladders_container_joins_its_network_until_it_stops() throws Exception {
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        List<LabProgress> progress = new CopyOnWriteArrayList<>();

        LabSession session = runtime().start(lab, progress::add);

        String network = ContainerPlan.name(session.id(), "net");
        InspectContainerResponse sandbox = client.inspectContainerCmd(ContainerPlan.name(session.id(), DockerLabels.SANDBOX)).exec();
        assertThat(sandbox.getHostConfig().getPortBindings().getBindings()).as("no published port").isEmpty();
        assertThat(sandbox.getNetworkSettings().getPorts().getBindings()).isEmpty();
        String address = sandbox.getNetworkSettings().getNetworks().get(network).getIpAddress();
        assertThat(session.host()).isEqualTo(address).isNotEqualTo("127.0.0.1");
        assertThat(session.url("node-exporter")).isEqualTo("http://" + address + ":" + session.ports().get("node-exporter"));
        assertThat(networksOf(ladder)).contains(network);
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(session.url("node-exporter") + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).contains("node_cpu_seconds_total");
        assertThat(progress).extracting(LabProgress::message)
                .anyMatch(message -> message.contains("joined the session's network " + network))
                .anyMatch(message -> message.contains("reached on the session's network at " + address + ":"))
                .noneMatch(message -> message.contains("published on"));

        session.stop();

        assertThat(DockerLeftovers.ofSession(session.id())).isEmpty();
        assertThat(networksOf(ladder)).doesNotContain(network);
    }

    @Test
    void two_attached_sessions_do_not_reach_each_other_through_ladders_container() throws Exception {
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        DockerLabRuntime runtime = runtime();
        try (LabSession first = runtime.start(lab, LabProgressListener.NONE);
             LabSession second = runtime.start(lab, LabProgressListener.NONE)) {
            // Ladder's container is on both networks; the first Prometheus tries the second's at its address there
            first.writeFile("prometheus.yml", """
                    global: {scrape_interval: 1s, evaluation_interval: 1s}
                    scrape_configs:
                      - job_name: own
                        static_configs: [{targets: ['${host:prometheus}']}]
                      - job_name: other-by-address
                        static_configs: [{targets: ['%s:%d']}]
                    """.formatted(second.host(), second.ports().get("prometheus")));
            assertThat(first.reload().applied()).isTrue();

            Map<String, String> health = Map.of();
            for (int round = 0; round < 120 && (health.size() < 2 || health.containsValue("unknown")); round++) {
                Thread.sleep(250);
                String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(first.url("prometheus") + "/api/v1/targets?state=active")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                health = new java.util.LinkedHashMap<>();
                var matcher = java.util.regex.Pattern.compile("\"scrapePool\":\"([^\"]+)\".*?\"health\":\"([a-z]+)\"").matcher(body);
                while (matcher.find()) {
                    health.put(matcher.group(1), matcher.group(2));
                }
            }

            assertThat(health).containsEntry("own", "up").containsEntry("other-by-address", "down");
        }
    }

    @Test
    void the_sweep_disconnects_ladders_container_from_a_crashed_runs_network_and_removes_it() {
        // a runtime of this host whose JVM is gone (no process has pid 2^22 + 1: Linux's pid_max is 2^22 at most)
        Map<String, String> labels = DockerLabels.of("crashed-" + ladder, DockerLabels.host() + "/4194305/1000");
        String network = client.createNetworkCmd().withName(ladder + "-net").withLabels(labels).exec().getId();
        client.connectToNetworkCmd().withNetworkId(network).withContainerId(ladder).exec();

        DockerLabRuntime runtime = runtime();

        assertThat(runtime.sweptLeftovers()).contains("removed leftover network " + ladder + "-net");
        assertThat(DockerLeftovers.ofSession("crashed-" + ladder)).isEmpty();
        assertThat(networksOf(ladder)).doesNotContain(ladder + "-net");
    }

    @Test
    void a_container_that_does_not_exist_is_refused_with_the_setting_named() {
        assertThatThrownBy(() -> new DockerLabRuntime(DockerRuntimeSettings.defaults().withDataDirectory(data)
                .withAttachTo(ladder + "-missing"), new SimpleMeterRegistry()))
                .isInstanceOf(LabStartException.class)
                .hasMessageContaining("LADDER_LABS_DOCKER_ATTACH=" + ladder + "-missing: no such container");
    }

    private Set<String> networksOf(String container) {
        return client.inspectContainerCmd(container).exec().getNetworkSettings().getNetworks().keySet();
    }
}
