package ladder.labs.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The sample shop the labs deploy: a small HTTP service on the JDK's {@link HttpServer} (it starts in well
 * under a second and runs in 64 MB), instrumented for the three signals a team learns to read.
 *
 * <ul>
 *   <li>Shop: {@code GET /api/products}, {@code POST /api/orders}, {@code POST /api/checkout} (which pays
 *       through the downstream service's {@code POST /api/payments} when {@code --downstream-url} is set),
 *       {@code POST /api/payments}.</li>
 *   <li>Operations: {@code GET /health}, {@code GET /metrics} (Prometheus text), {@code GET|POST|DELETE
 *       /admin/faults} (error rate and latency injected at run time), {@code GET|POST|DELETE /admin/load}
 *       (requests per second it sends itself), {@code GET|POST|DELETE /admin/webhook}
 *       (records what an Alertmanager webhook receiver is sent).</li>
 *   <li>Metrics: timer {@code http.server.requests} (tags service, endpoint, method, status, outcome) with
 *       histogram buckets from 5 ms to 5 s, counters {@code shop.orders}, {@code shop.checkouts},
 *       {@code shop.payments}, gauges of the injected faults.</li>
 *   <li>Traces: a server span per shop request and a client span per downstream call, propagated with W3C
 *       {@code traceparent}, sent to Zipkin.</li>
 *   <li>Logs: one line per shop or admin request with {@code traceId=} and {@code spanId=}.</li>
 * </ul>
 *
 * See {@code docs/sample-service.md} for every name and option.
 */
public final class SampleService implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_WEBHOOK_CALLS = 100;

    private final SampleOptions options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final PrometheusMeterRegistry registry;
    private final Faults faults = new Faults();
    private final RequestLog log;
    /** What tracing does now: from the command line, overridden by {@code services.yml} when it changes. */
    private record ActiveTracing(ServicesFile.Tracing settings, @Nullable ZipkinReporter reporter) {
    }

    private volatile ActiveTracing tracing;
    private final Path servicesFile;
    private final ScheduledExecutorService watcher;
    private @Nullable FileTime servicesFileSeen; // guarded by this
    private final @Nullable HttpClient downstream;
    private @Nullable LoadGenerator load; // guarded by this
    private double loadRps;
    private final Counter orders;
    private final Counter checkoutsSucceeded;
    private final Counter checkoutsFailed;
    private final Counter payments;
    private final Deque<String> webhookCalls = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(1000);

    private SampleService(SampleOptions options) throws IOException {
        this.options = options;
        this.log = new RequestLog(System.out, options.logFile());
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", options.name());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.orders = Counter.builder("shop.orders").description("Orders placed").register(registry);
        this.checkoutsSucceeded = Counter.builder("shop.checkouts").description("Checkouts by result")
                .tag("result", "success").register(registry);
        this.checkoutsFailed = Counter.builder("shop.checkouts").description("Checkouts by result")
                .tag("result", "failure").register(registry);
        this.payments = Counter.builder("shop.payments").description("Payments accepted").register(registry);
        Gauge.builder("shop.faults.error.rate", faults, f -> f.current().errorRate())
                .description("Share of shop requests failed on purpose (POST /admin/faults)").register(registry);
        Gauge.builder("shop.faults.latency", faults, f -> f.current().latencyMs() / 1000.0)
                .baseUnit("seconds")
                .description("Latency added on purpose to shop requests (POST /admin/faults)").register(registry);

        this.tracing = activate(new ServicesFile.Tracing(options.zipkinUrl(), options.sampleRate()));
        // watched even while absent: a lab's learner may create it later
        this.servicesFile = (options.servicesFile() != null ? options.servicesFile() : Path.of("services.yml"))
                .toAbsolutePath();
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "services-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
        this.downstream = options.downstreamUrls().isEmpty() ? null : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Binds the port, starts serving and, with {@code --load-rps}, sends load to itself.
     *
     * @throws IOException when the port cannot be bound or the log file cannot be opened
     */
    public static SampleService start(SampleOptions options) throws IOException {
        SampleService service = new SampleService(options);
        service.rereadServicesFile();
        service.watcher.scheduleWithFixedDelay(service::rereadServicesFile, 1, 1, TimeUnit.SECONDS);
        service.server.start();
        service.setLoad(options.loadRps());
        service.log.info("service=" + options.name() + " started on " + service.baseUrl()
                + " zipkin=" + (service.tracing.settings().zipkinUrl() == null ? "off" : service.tracing.settings().zipkinUrl())
                + " downstream=" + (options.downstreamUrls().isEmpty() ? "none" : options.downstreamUrls())
                + " sampleRate=" + service.tracing.settings().sampleRate() + " loadRps=" + options.loadRps()
                + " config=" + service.servicesFile + (Files.exists(service.servicesFile) ? "" : " (absent)"));
        return service;
    }

    /** The port actually bound (useful with {@code --port 0}). */
    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUrl() {
        return URI.create("http://" + options.host() + ":" + port());
    }

    @Override
    public void close() {
        setLoad(0);
        server.stop(0);
        executor.shutdownNow();
        watcher.shutdownNow();
        ZipkinReporter reporter = tracing.reporter();
        if (reporter != null) {
            reporter.close();
        }
        if (downstream != null) {
            downstream.shutdownNow();
        }
        try {
            log.close();
        } catch (IOException e) {
            System.err.println("cannot close the log file: " + e.getMessage());
        }
        registry.close();
    }

    public static void main(String[] args) {
        SampleOptions options;
        try {
            options = SampleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sample-service: " + e.getMessage());
            System.err.println("usage: SampleService --port P --name NAME [--zipkin-url URL] [--downstream-url URL]"
                    + " [--log-file PATH] [--load-rps N] [--sample-rate 0..1] [--config services.yml] [--host 127.0.0.1]");
            System.exit(2);
            return;
        }
        try {
            SampleService service = start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "sample-service-shutdown"));
        } catch (IOException e) {
            System.err.println("sample-service: cannot start on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** What a handler answers. */
    private record Reply(int status, String contentType, String body) {

        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }

        static Reply error(int status, String message) {
            return json(status, "{\"error\":" + Json.quote(message) + "}");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        long startMicros = System.currentTimeMillis() * 1000;
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        boolean shop = path.startsWith("/api/");
        String endpoint = switch (path) {
            case "/health", "/metrics", "/admin/faults", "/admin/webhook", "/admin/load", "/admin/tracing",
                 "/api/products", "/api/orders", "/api/checkout", "/api/payments" -> path;
            default -> "NOT_FOUND"; // a fixed set of tag values, whatever paths clients try
        };
        ActiveTracing tracingNow = tracing;
        TraceContext trace = TraceContext.serverSpan(
                exchange.getRequestHeaders().getFirst("traceparent"), tracingNow.settings().sampleRate());
        Reply reply;
        try {
            String body = readBody(exchange);
            if (shop && !"NOT_FOUND".equals(endpoint) && faults.applyAndDecideFailure()) {
                reply = Reply.error(500, "injected fault (see GET /admin/faults)");
            } else {
                reply = route(method, endpoint, exchange, body, trace);
            }
        } catch (IllegalArgumentException e) {
            reply = Reply.error(400, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = Reply.error(503, "shutting down");
        } catch (RuntimeException e) {
            reply = Reply.error(500, e.toString());
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("traceparent", trace.traceparent());
        // recorded before the answer leaves, so whoever got the answer also finds it in metrics and logs
        record(method, endpoint, shop, reply.status(), System.nanoTime() - start, startMicros, trace,
                tracingNow.reporter());
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                out.write(bytes);
            }
        }
    }

    private void record(String method, String endpoint, boolean shop, int status, long nanos, long startMicros,
                        TraceContext trace, @Nullable ZipkinReporter zipkin) {
        if (shop) {
            Timer.builder("http.server.requests")
                    .description("Shop requests (/api/*) served, by endpoint, method and status")
                    .tags("endpoint", endpoint, "method", method, "status", Integer.toString(status),
                            "outcome", outcome(status))
                    .serviceLevelObjectives(SLO_BUCKETS)
                    .register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
            if (zipkin != null) {
                Map<String, String> tags = new LinkedHashMap<>();
                tags.put("http.method", method);
                tags.put("http.path", endpoint);
                tags.put("http.status_code", Integer.toString(status));
                if (status >= 500) {
                    tags.put("error", Integer.toString(status));
                }
                zipkin.report(new ZipkinReporter.Span(trace, method + " " + endpoint, "SERVER", options.name(),
                        startMicros, nanos / 1000, null, tags));
            }
        }
        if (shop || endpoint.startsWith("/admin/") || "NOT_FOUND".equals(endpoint)) {
            log.request(options.name(), trace, method, endpoint, status, nanos / 1_000_000);
        }
    }

    /** Histogram buckets for {@code histogram_quantile}: from a fast local call to a very slow one. */
    private static final Duration[] SLO_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    private Reply route(String method, String endpoint, HttpExchange exchange, String body, TraceContext trace)
            throws InterruptedException {
        return switch (endpoint + " " + method) {
            case "/health GET" -> Reply.json(200, "{\"status\":\"UP\",\"service\":" + Json.quote(options.name()) + "}");
            case "/metrics GET" -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
            case "/api/products GET" -> Reply.json(200, PRODUCTS);
            case "/api/orders POST" -> placeOrder(body);
            case "/api/checkout POST" -> checkout(trace);
            case "/api/payments POST" -> {
                payments.increment();
                yield Reply.json(200, "{\"paymentId\":\"pay-" + ids.incrementAndGet()
                        + "\",\"status\":\"accepted\",\"service\":" + Json.quote(options.name()) + "}");
            }
            case "/admin/faults GET" -> Reply.json(200, faults.current().toJson());
            case "/admin/faults POST", "/admin/faults PUT" -> {
                Map<String, Object> values = values(exchange.getRequestURI().getRawQuery(), body, "errorRate", "latencyMs", "durationMs");
                long durationMs = (long) number(values, "durationMs");
                if (durationMs < 0 || durationMs > 3_600_000) {
                    throw new IllegalArgumentException("durationMs must be between 0 and 3600000, got " + values.get("durationMs"));
                }
                faults.set(new Faults.Setting(number(values, "errorRate"), (long) number(values, "latencyMs")),
                        java.time.Duration.ofMillis(durationMs));
                log.info("service=" + options.name() + " faults set to " + faults.current().toJson()
                        + (durationMs > 0 ? " for " + durationMs + " ms" : ""));
                yield Reply.json(200, faults.current().toJson());
            }
            case "/admin/faults DELETE" -> {
                faults.clear();
                log.info("service=" + options.name() + " faults cleared");
                yield Reply.json(200, faults.current().toJson());
            }
            case "/admin/tracing GET" -> Reply.json(200, tracingJson());
            case "/admin/load GET" -> Reply.json(200, loadJson());
            case "/admin/load POST", "/admin/load PUT" -> {
                setLoad(loadSetting(exchange.getRequestURI().getRawQuery(), body));
                log.info("service=" + options.name() + " load set to " + loadJson());
                yield Reply.json(200, loadJson());
            }
            case "/admin/load DELETE" -> {
                setLoad(0);
                log.info("service=" + options.name() + " load stopped");
                yield Reply.json(200, loadJson());
            }
            case "/admin/webhook POST" -> {
                Json.parseObject(body); // refuse what is not JSON
                synchronized (webhookCalls) {
                    if (webhookCalls.size() == MAX_WEBHOOK_CALLS) {
                        webhookCalls.removeFirst();
                    }
                    webhookCalls.addLast(body.strip());
                }
                yield Reply.json(200, "{\"received\":true}");
            }
            case "/admin/webhook GET" -> {
                synchronized (webhookCalls) {
                    yield Reply.json(200, "[" + String.join(",", webhookCalls) + "]");
                }
            }
            case "/admin/webhook DELETE" -> {
                synchronized (webhookCalls) {
                    webhookCalls.clear();
                }
                yield Reply.json(200, "[]");
            }
            default -> "NOT_FOUND".equals(endpoint)
                    ? Reply.error(404, "no such endpoint: " + exchange.getRequestURI().getPath())
                    : Reply.error(405, method + " is not allowed on " + endpoint);
        };
    }

    private static final String PRODUCTS = """
            [{"id":"p-1","name":"Observability handbook","price":39.0},\
            {"id":"p-2","name":"Ladder mug","price":12.5},\
            {"id":"p-3","name":"Pager (decommissioned)","price":5.0}]""";

    private Reply placeOrder(String body) {
        Map<?, ?> order = Json.parseObject(body);
        Object product = order.get("productId");
        orders.increment();
        return Reply.json(201, "{\"orderId\":\"ord-" + ids.incrementAndGet() + "\",\"productId\":"
                + Json.quote(product == null ? "p-1" : product.toString()) + "}");
    }

    /**
     * Pays through each downstream service in turn when there are any, each call a child span of this
     * request's span; the first failure fails the checkout with 502.
     */
    private Reply checkout(TraceContext trace) throws InterruptedException {
        if (downstream == null) {
            payments.increment();
            checkoutsSucceeded.increment();
            return Reply.json(200, "{\"checkoutId\":\"chk-" + ids.incrementAndGet() + "\",\"payment\":\"local\"}");
        }
        for (URI base : options.downstreamUrls()) {
            String failure = pay(downstream, URI.create(base + "/api/payments"), trace.child(), tracing.reporter());
            if (failure != null) {
                checkoutsFailed.increment();
                return Reply.error(502, "payment service " + base + " answered " + failure);
            }
        }
        checkoutsSucceeded.increment();
        return Reply.json(200, "{\"checkoutId\":\"chk-" + ids.incrementAndGet() + "\",\"payment\":\"accepted\"}");
    }

    /** Calls one payment service; returns why it failed, or null when it accepted. */
    private @Nullable String pay(HttpClient client, URI url, TraceContext call, @Nullable ZipkinReporter zipkin)
            throws InterruptedException {
        long start = System.nanoTime();
        long startMicros = System.currentTimeMillis() * 1000;
        int status;
        String failure = null;
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(3))
                    .header("traceparent", call.traceparent())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":42.5}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
        } catch (IOException e) {
            status = 0;
            failure = e.toString();
        }
        if (zipkin != null) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("http.method", "POST");
            tags.put("http.url", url.toString());
            tags.put("http.status_code", Integer.toString(status));
            if (status == 0 || status >= 500) {
                tags.put("error", failure == null ? Integer.toString(status) : failure);
            }
            zipkin.report(new ZipkinReporter.Span(call, "POST /api/payments", "CLIENT", options.name(),
                    startMicros, (System.nanoTime() - start) / 1000, null, tags));
        }
        if (failure != null) {
            return failure;
        }
        return status / 100 == 2 ? null : Integer.toString(status);
    }

    private static ActiveTracing activate(ServicesFile.Tracing settings) {
        return new ActiveTracing(settings,
                settings.zipkinUrl() == null ? null : new ZipkinReporter(settings.zipkinUrl()));
    }

    /** Applies {@code services.yml} when it changed since last seen; a broken file is reported and ignored. */
    private synchronized void rereadServicesFile() {
        Path file = servicesFile;
        try {
            FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (modified == null || modified.equals(servicesFileSeen)) {
                return;
            }
            servicesFileSeen = modified;
            ServicesFile.Tracing base = new ServicesFile.Tracing(options.zipkinUrl(), options.sampleRate());
            ServicesFile.Tracing wanted = ServicesFile.read(file, options.name(), base);
            ActiveTracing old = tracing;
            if (wanted.equals(old.settings())) {
                return;
            }
            tracing = activate(wanted);
            if (old.reporter() != null) {
                old.reporter().close();
            }
            log.info("service=" + options.name() + " tracing from " + file + ": zipkin="
                    + (wanted.zipkinUrl() == null ? "off" : wanted.zipkinUrl()) + " sampleRate=" + wanted.sampleRate());
        } catch (IOException | IllegalArgumentException e) {
            log.info("service=" + options.name() + " WARN ignoring " + file + ": " + e.getMessage());
        }
    }

    private String tracingJson() {
        ActiveTracing now = tracing;
        ZipkinReporter reporter = now.reporter();
        return "{\"zipkinUrl\":" + Json.quote(now.settings().zipkinUrl() == null ? null : now.settings().zipkinUrl().toString())
                + ",\"sampleRate\":" + now.settings().sampleRate()
                + ",\"config\":" + Json.quote(servicesFile.toString())
                + ",\"sentSpans\":" + (reporter == null ? 0 : reporter.sentSpans())
                + ",\"droppedSpans\":" + (reporter == null ? 0 : reporter.droppedSpans()) + "}";
    }

    /** Replaces the self-load with {@code rps} requests per second; 0 stops it. */
    private synchronized void setLoad(double rps) {
        if (load != null) {
            load.close();
            load = null;
        }
        loadRps = rps;
        if (rps > 0) {
            load = new LoadGenerator(baseUrl(), rps);
        }
    }

    private synchronized String loadJson() {
        return "{\"rps\":" + loadRps + "}";
    }

    private static double loadSetting(@Nullable String rawQuery, String body) {
        Map<String, Object> values = values(rawQuery, body, "rps");
        double rps = number(values, "rps");
        if (!(rps >= 0 && rps <= 1000)) {
            throw new IllegalArgumentException("rps must be between 0 and 1000, got " + values.get("rps"));
        }
        return rps;
    }

    /** The fields of a JSON body, overridden by the query's parameters; only {@code known} names allowed. */
    private static Map<String, Object> values(@Nullable String rawQuery, String body, String... known) {
        Map<String, Object> values = new LinkedHashMap<>();
        Json.parseObject(body).forEach((key, value) -> values.put(String.valueOf(key), value));
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        for (String key : values.keySet()) {
            if (!java.util.Arrays.asList(known).contains(key)) {
                throw new IllegalArgumentException("unknown field '" + key + "' (known: " + String.join(", ", known) + ")");
            }
        }
        return values;
    }

    private static double number(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value == null) {
            return 0;
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + value + "'");
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
