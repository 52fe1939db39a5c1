package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prometheus component's {@code features} become {@code --enable-feature} flags: Debian's Prometheus started with
 * the recipe's command line reports exemplar storage on ({@code /api/v1/status/flags}) and answers exemplar queries.
 */
class PrometheusFeaturesTest {

    @TempDir
    Path temp;

    @Test
    void exemplar_storage_asked_for_in_the_lab_is_on_in_the_started_prometheus() throws Exception {
        ProcessRuntimeSettings settings = ProcessRuntimeSettings.defaults();
        Assumptions.assumeTrue(Files.isExecutable(Path.of(settings.binaries().prometheus())),
                "Debian's prometheus is not installed");
        Path config = Files.writeString(temp.resolve("prometheus.yml"), "global: {scrape_interval: 1s}\n");
        int port = FreePorts.next();
        ComponentSpec prometheus = new ComponentSpec("prometheus", ComponentKind.PROMETHEUS, "prometheus.yml", List.of(), null,
                null, List.of("exemplar-storage"));
        List<String> command = ComponentRecipe.of(ComponentKind.PROMETHEUS).command(new ComponentRecipe.Launch(prometheus, port,
                "127.0.0.1", config.toString(), temp.resolve("data").toString(), settings.binaries(), name -> "", List.of(), null));
        assertThat(command).contains("--enable-feature=exemplar-storage");

        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(temp.resolve("log").toFile()).start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + port;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!ComponentReload.answers(http, base + "/-/ready")) {
                assertThat(System.nanoTime()).as(Files.readString(temp.resolve("log"))).isLessThan(deadline);
                assertThat(process.isAlive()).as(Files.readString(temp.resolve("log"))).isTrue();
                Thread.sleep(100);
            }
            String flags = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/status/flags")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(flags).contains("\"enable-feature\":\"exemplar-storage\"");
            String exemplars = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/query_exemplars?query=up&start=0&end=1")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(exemplars).isEqualTo("{\"status\":\"success\",\"data\":[]}");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
