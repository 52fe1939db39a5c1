package ladder.labs.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.catalog.LabFolder;
import ladder.labs.runtime.DockerAvailable;
import ladder.labs.runtime.DockerLabRuntime;
import ladder.labs.runtime.DockerRuntimeSettings;
import ladder.labs.runtime.LabSession;
import ladder.model.lab.CheckResult;
import ladder.model.lab.CheckStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check types of the container-only labs against the real services, in their pinned upstream images: {@code logql}
 * against Loki (lines the test pushes, the trace id captured from one, a query that finds nothing), {@code tempo-trace}
 * against Tempo (its search and its trace lookup saying what they did not find), {@code exemplar-trace} (the shop's
 * exemplars through the Collector into Prometheus with exemplar storage, their trace ids in Tempo). The Grafana checks run in the
 * dashboards lab's cases ({@code ContainerOnlyLabsOnDockerTest}). Where the images cannot be had each test is skipped,
 * the reason printed.
 */
@Tag("docker-lab")
@DockerAvailable
class UpstreamChecksOnDockerTest {

    @TempDir
    Path dataDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static LabFolder testLab(String id) throws URISyntaxException {
        return new LabDefinitionLoader().load(Path.of(UpstreamChecksOnDockerTest.class.getResource("/labs/" + id + "/lab.yaml").toURI()).getParent());
    }

    private static void assumeRunnable(DockerLabRuntime runtime, LabFolder lab) {
        List<String> whyNot = runtime.whyNotRunnable(lab.definition());
        if (!whyNot.isEmpty()) {
            System.out.println("[" + lab.definition().id() + "] skipped, the docker runtime cannot run it here: " + String.join("; ", whyNot));
        }
        Assumptions.assumeTrue(whyNot.isEmpty(), () -> String.join("; ", whyNot));
    }

    private Map<String, CheckResult> check(LabSession session) {
        return new CheckEngine(registry).run(session).results().stream()
                .collect(Collectors.toMap(CheckResult::checkId, result -> result));
    }

    @Test
    void logql_counts_the_pushed_error_line_captures_its_trace_id_and_says_when_it_finds_nothing() throws Exception {
        LabFolder lab = testLab("loki-basics");
        try (DockerLabRuntime runtime = new DockerLabRuntime(DockerRuntimeSettings.defaults().withDataDirectory(dataDir), registry)) {
            assumeRunnable(runtime, lab);
            try (LabSession session = runtime.start(lab, progress -> { })) {
                long now = Instant.now().toEpochMilli() * 1_000_000L;
                String push = "{\"streams\":[{\"stream\":{\"service\":\"shop\"},\"values\":["
                        + "[\"" + now + "\",\"INFO checkout ok traceId=00000000000000000000000000000001\"],"
                        + "[\"" + (now + 1) + "\",\"ERROR checkout failed traceId=4bf92f3577b34da6a3ce929d0e0e4736\"]]}]}";
                HttpResponse<String> pushed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(session.url("loki") + "/loki/api/v1/push"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(push)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(204);

                Map<String, CheckResult> results = check(session);

                assertThat(results.get("error-lines").status()).as(results.get("error-lines").observed()).isEqualTo(CheckStatus.PASS);
                assertThat(results.get("error-lines").observed()).contains("found 1 lines or series", "ERROR checkout failed");
                assertThat(results.get("error-lines").captured()).containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
                assertThat(results.get("no-such-lines").status()).isEqualTo(CheckStatus.FAIL);
                assertThat(results.get("no-such-lines").observed()).contains("found 0 lines or series");
            }
        }
    }

    @Test
    void tempo_trace_says_what_tempos_search_and_lookup_did_not_find() throws Exception {
        LabFolder lab = testLab("tempo-basics");
        try (DockerLabRuntime runtime = new DockerLabRuntime(DockerRuntimeSettings.defaults().withDataDirectory(dataDir), registry)) {
            assumeRunnable(runtime, lab);
            try (LabSession session = runtime.start(lab, progress -> { })) {
                Map<String, CheckResult> results = check(session);

                assertThat(results.get("no-trace-yet").status()).isEqualTo(CheckStatus.FAIL);
                assertThat(results.get("no-trace-yet").observed()).contains("Tempo's search finds no trace of shop");
                assertThat(results.get("unknown-trace-id").status()).isEqualTo(CheckStatus.FAIL);
                assertThat(results.get("unknown-trace-id").observed())
                        .contains("Tempo has no trace 0123456789abcdef0123456789abcdef");
            }
        }
    }

    @Test
    void exemplar_trace_follows_an_exemplar_of_the_shops_request_duration_into_tempo_and_says_when_there_is_none()
            throws Exception {
        LabFolder lab = testLab("exemplar-basics");
        try (DockerLabRuntime runtime = new DockerLabRuntime(DockerRuntimeSettings.defaults().withDataDirectory(dataDir), registry)) {
            assumeRunnable(runtime, lab);
            try (LabSession session = runtime.start(lab, progress -> { })) {
                Map<String, CheckResult> results = check(session);

                CheckResult linked = results.get("exemplar-in-tempo");
                assertThat(linked.status()).as(linked.observed()).isEqualTo(CheckStatus.PASS);
                assertThat(linked.observed()).contains("carries trace", "which Tempo has", "frontend");
                assertThat(linked.captured()).containsKey("traceId");
                assertThat(results.get("no-exemplars-on-up").status()).isEqualTo(CheckStatus.FAIL);
                assertThat(results.get("no-exemplars-on-up").observed()).contains("Prometheus keeps no exemplars for `up`");
            }
        }
    }
}
