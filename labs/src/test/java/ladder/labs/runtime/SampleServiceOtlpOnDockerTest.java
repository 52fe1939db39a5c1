package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same as {@link SampleServiceOtlpTest} in the container the Docker runtime starts: Ladder's sample-service image
 * (with the agent in {@code /opt/otel/}, on the jlinked runtime), the recipe's command line and environment for the
 * image's paths, exporting to a receiver on the Docker bridge's gateway, which the container reaches. Nothing is
 * published: the test talks to the container on its bridge address.
 */
@Tag("docker-lab")
@DockerAvailable
class SampleServiceOtlpOnDockerTest {

    @Test
    void in_the_sample_service_image_the_agent_exports_spans_logs_and_metrics_with_one_trace_id() throws Exception {
        DockerClient client = DockerClientFactory.instance().client();
        Assumptions.assumeTrue(LabHostAddress.of(DockerClientFactory.instance().getTransportConfig().getDockerHost())
                        .equals(LabHostAddress.LOCAL),
                "the engine is another machine: its containers cannot reach a receiver on this one's bridge");
        String gateway = client.inspectNetworkCmd().withNetworkId("bridge").exec().getIpam().getConfig().getFirst().getGateway();
        String image = new LabImages(client, DockerRuntimeSettings.defaults()).ensure(ComponentKind.SAMPLE_SERVICE, line -> { });

        ComponentSpec shop = new ComponentSpec("shop", ComponentKind.SAMPLE_SERVICE, null, List.of(), null, "collector", List.of());
        ComponentRecipe recipe = ComponentRecipe.of(ComponentKind.SAMPLE_SERVICE);
        ComponentRecipe.Launch launch = new ComponentRecipe.Launch(shop, 8080, "0.0.0.0", null, "/lab/data",
                ComponentRecipe.Binaries.IN_IMAGES, name -> "http://127.0.0.1:13133", List.of(), null);
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver(gateway); HttpClient http = HttpClient.newHttpClient()) {
            List<String> command = new ArrayList<>(recipe.command(launch));
            command.set(command.indexOf("--otlp-url") + 1, receiver.url().toString());
            Map<String, String> env = new HashMap<>(recipe.environment(launch));
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.url().toString());
            assertThat(command).contains("-javaagent:/opt/otel/opentelemetry-javaagent.jar");
            try (GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                    .withCommand(command.toArray(String[]::new))
                    .withEnv(env)
                    .withCreateContainerCmdModifier(create -> create.getHostConfig()
                            .withMemory(256L * 1024 * 1024).withMemorySwap(256L * 1024 * 1024).withCapDrop(
                                    com.github.dockerjava.api.model.Capability.ALL))
                    .withStartupCheckStrategy(new org.testcontainers.containers.startupcheck.IsRunningStartupCheckStrategy())) {
                container.start();
                String address = container.getContainerInfo().getNetworkSettings().getIpAddress();
                URI base = URI.create("http://" + address + ":8080");
                SampleServiceOtlpTest.awaitHealthy(http, base, () -> {
                    assertThat(container.isRunning()).as("the shop runs: %s", container.getLogs()).isTrue();
                    return container.getLogs();
                });
                SampleServiceOtlpTest.assertSignalsArrive(http, base, receiver, container::getLogs);
            }
        }
    }
}
