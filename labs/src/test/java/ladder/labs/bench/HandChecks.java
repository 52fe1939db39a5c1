package ladder.labs.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import ladder.labs.runtime.ProcessRuntimeSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The minimal equivalent of each catalog lab's checks, written out by hand as a shell script would
 * do it: run promtool/amtool on the rendered files, send the same HTTP actions, and poll Prometheus,
 * Alertmanager, Zipkin, the shop and the logs with plain HTTP until they answer as the checks expect.
 * Steps run one after the other; waits poll at the benchmark's by-hand interval.
 */
final class HandChecks {

    /** One lab's script. */
    @FunctionalInterface
    interface Script {
        void run(HandChecks hand, HandStack stack) throws IOException, InterruptedException;
    }

    /** The scripts by lab id; a lab without one is benchmarked through the engine only. */
    static final Map<String, Script> SCRIPTS = Map.of(
            "metrics", HandChecks::metrics,
            "alerting", HandChecks::alerting,
            "slo", HandChecks::slo,
            "host-metrics", HandChecks::hostMetrics,
            "tracing", HandChecks::tracing);

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ProcessRuntimeSettings settings;
    private final Duration poll;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<String, Long> steps = new java.util.LinkedHashMap<>();

    HandChecks(ProcessRuntimeSettings settings, Duration poll) {
        this.settings = settings;
        this.poll = poll;
    }

    private static void metrics(HandChecks hand, HandStack stack) throws IOException, InterruptedException {
        String prometheus = stack.url("prometheus");
        hand.tool(stack, hand.settings.promtool(), "check", "config", "prometheus.yml");
        hand.tool(stack, hand.settings.promtool(), "check", "rules", "rules.yml");
        hand.send("POST", stack.url("shop") + "/admin/load", "{\"rps\": 5}");
        hand.awaitSeries(prometheus, "up{job=\"shop\", service=\"shop\"} == 1", 1);
        hand.awaitSeries(prometheus, "job:http_requests:rate5m{job=\"shop\", service=\"shop\"} > 0", 1);
        hand.awaitSeries(prometheus, "job:http_request_duration_seconds:p95{job=\"shop\", service=\"shop\"} > 0", 1);
        hand.fileMatches(stack.rendered().resolve("rules.yml"), "histogram_quantile\\(\\s*0?\\.95\\s*,[\\s\\S]*http_server_requests_seconds_bucket");
    }

    private static void alerting(HandChecks hand, HandStack stack) throws IOException, InterruptedException {
        String prometheus = stack.url("prometheus");
        String alertmanager = stack.url("alertmanager");
        String shop = stack.url("shop");
        hand.tool(stack, hand.settings.promtool(), "check", "config", "prometheus.yml");
        hand.tool(stack, hand.settings.promtool(), "check", "rules", "alerts.yml");
        hand.tool(stack, hand.settings.amtool(), "check-config", "alertmanager.yml");
        hand.fileMatches(stack.rendered().resolve("alerts.yml"), "(?m)^\\s*for:\\s*\\d+(?:ms|s|m|h)\\s*$");
        hand.awaitBody(prometheus + "/api/v1/alertmanagers", body -> body.contains(alertmanager.substring("http://".length()) + "/api/v2/alerts"));
        hand.send("POST", shop + "/admin/load", "{\"rps\": 10}");
        hand.send("DELETE", shop + "/admin/webhook", null);
        hand.send("POST", shop + "/admin/faults", "{\"errorRate\": 0.5}");
        try {
            hand.awaitBody(alertmanager + "/api/v2/alerts",
                    body -> body.contains("\"alertname\":\"HighErrorRatio\"") && body.contains("\"severity\":\"page\""));
        } finally {
            hand.send("DELETE", shop + "/admin/faults", null);
        }
        hand.awaitBody(shop + "/admin/webhook", body -> body.contains("HighErrorRatio"));
    }

    private static void slo(HandChecks hand, HandStack stack) throws IOException, InterruptedException {
        String prometheus = stack.url("prometheus");
        String shop = stack.url("shop");
        hand.tool(stack, hand.settings.promtool(), "check", "rules", "slo.yml");
        hand.send("POST", shop + "/admin/load", "{\"rps\": 10}");
        hand.awaitSeries(prometheus, "count by (__name__) ({__name__=~\"job:slo_errors_per_request:ratio_rate(5s|30s|1m|2m|6m|24m|72m)\", job=\"shop\"})", 7);
        hand.awaitBody(prometheus + "/api/v1/rules?type=alert",
                body -> body.contains("\"name\":\"ShopErrorBudgetBurnFast\"") && body.contains("\"name\":\"ShopErrorBudgetBurnSlow\""));
        hand.send("POST", shop + "/admin/faults", "{\"errorRate\": 0.5}");
        try {
            hand.awaitSeries(prometheus, "ALERTS{alertname=\"ShopErrorBudgetBurnFast\", alertstate=\"firing\", severity=\"page\"} == 1", 1);
        } finally {
            hand.send("DELETE", shop + "/admin/faults", null);
        }
        hand.awaitSeries(prometheus, "ALERTS{alertname=\"ShopErrorBudgetBurnSlow\", severity=\"ticket\"}", 1);
    }

    private static void hostMetrics(HandChecks hand, HandStack stack) throws IOException, InterruptedException {
        String prometheus = stack.url("prometheus");
        hand.tool(stack, hand.settings.promtool(), "check", "config", "prometheus.yml");
        hand.tool(stack, hand.settings.promtool(), "check", "rules", "host.yml");
        hand.awaitSeries(prometheus, "up{job=\"node\"} == 1", 1);
        hand.awaitSeries(prometheus, "instance:node_cpu_utilisation:rate1m{job=\"node\"} >= 0 <= 1", 1);
        hand.awaitSeries(prometheus, "count by (instance) (instance:node_cpu_utilisation:rate1m{job=\"node\"}) == 1", 1);
        hand.awaitSeries(prometheus, "instance:node_memory_available:ratio{job=\"node\"} > 0 < 1", 1);
    }

    private static void tracing(HandChecks hand, HandStack stack) throws IOException, InterruptedException {
        String frontend = stack.url("frontend");
        hand.fileMatches(stack.rendered().resolve("services.yml"), "(?m)^backend:\\s*\\n\\s+tracing:");
        hand.awaitBody(frontend + "/admin/tracing", body -> body.contains("\"zipkinUrl\":\"http://127.0.0.1:") && body.contains("\"sampleRate\":1.0"));
        hand.awaitBody(stack.url("backend") + "/admin/tracing", body -> body.contains("\"zipkinUrl\":\"http://127.0.0.1:"));
        hand.send("POST", frontend + "/admin/load", "{\"rps\": 5}");
        String traces = stack.url("zipkin") + "/api/v2/traces?serviceName=frontend&lookback=900000&limit=100";
        String traceId = hand.await("a trace of frontend and backend", () -> hand.traceSpanning(traces, Set.of("frontend", "backend")));
        Pattern line = Pattern.compile("service=backend traceId=" + traceId + " spanId=[0-9a-f]{16} method=POST endpoint=/api/payments");
        hand.await("the backend log line of that trace", () -> hand.logMatch(stack.log("backend"), line));
    }

    /** How long each step took, in order, named by what it did (ports left out). */
    Map<String, Long> steps() {
        return java.util.Collections.unmodifiableMap(steps);
    }

    private void step(String name, Instant began) {
        steps.merge(name.replaceAll("http://127\\.0\\.0\\.1:\\d+", ""), Duration.between(began, Instant.now()).toMillis(), Long::sum);
    }

    // ---- the by-hand tools: what curl, grep and a sleep loop do ----

    /** Runs promtool or amtool on the rendered files; anything but exit code 0 fails the run. */
    private void tool(HandStack stack, Path executable, String... arguments) throws IOException, InterruptedException {
        Instant began = Instant.now();
        List<String> command = new java.util.ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(stack.rendered().toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            HandStack.stopTree(process);
            throw new IOException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8).strip());
        }
        step(executable.getFileName() + " " + String.join(" ", arguments), began);
    }

    private void fileMatches(Path file, String regex) throws IOException {
        Instant began = Instant.now();
        if (!Pattern.compile(regex).matcher(Files.readString(file)).find()) {
            throw new IOException(file.getFileName() + " does not match " + regex);
        }
        step("grep " + file.getFileName(), began);
    }

    private void send(String method, String url, String body) throws IOException, InterruptedException {
        Instant began = Instant.now();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IOException(method + " " + url + " answered " + status);
        }
        step(method + " " + url, began);
    }

    private Optional<String> get(String url) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void awaitBody(String url, Predicate<String> expected) throws IOException, InterruptedException {
        await(url, () -> get(url).filter(expected));
    }

    /** Polls an instant query until it returns at least {@code series} series. */
    private void awaitSeries(String prometheus, String query, int series) throws IOException, InterruptedException {
        String url = prometheus + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        await(query, () -> get(url).filter(body -> json.readTree(body).path("data").path("result").size() >= series));
    }

    private Optional<String> traceSpanning(String url, Set<String> services) throws InterruptedException {
        Optional<String> body = get(url);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode trace : json.readTree(body.get())) {
            Set<String> seen = new HashSet<>();
            String traceId = "";
            for (JsonNode span : trace) {
                traceId = span.path("traceId").asString(traceId);
                seen.add(span.path("localEndpoint").path("serviceName").asString(""));
            }
            if (seen.containsAll(services)) {
                return Optional.of(traceId);
            }
        }
        return Optional.empty();
    }

    private Optional<String> logMatch(Path log, Pattern line) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.stream().filter(text -> line.matcher(text).find()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @FunctionalInterface
    private interface Attempt<T> {
        Optional<T> once() throws InterruptedException;
    }

    private <T> T await(String what, Attempt<T> attempt) throws IOException, InterruptedException {
        Instant began = Instant.now();
        Instant giveUp = began.plus(WAIT);
        while (true) {
            Optional<T> found = attempt.once();
            if (found.isPresent()) {
                step("wait for " + what, began);
                return found.get();
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IOException("by hand, " + what + ": not as expected within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(poll);
        }
    }
}
