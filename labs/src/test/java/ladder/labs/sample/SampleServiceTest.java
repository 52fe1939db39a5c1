package ladder.labs.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleServiceTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<AutoCloseable> started = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : started.reversed()) {
            closeable.close();
        }
        http.close();
    }

    private SampleService start(SampleOptions options) throws IOException {
        SampleService service = SampleService.start(options);
        started.add(service);
        return service;
    }

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, URI base, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_shop_endpoints_answer_and_health_says_up() throws Exception {
        URI base = start(SampleOptions.named("shop")).baseUrl();

        assertThat(get(base, "/health").body()).contains("\"status\":\"UP\"", "\"service\":\"shop\"");
        assertThat(get(base, "/api/products").body()).contains("\"id\":\"p-1\"");
        HttpResponse<String> order = send("POST", base, "/api/orders", "{\"productId\":\"p-2\",\"quantity\":1}");
        assertThat(order.statusCode()).isEqualTo(201);
        assertThat(order.body()).contains("\"productId\":\"p-2\"");
        HttpResponse<String> checkout = send("POST", base, "/api/checkout", "");
        assertThat(checkout.statusCode()).isEqualTo(200);
        assertThat(checkout.body()).contains("\"payment\":\"local\"");
        assertThat(send("POST", base, "/api/payments", "").statusCode()).isEqualTo(200);
        assertThat(get(base, "/api/nothing-here").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", base, "/api/products", "").statusCode()).isEqualTo(405);
        assertThat(send("POST", base, "/api/orders", "[1, 2").statusCode()).isEqualTo(400);
    }

    @Test
    void metrics_expose_the_request_timer_with_its_tags_buckets_and_the_shop_counters() throws Exception {
        URI base = start(SampleOptions.named("shop")).baseUrl();
        get(base, "/api/products");
        send("POST", base, "/api/orders", "{}");
        send("POST", base, "/api/checkout", "{}");

        HttpResponse<String> metrics = get(base, "/metrics");

        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("# TYPE http_server_requests_seconds histogram")
                .containsPattern("http_server_requests_seconds_bucket\\{endpoint=\"/api/products\",method=\"GET\","
                        + "outcome=\"SUCCESS\",service=\"shop\",status=\"200\",le=\"0\\.1\"} 1")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*le=\"\\+Inf\"} 1")
                .containsPattern("http_server_requests_seconds_count\\{endpoint=\"/api/orders\",method=\"POST\","
                        + "outcome=\"SUCCESS\",service=\"shop\",status=\"201\"} 1")
                .containsPattern("http_server_requests_seconds_sum\\{endpoint=\"/api/checkout\"")
                .containsPattern("shop_orders_total\\{service=\"shop\"} 1")
                .containsPattern("shop_checkouts_total\\{result=\"success\",service=\"shop\"} 1")
                .containsPattern("shop_faults_error_rate\\{service=\"shop\"} 0")
                .containsPattern("jvm_memory_used_bytes\\{.*service=\"shop\"")
                .doesNotContain("endpoint=\"/metrics\"", "endpoint=\"/health\"");
    }

    @Test
    void an_injected_error_rate_of_one_fails_every_shop_request_until_cleared() throws Exception {
        URI base = start(SampleOptions.named("shop")).baseUrl();

        HttpResponse<String> set = send("POST", base, "/admin/faults", "{\"errorRate\":1.0,\"latencyMs\":0}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(get(base, "/admin/faults").body()).isEqualTo("{\"errorRate\":1.0,\"latencyMs\":0}");
        for (int i = 0; i < 5; i++) {
            assertThat(get(base, "/api/products").statusCode()).isEqualTo(500);
            assertThat(send("POST", base, "/api/orders", "{}").statusCode()).isEqualTo(500);
        }
        assertThat(get(base, "/health").statusCode()).isEqualTo(200);
        assertThat(get(base, "/metrics").body())
                .containsPattern("http_server_requests_seconds_count\\{endpoint=\"/api/products\",method=\"GET\","
                        + "outcome=\"SERVER_ERROR\",service=\"shop\",status=\"500\"} 5")
                .containsPattern("shop_faults_error_rate\\{service=\"shop\"} 1");

        assertThat(send("DELETE", base, "/admin/faults", "").statusCode()).isEqualTo(200);
        assertThat(get(base, "/api/products").statusCode()).isEqualTo(200);
    }

    @Test
    void faults_with_a_duration_clear_by_themselves_unless_changed_meanwhile() throws Exception {
        URI base = start(SampleOptions.named("shop")).baseUrl();

        assertThat(send("POST", base, "/admin/faults", "{\"errorRate\":1.0,\"durationMs\":300}").statusCode()).isEqualTo(200);
        assertThat(get(base, "/api/products").statusCode()).isEqualTo(500);
        Thread.sleep(700);
        assertThat(get(base, "/admin/faults").body()).isEqualTo("{\"errorRate\":0.0,\"latencyMs\":0}");
        assertThat(get(base, "/api/products").statusCode()).isEqualTo(200);

        send("POST", base, "/admin/faults", "{\"errorRate\":1.0,\"durationMs\":300}");
        send("POST", base, "/admin/faults", "{\"errorRate\":0.5}"); // changed meanwhile: stays
        Thread.sleep(700);
        assertThat(get(base, "/admin/faults").body()).isEqualTo("{\"errorRate\":0.5,\"latencyMs\":0}");
        assertThat(send("POST", base, "/admin/faults?durationMs=-1", "").statusCode()).isEqualTo(400);
    }

    @Test
    void faults_can_be_set_with_query_parameters_and_bad_values_are_refused_with_a_reason() throws Exception {
        URI base = start(SampleOptions.named("shop")).baseUrl();

        assertThat(send("POST", base, "/admin/faults?errorRate=0&latencyMs=30", "").body())
                .isEqualTo("{\"errorRate\":0.0,\"latencyMs\":30}");
        HttpResponse<String> tooHigh = send("POST", base, "/admin/faults?errorRate=1.5", "");
        assertThat(tooHigh.statusCode()).isEqualTo(400);
        assertThat(tooHigh.body()).contains("errorRate must be between 0.0 and 1.0, got 1.5");
        HttpResponse<String> unknown = send("POST", base, "/admin/faults", "{\"cpuBurn\":1}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown field 'cpuBurn'");
    }

    @Test
    void a_checkout_carries_its_trace_to_the_downstream_service_and_both_report_it_to_zipkin() throws Exception {
        FakeZipkinCollector zipkin = new FakeZipkinCollector();
        started.add(zipkin);
        Path backendLog = dir.resolve("logs/backend.log");
        SampleService backend = start(SampleOptions.named("backend")
                .withZipkinUrl(zipkin.url()).withLogFile(backendLog));
        SampleService frontend = start(SampleOptions.named("frontend")
                .withZipkinUrl(zipkin.url()).withDownstreamUrl(backend.baseUrl()));

        HttpResponse<String> checkout = send("POST", frontend.baseUrl(), "/api/checkout", "{}");

        assertThat(checkout.statusCode()).isEqualTo(200);
        assertThat(checkout.body()).contains("\"payment\":\"accepted\"");
        String traceId = checkout.headers().firstValue("traceparent").orElseThrow().split("-")[1];
        // the frontend's server span, its three dependencies and its client span, and the backend's server span
        String spans = zipkin.awaitBodiesContaining(traceId, 6, Duration.ofSeconds(5));
        assertThat(spans)
                .contains("\"serviceName\":\"frontend\"", "\"serviceName\":\"backend\"")
                .contains("\"kind\":\"SERVER\"", "\"kind\":\"CLIENT\"")
                .contains("\"name\":\"POST /api/payments\"");
        assertThat(Files.readString(backendLog))
                .containsPattern("service=backend traceId=" + traceId + " spanId=[0-9a-f]{16} method=POST"
                        + " endpoint=/api/payments status=200 durationMs=\\d+");
    }

    @Test
    void an_incoming_traceparent_makes_the_server_span_its_child_and_sampling_zero_reports_nothing() throws Exception {
        FakeZipkinCollector zipkin = new FakeZipkinCollector();
        started.add(zipkin);
        URI base = start(SampleOptions.named("shop").withZipkinUrl(zipkin.url()).withSampleRate(0)).baseUrl();

        HttpResponse<String> fresh = get(base, "/api/products");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> child = http.send(HttpRequest.newBuilder(base.resolve("/api/products"))
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(fresh.headers().firstValue("traceparent")).hasValueSatisfying(
                value -> assertThat(value).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00"));
        assertThat(child.headers().firstValue("traceparent")).hasValueSatisfying(
                value -> assertThat(value).startsWith("00-" + traceId + "-").endsWith("-01"));
        String spans = zipkin.awaitBodiesContaining(traceId, 1, Duration.ofSeconds(5));
        assertThat(spans).contains("\"parentId\":\"00f067aa0ba902b7\"");
        String freshTrace = fresh.headers().firstValue("traceparent").orElseThrow().split("-")[1];
        assertThat(spans).doesNotContain(freshTrace); // not sampled: never sent
    }

    @Test
    void tracing_follows_the_services_file_and_its_later_changes() throws Exception {
        FakeZipkinCollector zipkin = new FakeZipkinCollector();
        started.add(zipkin);
        Path file = dir.resolve("services.yml");
        Files.writeString(file, "frontend:\n  tracing:\n    sample-rate: 1.0\n");
        URI base = start(SampleOptions.named("frontend").withServicesFile(file)).baseUrl();

        assertThat(get(base, "/admin/tracing").body()).contains("\"zipkinUrl\":null", "\"sampleRate\":1.0");

        Files.writeString(file, "frontend:\n  tracing:\n    zipkin-url: " + zipkin.url() + "\n    sample-rate: 1.0\n"
                + "backend:\n  tracing:\n    sample-rate: 0.0\n");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!get(base, "/admin/tracing").body().contains(zipkin.url().toString()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        HttpResponse<String> traced = get(base, "/api/products");
        String traceId = traced.headers().firstValue("traceparent").orElseThrow().split("-")[1];

        assertThat(zipkin.awaitBodiesContaining(traceId, 1, Duration.ofSeconds(5)))
                .contains("\"serviceName\":\"frontend\"");
    }

    @Test
    void under_otlp_zipkin_from_the_services_file_is_ignored_with_a_warning_and_nothing_is_sent_there() throws Exception {
        FakeZipkinCollector zipkin = new FakeZipkinCollector();
        started.add(zipkin);
        Path file = dir.resolve("services.yml");
        Path log = dir.resolve("shop.log");
        URI base = start(SampleOptions.named("shop").withOtlpUrl(URI.create("http://127.0.0.1:4318")).withServicesFile(file)
                .withLogFile(log)).baseUrl();

        assertThat(get(base, "/admin/tracing").body()).contains("\"otlpUrl\":\"http://127.0.0.1:4318\"", "\"zipkinUrl\":null");
        Files.writeString(file, "shop:\n  tracing:\n    zipkin-url: " + zipkin.url() + "\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(log).contains("ignored: traces go over OTLP") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        HttpResponse<String> served = get(base, "/api/products");

        assertThat(Files.readString(log)).contains("WARN service=shop tracing from " + file
                + " ignored: traces go over OTLP to http://127.0.0.1:4318");
        assertThat(get(base, "/admin/tracing").body()).contains("\"zipkinUrl\":null");
        assertThat(served.headers().firstValue("traceparent")).as("Brave is off: the agent traces").isEmpty();
        assertThat(zipkin.awaitBodiesContaining("shop", 1, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void a_broken_services_file_is_reported_and_the_command_line_settings_stay() throws Exception {
        Path file = dir.resolve("services.yml");
        Path log = dir.resolve("shop.log");
        Files.writeString(file, "shop:\n  tracing:\n    sample-rate: 7\n");
        URI base = start(SampleOptions.named("shop").withSampleRate(0.5).withServicesFile(file).withLogFile(log)).baseUrl();

        assertThat(get(base, "/admin/tracing").body()).contains("\"sampleRate\":0.5");
        assertThat(Files.readString(log))
                .contains("WARN service=shop ignoring " + file + ": " + file + ": shop.tracing.sample-rate: must be a number between 0.0 and 1.0, got '7'");
    }

    @Test
    void the_load_option_sends_shop_traffic_without_anyone_calling() throws Exception {
        URI base = start(SampleOptions.named("shop").withLoadRps(50)).baseUrl();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Pattern count = Pattern.compile("http_server_requests_seconds_count\\{endpoint=\"/api/products\"[^}]*} (\\d+)");
        long seen = 0;
        while (seen < 3 && System.nanoTime() < deadline) {
            Matcher matcher = count.matcher(get(base, "/metrics").body());
            seen = matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
            Thread.sleep(100);
        }
        assertThat(seen).isGreaterThanOrEqualTo(3);
    }

    @Test
    void load_can_be_started_and_stopped_at_run_time() throws Exception {
        URI base = start(SampleOptions.named("shop")).baseUrl();

        assertThat(send("POST", base, "/admin/load", "{\"rps\":50}").body()).isEqualTo("{\"rps\":50.0}");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!get(base, "/metrics").body().contains("endpoint=\"/api/products\"") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(get(base, "/metrics").body()).contains("endpoint=\"/api/products\"");
        assertThat(send("DELETE", base, "/admin/load", "").body()).isEqualTo("{\"rps\":0.0}");
        assertThat(send("POST", base, "/admin/load?rps=-1", "").statusCode()).isEqualTo(400);
    }

    @Test
    void the_webhook_endpoint_keeps_what_alertmanager_sent() throws Exception {
        URI base = start(SampleOptions.named("shop")).baseUrl();

        send("POST", base, "/admin/webhook", "{\"status\":\"firing\",\"alerts\":[{\"labels\":{\"alertname\":\"X\"}}]}");

        assertThat(get(base, "/admin/webhook").body()).contains("\"alertname\":\"X\"").startsWith("[{");
        assertThat(send("POST", base, "/admin/webhook", "not json at all: [").statusCode()).isEqualTo(400);
        send("DELETE", base, "/admin/webhook", "");
        assertThat(get(base, "/admin/webhook").body()).isEqualTo("[]");
    }

    @Test
    void a_slow_dependency_from_the_services_file_slows_some_checkouts_and_logs_its_cause_with_the_trace_id() throws Exception {
        FakeZipkinCollector zipkin = new FakeZipkinCollector();
        started.add(zipkin);
        Path file = dir.resolve("services.yml");
        Path log = dir.resolve("shop.log");
        Files.writeString(file, "shop:\n  faults:\n    slow-dependency: price-cart\n");
        URI base = start(SampleOptions.named("shop").withZipkinUrl(zipkin.url()).withServicesFile(file).withLogFile(log))
                .baseUrl();

        String slowTrace = null;
        long slowMillis = 0;
        for (int i = 0; i < 40 && slowTrace == null; i++) { // one in three is slow: 40 fast ones in a row is 1e-7
            long begun = System.nanoTime();
            HttpResponse<String> checkout = send("POST", base, "/api/checkout", "{}");
            long millis = (System.nanoTime() - begun) / 1_000_000;
            assertThat(checkout.statusCode()).isEqualTo(200);
            String traceId = checkout.headers().firstValue("traceparent").orElseThrow().split("-")[1];
            if (Files.readString(log).lines()
                    .anyMatch(line -> line.contains("traceId=" + traceId) && line.contains(" slow dependency="))) {
                slowTrace = traceId;
                slowMillis = millis;
            }
        }

        assertThat(slowTrace).as("a slow checkout among 40").isNotNull();
        assertThat(slowMillis).isGreaterThanOrEqualTo(SlowDependency.MIN_MILLIS);
        String trace = slowTrace;
        String line = Files.readString(log).lines().filter(l -> l.contains("traceId=" + trace) && l.contains(" slow "))
                .findFirst().orElseThrow();
        Matcher fields = Pattern.compile("WARN service=shop traceId=" + trace + " spanId=([0-9a-f]{16}) slow"
                + " dependency=price-cart tookMs=(\\d+) cause=(\\S+)$").matcher(line);
        assertThat(fields.find()).as(line).isTrue();
        assertThat(SlowDependency.CAUSES.get("price-cart")).contains(fields.group(3));
        String spans = zipkin.awaitBodiesContaining(trace, 6, Duration.ofSeconds(5));
        assertThat(spans).contains("\"id\":\"" + fields.group(1) + "\",\"name\":\"price-cart\"");
        assertThat(spans).as("the cause is in the log only").doesNotContain(fields.group(3));
    }

    @Test
    void the_services_file_sets_the_load_and_refuses_a_dependency_the_checkout_does_not_have() throws Exception {
        Path file = dir.resolve("services.yml");
        Path log = dir.resolve("shop.log");
        Files.writeString(file, "shop:\n  load: {rps: 20}\n");
        URI base = start(SampleOptions.named("shop").withServicesFile(file).withLogFile(log)).baseUrl();

        assertThat(get(base, "/admin/load").body()).isEqualTo("{\"rps\":20.0}");
        Files.writeString(file, "shop:\n  faults: {slow-dependency: database}\n");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(log).contains("WARN service=shop ignoring") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(log)).contains("shop.faults.slow-dependency: 'database' is not a dependency of the checkout"
                + " (known: reserve-stock, price-cart, score-fraud, or random)");
        assertThat(get(base, "/admin/load").body()).as("the load stays").isEqualTo("{\"rps\":20.0}");
    }

    @Test
    void a_log_file_that_cannot_be_written_stops_the_start_with_the_reason() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("logs/shop.log")); // a folder where the file should be

        assertThatThrownBy(() -> start(SampleOptions.named("shop").withLogFile(folder)))
                .isInstanceOf(IOException.class).hasMessageContaining(folder.toString());
    }
}
