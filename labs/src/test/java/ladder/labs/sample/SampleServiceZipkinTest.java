package ladder.labs.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ladder.labs.TestLabs;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.runtime.LabProgressListener;
import ladder.labs.runtime.LabSession;
import ladder.labs.runtime.ProcessLabRuntime;
import ladder.labs.runtime.ProcessRuntimeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sample service against a real Zipkin (the jar Maven fetched, started by the process runtime). */
class SampleServiceZipkinTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void a_log_line_of_the_shop_carries_the_trace_and_span_id_that_zipkin_shows_for_its_span() throws Exception {
        ProcessRuntimeSettings settings = ProcessRuntimeSettings.defaults().withDataDirectory(dir.resolve("data"));
        try (ProcessLabRuntime runtime = new ProcessLabRuntime(settings, new SimpleMeterRegistry());
             LabSession session = runtime.start(new LabDefinitionLoader().load(TestLabs.zipkinBasics()), LabProgressListener.NONE)) {
            URI zipkin = URI.create(session.url("zipkin"));
            Path log = dir.resolve("logs/backend.log");
            try (SampleService backend = SampleService.start(SampleOptions.named("backend")
                         .withZipkinUrl(zipkin).withLogFile(log));
                 SampleService frontend = SampleService.start(SampleOptions.named("frontend")
                         .withZipkinUrl(zipkin).withDownstreamUrl(backend.baseUrl()))) {
                HttpResponse<String> checkout = http.send(HttpRequest.newBuilder(frontend.baseUrl().resolve("/api/checkout"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(checkout.statusCode()).isEqualTo(200);
                String traceId = checkout.headers().firstValue("traceparent").orElseThrow().split("-")[1];

                // the frontend's server span, its three dependencies and its client span, and the backend's server span
                JsonNode spans = awaitTrace(zipkin, traceId, 6);
                JsonNode payment = null;
                for (JsonNode span : spans) {
                    if ("backend".equals(span.path("localEndpoint").path("serviceName").asString())
                            && "SERVER".equals(span.path("kind").asString())) {
                        payment = span;
                    }
                }
                assertThat(payment).as("the backend's server span in Zipkin's trace " + spans).isNotNull();
                assertThat(payment.path("name").asString()).isEqualTo("post /api/payments"); // Zipkin lower-cases names
                assertThat(payment.path("tags").path("http.status_code").asString()).isEqualTo("200");
                List<String> kinds = spans.valueStream().map(span -> span.path("kind").asString("local")).sorted().toList();
                assertThat(kinds).containsExactly("CLIENT", "SERVER", "SERVER", "local", "local", "local");
                assertThat(spans.valueStream().map(span -> span.path("name").asString()))
                        .contains("reserve-stock", "price-cart", "score-fraud", "post /api/checkout", "post /api/payments");

                assertThat(Files.readString(log)).containsPattern(Pattern.quote("INFO service=backend traceId=" + traceId
                        + " spanId=" + payment.path("id").asString() + " method=POST endpoint=/api/payments status=200"));
            }
        }
    }

    private JsonNode awaitTrace(URI zipkin, String traceId, int spans) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode trace = JsonMapper.builder().build().createArrayNode();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(zipkin.resolve("/api/v2/trace/" + traceId))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                trace = JsonMapper.builder().build().readTree(response.body());
                if (trace.size() >= spans) {
                    return trace;
                }
            }
            Thread.sleep(200);
        }
        return trace;
    }
}
