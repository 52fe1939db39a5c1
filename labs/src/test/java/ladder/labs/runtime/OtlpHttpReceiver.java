package ladder.labs.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * The receiving end of OTLP/HTTP with protobuf bodies, as the OpenTelemetry Collector's {@code otlp} receiver takes
 * them at {@code /v1/traces}, {@code /v1/metrics} and {@code /v1/logs}: decodes each request with the protocol's own
 * generated classes (opentelemetry-proto) and keeps what it got, with the service name of its resource.
 */
final class OtlpHttpReceiver implements AutoCloseable {

    /** A span as received. */
    record ReceivedSpan(String service, String traceId, String spanId, String name, Span.SpanKind kind) { }

    /** A log record as received: its body and the trace context the exporter attached. */
    record ReceivedLog(String service, String traceId, String spanId, String severity, String body) { }

    /** A metric as received, by name, with its unit and its exemplars' trace ids (histograms). */
    record ReceivedMetric(String service, String name, String unit, List<String> exemplarTraceIds) { }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new ArrayList<>();
    private final List<ReceivedLog> logs = new ArrayList<>();
    private final List<ReceivedMetric> metrics = new ArrayList<>();

    /** On 127.0.0.1, a free port. */
    OtlpHttpReceiver() throws IOException {
        this("127.0.0.1");
    }

    /** On this address of the host (e.g. the Docker bridge's gateway, which containers reach), a free port. */
    OtlpHttpReceiver(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.createContext("/v1/traces", exchange -> receive(exchange, body -> {
            for (var resourceSpans : ExportTraceServiceRequest.parseFrom(body).getResourceSpansList()) {
                String service = service(resourceSpans.getResource());
                resourceSpans.getScopeSpansList().forEach(scope -> scope.getSpansList().forEach(span -> spans.add(
                        new ReceivedSpan(service, hex(span.getTraceId()), hex(span.getSpanId()), span.getName(), span.getKind()))));
            }
        }));
        server.createContext("/v1/logs", exchange -> receive(exchange, body -> {
            for (var resourceLogs : ExportLogsServiceRequest.parseFrom(body).getResourceLogsList()) {
                String service = service(resourceLogs.getResource());
                resourceLogs.getScopeLogsList().forEach(scope -> scope.getLogRecordsList().forEach(log -> logs.add(
                        new ReceivedLog(service, hex(log.getTraceId()), hex(log.getSpanId()), log.getSeverityText(),
                                body(log)))));
            }
        }));
        server.createContext("/v1/metrics", exchange -> receive(exchange, body -> {
            for (var resourceMetrics : ExportMetricsServiceRequest.parseFrom(body).getResourceMetricsList()) {
                String service = service(resourceMetrics.getResource());
                resourceMetrics.getScopeMetricsList().forEach(scope -> scope.getMetricsList().forEach(metric ->
                        metrics.add(new ReceivedMetric(service, metric.getName(), metric.getUnit(), exemplarTraceIds(metric)))));
            }
        }));
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}, the value of {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    URI url() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    /** Waits until a received span satisfies {@code wanted}; every span received so far when it times out. */
    List<ReceivedSpan> awaitSpan(Predicate<ReceivedSpan> wanted, Duration timeout) throws InterruptedException {
        return await(spans, wanted, timeout);
    }

    /** Waits until the spans received so far satisfy {@code done} together (several services export apart). */
    List<ReceivedSpan> awaitSpans(Predicate<List<ReceivedSpan>> done, Duration timeout) throws InterruptedException {
        return awaitAll(spans, done, timeout);
    }

    List<ReceivedLog> awaitLog(Predicate<ReceivedLog> wanted, Duration timeout) throws InterruptedException {
        return await(logs, wanted, timeout);
    }

    List<ReceivedMetric> awaitMetric(Predicate<ReceivedMetric> wanted, Duration timeout) throws InterruptedException {
        return await(metrics, wanted, timeout);
    }

    private <T> List<T> await(List<T> received, Predicate<T> wanted, Duration timeout) throws InterruptedException {
        return awaitAll(received, all -> all.stream().anyMatch(wanted), timeout);
    }

    private <T> List<T> awaitAll(List<T> received, Predicate<List<T>> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!done.test(received)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return List.copyOf(received);
        }
    }

    private interface Decoder {
        void decode(byte[] body) throws IOException;
    }

    private void receive(HttpExchange exchange, Decoder decoder) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            byte[] body = in.readAllBytes();
            try {
                synchronized (this) {
                    decoder.decode(body);
                    notifyAll();
                }
            } catch (IOException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            // an empty Export*ServiceResponse: full success
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static String service(Resource resource) {
        return resource.getAttributesList().stream().filter(attribute -> attribute.getKey().equals("service.name"))
                .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("");
    }

    private static String body(LogRecord log) {
        return log.getBody().getStringValue();
    }

    private static List<String> exemplarTraceIds(Metric metric) {
        List<String> ids = new ArrayList<>();
        if (metric.hasHistogram()) {
            metric.getHistogram().getDataPointsList().forEach(point -> point.getExemplarsList()
                    .forEach(exemplar -> ids.add(hex(exemplar.getTraceId()))));
        }
        return ids;
    }

    private static String hex(ByteString bytes) {
        return HexFormat.of().formatHex(bytes.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
