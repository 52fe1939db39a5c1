package ladder.labs.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * Every request goes through here: a {@code SERVER} span joined to the caller's W3C {@code traceparent} (and
 * answered with its own), the injected faults for the shop, the route's endpoint, then the three signals —
 * the {@code http.server.requests} timer and the span for shop requests ({@code /api/*}), and a log line in
 * the span's scope for shop and admin requests. {@code /metrics} and {@code /health} are neither timed nor
 * logged (scrapes every second would drown the rest).
 */
final class InstrumentedHandler implements HttpHandler {

    private static final int MAX_BODY_BYTES = 64 * 1024;
    /** Histogram buckets for {@code histogram_quantile}: from a fast local call to a very slow one. */
    private static final Duration[] SLO_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final Routes routes;
    private final TracingSwitch tracing;
    private final Faults faults;
    private final MeterRegistry registry;
    private final RequestLog log;

    InstrumentedHandler(Routes routes, TracingSwitch tracing, Faults faults, MeterRegistry registry, RequestLog log) {
        this.routes = routes;
        this.tracing = tracing;
        this.faults = faults;
        this.registry = registry;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String endpoint = routes.endpoint(path);
        boolean shop = path.startsWith("/api/");
        SampleTracing tracingNow = tracing.current();
        Span span = tracingNow.propagator()
                .extract(exchange.getRequestHeaders(), (headers, key) -> headers.getFirst(key))
                .kind(Span.Kind.SERVER)
                .name(method + " " + endpoint)
                .start();
        Reply reply;
        try (Tracer.SpanInScope scope = tracingNow.tracer().withSpan(span)) {
            reply = answer(exchange, method, endpoint, path, shop, tracingNow, span);
            tracingNow.propagator().inject(span.context(), exchange.getResponseHeaders(),
                    (headers, key, value) -> headers.set(key, value));
            // recorded before the answer leaves, so whoever got the answer also finds it in metrics, traces and logs
            record(method, endpoint, shop, reply.status(), System.nanoTime() - start, span);
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                out.write(bytes);
            }
        }
    }

    private Reply answer(HttpExchange exchange, String method, String endpoint, String path, boolean shop,
                         SampleTracing tracingNow, Span span) {
        try {
            String body = readBody(exchange);
            if (shop && !Routes.NOT_FOUND.equals(endpoint) && faults.applyAndDecideFailure()) {
                return Reply.error(500, "injected fault (see GET /admin/faults)");
            }
            Endpoint handler = routes.find(endpoint, method);
            if (handler == null) {
                return Routes.NOT_FOUND.equals(endpoint)
                        ? Reply.error(404, "no such endpoint: " + path)
                        : Reply.error(405, method + " is not allowed on " + endpoint);
            }
            return handler.handle(new Request(method, endpoint, path, exchange.getRequestURI().getRawQuery(), body,
                    tracingNow, span));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(503, "shutting down");
        } catch (IOException | RuntimeException e) {
            return Reply.error(500, e.toString());
        }
    }

    private void record(String method, String endpoint, boolean shop, int status, long nanos, Span span) {
        if (shop) {
            Timer.builder("http.server.requests")
                    .description("Shop requests (/api/*) served, by endpoint, method and status")
                    .tags("endpoint", endpoint, "method", method, "status", Integer.toString(status),
                            "outcome", outcome(status))
                    .serviceLevelObjectives(SLO_BUCKETS)
                    .register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
            span.tag("http.method", method)
                    .tag("http.path", endpoint)
                    .tag("http.status_code", Integer.toString(status));
            if (status >= 500) {
                span.tag("error", Integer.toString(status));
            }
            span.end();
        } else {
            span.abandon(); // only the shop's requests are traced; the others keep ids for their log lines
        }
        if (shop || endpoint.startsWith("/admin/") || Routes.NOT_FOUND.equals(endpoint)) {
            log.request(method, endpoint, status, nanos / 1_000_000);
        }
    }

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
