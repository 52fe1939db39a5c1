package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.proto.trace.v1.Span;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample service as a lab with {@code otlp: collector} starts it (the recipe's command line and environment:
 * the OpenTelemetry Java agent from the labs build), exporting to a real OTLP/HTTP receiver that decodes the protocol:
 * the span of a failed request, the ERROR log record of that request with the same trace id, the shop's own meter
 * through the agent's Micrometer bridge with an exemplar of that trace, and the same trace id in the log line on stdout.
 */
class SampleServiceOtlpTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TempDir
    Path temp;

    /** The ports of the services a test started, by name, for the downstream URLs. */
    private final Map<String, Integer> ports = new HashMap<>();

    @Test
    void the_recipe_attaches_the_agent_and_points_every_signal_at_the_collectors_otlp_http_port() {
        ComponentRecipe.Launch launch = launch(4242, "/opt/otel/opentelemetry-javaagent.jar");
        ComponentRecipe recipe = ComponentRecipe.of(ComponentKind.SAMPLE_SERVICE);

        assertThat(recipe.command(launch)).contains("-javaagent:/opt/otel/opentelemetry-javaagent.jar")
                .containsSubsequence("--otlp-url", "http://collector:4318")
                .doesNotContain("--zipkin-url");
        assertThat(recipe.environment(launch)).containsEntry("OTEL_SERVICE_NAME", "shop")
                .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
                .containsEntry("OTEL_TRACES_EXPORTER", "otlp").containsEntry("OTEL_METRICS_EXPORTER", "otlp")
                .containsEntry("OTEL_LOGS_EXPORTER", "otlp");
    }

    @Test
    void without_the_agents_jar_the_start_is_refused_with_where_it_was_looked_for() {
        ComponentRecipe.Launch launch = launch(4242, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ComponentRecipe.of(ComponentKind.SAMPLE_SERVICE).command(launch))
                .isInstanceOf(LabStartException.class)
                .hasMessageContaining("OpenTelemetry Java agent").hasMessageContaining("opentelemetry-javaagent.jar");
    }

    @Test
    void under_the_agent_spans_logs_and_metrics_arrive_over_otlp_and_the_log_line_carries_the_spans_trace_id()
            throws Exception {
        Path agent = ProcessRuntimeSettings.findOtelAgentJar();
        assertThat(agent).as("the labs build copies the agent to target/components/ (maven-dependency-plugin)").isNotNull();
        int port = FreePorts.next();
        ComponentRecipe recipe = ComponentRecipe.of(ComponentKind.SAMPLE_SERVICE);
        ComponentRecipe.Launch launch = launch(port, agent.toString());
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver(); HttpClient http = HttpClient.newHttpClient()) {
            // the collector's port 4318 becomes this test's receiver: the rest is the recipe's, unchanged
            List<String> command = new ArrayList<>(recipe.command(launch));
            command.set(command.indexOf("--otlp-url") + 1, receiver.url().toString());
            Map<String, String> env = new HashMap<>(recipe.environment(launch));
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.url().toString());
            Path out = temp.resolve("shop.log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            try {
                URI base = URI.create("http://127.0.0.1:" + port);
                awaitHealthy(http, base, () -> {
                    assertThat(process.isAlive()).as("the shop runs: %s", Files.exists(out) ? Files.readString(out) : "").isTrue();
                    return Files.exists(out) ? Files.readString(out) : "";
                });
                assertSignalsArrive(http, base, receiver, () -> Files.readString(out));
            } finally {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
    }

    @Test
    void a_checkout_through_the_downstream_payments_service_is_one_trace_with_spans_of_both_services() throws Exception {
        Path agent = ProcessRuntimeSettings.findOtelAgentJar();
        assertThat(agent).as("the labs build copies the agent to target/components/").isNotNull();
        int paymentsPort = FreePorts.next();
        int frontendPort = FreePorts.next();
        ports.put("payments", paymentsPort);
        ComponentRecipe recipe = ComponentRecipe.of(ComponentKind.SAMPLE_SERVICE);
        try (OtlpHttpReceiver receiver = new OtlpHttpReceiver(); HttpClient http = HttpClient.newHttpClient()) {
            ComponentSpec payments = new ComponentSpec("payments", ComponentKind.SAMPLE_SERVICE, null, List.of(), null,
                    "collector", List.of());
            ComponentSpec frontend = new ComponentSpec("frontend", ComponentKind.SAMPLE_SERVICE, null, List.of("payments"), null,
                    "collector", List.of());
            Process paymentsProcess = start(recipe, launch(payments, paymentsPort, agent.toString()), receiver, "payments");
            Process frontendProcess = start(recipe, launch(frontend, frontendPort, agent.toString()), receiver, "frontend");
            try {
                URI paymentsBase = URI.create("http://127.0.0.1:" + paymentsPort);
                URI frontendBase = URI.create("http://127.0.0.1:" + frontendPort);
                awaitHealthy(http, paymentsBase, () -> Files.readString(temp.resolve("payments.log")));
                awaitHealthy(http, frontendBase, () -> Files.readString(temp.resolve("frontend.log")));
                HttpResponse<String> checkout = http.send(HttpRequest.newBuilder(frontendBase.resolve("/api/checkout"))
                        .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":42.5}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(200);
                assertThat(checkout.body()).contains("accepted");

                List<String> wanted = List.of("frontend SPAN_KIND_SERVER", "frontend SPAN_KIND_CLIENT", "payments SPAN_KIND_SERVER");
                List<OtlpHttpReceiver.ReceivedSpan> spans = receiver.awaitSpans(all -> all.stream()
                        .filter(span -> span.traceId().equals(TRACE_ID)).map(span -> span.service() + " " + span.kind())
                        .toList().containsAll(wanted), Duration.ofSeconds(30));
                assertThat(spans).filteredOn(span -> span.traceId().equals(TRACE_ID))
                        .extracting(span -> span.service() + " " + span.kind())
                        .as("the frontend's server and client spans and the payments' server span, one trace")
                        .containsAll(wanted);
            } finally {
                for (Process process : List.of(frontendProcess, paymentsProcess)) {
                    process.destroy();
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            }
        }
    }

    private Process start(ComponentRecipe recipe, ComponentRecipe.Launch launch, OtlpHttpReceiver receiver, String name)
            throws java.io.IOException {
        List<String> command = new ArrayList<>(recipe.command(launch));
        command.set(command.indexOf("--otlp-url") + 1, receiver.url().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".log").toFile());
        builder.environment().putAll(recipe.environment(launch));
        builder.environment().put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.url().toString());
        return builder.start();
    }

    interface Output {
        String get() throws Exception;
    }

    /**
     * Makes every request fail, sends one with a {@code traceparent} of {@link #TRACE_ID}, and asserts what reaches the
     * receiver and what the shop printed: the same for the process and the container.
     */
    static void assertSignalsArrive(HttpClient http, URI base, OtlpHttpReceiver receiver, Output stdout) throws Exception {
        http.send(HttpRequest.newBuilder(base.resolve("/admin/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"errorRate\": 1.0}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> failed = http.send(HttpRequest.newBuilder(base.resolve("/api/products"))
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(failed.statusCode()).isEqualTo(500);

        List<OtlpHttpReceiver.ReceivedSpan> spans = receiver.awaitSpan(span -> span.traceId().equals(TRACE_ID)
                && span.kind() == Span.SpanKind.SPAN_KIND_SERVER, Duration.ofSeconds(30));
        assertThat(spans).as("spans received").anySatisfy(span -> {
            assertThat(span.traceId()).isEqualTo(TRACE_ID);
            assertThat(span.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
            assertThat(span.service()).isEqualTo("shop");
        });
        List<OtlpHttpReceiver.ReceivedLog> logs = receiver.awaitLog(log -> log.traceId().equals(TRACE_ID),
                Duration.ofSeconds(30));
        assertThat(logs).as("log records received").anySatisfy(log -> {
            assertThat(log.traceId()).isEqualTo(TRACE_ID);
            assertThat(log.service()).isEqualTo("shop");
            assertThat(log.severity()).isEqualTo("ERROR");
            assertThat(log.body()).contains("endpoint=/api/products", "status=500");
        });
        String spanId = logs.stream().filter(log -> log.traceId().equals(TRACE_ID)).findFirst().orElseThrow().spanId();
        assertThat(spans).as("the log record's span is one of the exported spans")
                .anySatisfy(span -> assertThat(span.spanId()).isEqualTo(spanId));
        List<OtlpHttpReceiver.ReceivedMetric> metrics = receiver.awaitMetric(
                metric -> metric.name().equals("http.server.requests"), Duration.ofSeconds(30));
        assertThat(metrics).as("metrics received").anySatisfy(metric -> {
            assertThat(metric.name()).isEqualTo("http.server.requests");
            assertThat(metric.service()).isEqualTo("shop");
            // in seconds: the collector's Prometheus exporter names it http_server_requests_seconds_*
            assertThat(metric.unit()).isEqualTo("s");
        });
        // what the production-stack lab's exemplars rest on: the request's duration links to its trace
        assertThat(receiver.awaitMetric(metric -> metric.name().equals("http.server.requests")
                && metric.exemplarTraceIds().contains(TRACE_ID), Duration.ofSeconds(30)))
                .as("an exemplar of the shop's request duration carries the failed request's trace id")
                .anySatisfy(metric -> {
                    assertThat(metric.name()).isEqualTo("http.server.requests");
                    assertThat(metric.exemplarTraceIds()).contains(TRACE_ID);
                });
        assertThat(stdout.get()).as("the shop's log line on stdout")
                .containsPattern("ERROR service=shop traceId=" + TRACE_ID + " spanId=" + spanId
                        + " method=GET endpoint=/api/products status=500");
    }

    private ComponentRecipe.Launch launch(int port, String agentJar) {
        return launch(new ComponentSpec("shop", ComponentKind.SAMPLE_SERVICE, null, List.of(), null, "collector", List.of()),
                port, agentJar);
    }

    /** The component's launch; a downstream it names is at the port {@link #ports} holds for it. */
    private ComponentRecipe.Launch launch(ComponentSpec component, int port, String agentJar) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ComponentRecipe.Binaries binaries = new ComponentRecipe.Binaries("prometheus", "alertmanager", "node-exporter",
                "blackbox-exporter", "promtool", "amtool", java, null,
                ProcessRuntimeSettings.absoluteClasspath(System.getProperty("java.class.path")),
                ComponentRecipe.Binaries.POSTGRES_BIN, ComponentRecipe.Binaries.POSTGRES_EXPORTER, agentJar);
        return new ComponentRecipe.Launch(component, port, "127.0.0.1", null, temp.toString(), binaries,
                name -> name.equals("collector") ? "http://collector:13133" : "http://127.0.0.1:" + ports.get(name),
                List.of(), null);
    }

    static void awaitHealthy(HttpClient http, URI base, Output log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            log.get();
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the shop did not answer /health within 60 s: " + log.get());
    }
}
