package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ladder.labs.TestLabs;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.catalog.LabFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/** Two sessions at once are apart; a CLI killed with SIGKILL leaves containers that the next runtime removes. */
@DockerAvailable
class DockerIsolationAndCleanupTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void two_sessions_at_once_do_not_reach_each_others_components() throws Exception {
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        try (DockerLabRuntime runtime = new DockerLabRuntime(DockerRuntimeSettings.defaults().withDataDirectory(data), new SimpleMeterRegistry());
             LabSession first = runtime.start(lab, LabProgressListener.NONE);
             LabSession second = runtime.start(lab, LabProgressListener.NONE)) {
            int secondPort = second.ports().get("prometheus");
            String secondSandbox = ContainerPlan.name(second.id(), DockerLabels.SANDBOX);
            // the first Prometheus tries the second's by its loopback port and by its sandbox's name
            first.writeFile("prometheus.yml", """
                    global: {scrape_interval: 1s, evaluation_interval: 1s}
                    scrape_configs:
                      - job_name: own
                        static_configs: [{targets: ['${host:prometheus}']}]
                      - job_name: other-by-port
                        static_configs: [{targets: ['127.0.0.1:%d']}]
                      - job_name: other-by-name
                        static_configs: [{targets: ['%s:%d']}]
                    """.formatted(secondPort, secondSandbox, secondPort));
            assertThat(first.reload().applied()).isTrue();

            Map<String, String> health = awaitHealth(first, 3);

            assertThat(health).containsEntry("own", "up").containsEntry("other-by-port", "down").containsEntry("other-by-name", "down");
        }
    }

    /** Scrape health by job, once every job has been scraped at least once. */
    private Map<String, String> awaitHealth(LabSession session, int jobs) throws Exception {
        Instant giveUp = Instant.now().plusSeconds(30);
        Map<String, String> health = Map.of();
        while (Instant.now().isBefore(giveUp)) {
            String body = http.send(HttpRequest.newBuilder(URI.create(session.url("prometheus") + "/api/v1/targets?state=active")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            health = new java.util.LinkedHashMap<>();
            var matcher = java.util.regex.Pattern.compile("\"scrapePool\":\"([^\"]+)\".*?\"health\":\"([a-z]+)\"").matcher(body);
            while (matcher.find()) {
                health.put(matcher.group(1), matcher.group(2));
            }
            if (health.size() == jobs && !health.containsValue("unknown")) {
                return health;
            }
            Thread.sleep(250);
        }
        return health;
    }

    @Test
    void a_runtime_starting_after_a_killed_cli_removes_its_containers_and_network() throws Exception {
        Process child = startChildRun();
        String owner = "/" + child.pid() + "/";
        try {
            awaitRunningContainers(owner, 3, child);

            child.destroyForcibly().waitFor(); // kill -9: no shutdown hook runs

            assertThat(ours(owner)).as("the killed run left its containers and network").hasSize(3 + 1);
            try (DockerLabRuntime next = new DockerLabRuntime(DockerRuntimeSettings.defaults().withDataDirectory(data), new SimpleMeterRegistry())) {
                assertThat(next.sweptLeftovers()).anyMatch(line -> line.startsWith("removed leftover container"))
                        .anyMatch(line -> line.startsWith("removed leftover network"));
                assertThat(ours(owner)).isEmpty();
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void a_cli_stopped_with_sigterm_removes_its_containers_and_network_on_the_way_out() throws Exception {
        Process child = startChildRun();
        String owner = "/" + child.pid() + "/";
        try {
            awaitRunningContainers(owner, 3, child);

            child.destroy(); // SIGTERM: the runtime's shutdown hook runs
            assertThat(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            assertThat(ours(owner)).isEmpty();
        } finally {
            child.destroyForcibly();
        }
    }

    private Process startChildRun() throws java.io.IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "ladder.labs.cli.LabsCli", "run", TestLabs.nodeBasics().toString(), "--runtime", "docker")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("child.log").toFile());
        builder.environment().put("LADDER_DATA_DIR", data.toString());
        return builder.start();
    }

    /** Containers and networks whose owner label names the child's pid. */
    private static List<String> ours(String owner) {
        DockerClient client = DockerClientFactory.instance().client();
        return java.util.stream.Stream.concat(
                client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(DockerLabels.LAB, "true")).exec().stream()
                        .filter(container -> container.getLabels().getOrDefault(DockerLabels.OWNER, "").contains(owner))
                        .map(container -> "container " + String.join(",", container.getNames())),
                client.listNetworksCmd().withFilter("label", List.of(DockerLabels.LAB + "=true")).exec().stream()
                        .filter(network -> network.getLabels().getOrDefault(DockerLabels.OWNER, "").contains(owner))
                        .map(network -> "network " + network.getName()))
                .toList();
    }

    private void awaitRunningContainers(String owner, int count, Process child) throws Exception {
        DockerClient client = DockerClientFactory.instance().client();
        Instant giveUp = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(giveUp) && child.isAlive()) {
            long running = client.listContainersCmd().withLabelFilter(Map.of(DockerLabels.LAB, "true")).exec().stream()
                    .filter(container -> container.getLabels().getOrDefault(DockerLabels.OWNER, "").contains(owner))
                    .count();
            if (running == count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child run started no containers; its output:\n" + Files.readString(data.resolve("child.log")));
    }
}
