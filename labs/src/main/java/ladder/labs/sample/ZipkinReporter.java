package ladder.labs.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Sends finished spans to Zipkin as v2 JSON ({@code POST {zipkin}/api/v2/spans}) in batches, every
 * {@value #FLUSH_MILLIS} ms, from one daemon thread, so a request never waits for Zipkin. When Zipkin is down
 * the batch is dropped and counted: traces are best effort, the shop keeps serving.
 */
final class ZipkinReporter implements AutoCloseable {

    static final long FLUSH_MILLIS = 250;
    private static final int QUEUE_CAPACITY = 10_000;

    /** One finished span, times in microseconds since the epoch as Zipkin wants them. */
    record Span(TraceContext context, String name, String kind, String serviceName, long timestampMicros,
                long durationMicros, @Nullable String remoteServiceName, Map<String, String> tags) {
    }

    private final URI endpoint;
    private final HttpClient client;
    private final BlockingQueue<Span> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ScheduledExecutorService flusher;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    ZipkinReporter(URI zipkinUrl) {
        this.endpoint = URI.create(zipkinUrl + "/api/v2/spans");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "zipkin-reporter");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Queues a sampled span; an unsampled one is ignored, a full queue drops it. */
    void report(Span span) {
        if (span.context().sampled() && !queue.offer(span)) {
            dropped.incrementAndGet();
        }
    }

    long sentSpans() {
        return sent.get();
    }

    long droppedSpans() {
        return dropped.get();
    }

    /** Sends what is queued now; called by the flusher thread and at close. */
    void flush() {
        List<Span> batch = new ArrayList<>();
        queue.drainTo(batch, 1000);
        if (batch.isEmpty()) {
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(2))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(toJson(batch)))
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                sent.addAndGet(batch.size());
            } else {
                dropped.addAndGet(batch.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropped.addAndGet(batch.size());
        } catch (Exception e) { // Zipkin down or slow: traces are best effort
            dropped.addAndGet(batch.size());
        }
    }

    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        client.close();
    }

    static String toJson(List<Span> spans) {
        StringBuilder json = new StringBuilder(256 * spans.size()).append('[');
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"traceId\":").append(Json.quote(span.context().traceId()))
                    .append(",\"id\":").append(Json.quote(span.context().spanId()));
            if (span.context().parentId() != null) {
                json.append(",\"parentId\":").append(Json.quote(span.context().parentId()));
            }
            json.append(",\"name\":").append(Json.quote(span.name()))
                    .append(",\"kind\":").append(Json.quote(span.kind()))
                    .append(",\"timestamp\":").append(span.timestampMicros())
                    .append(",\"duration\":").append(Math.max(1, span.durationMicros()))
                    .append(",\"localEndpoint\":{\"serviceName\":").append(Json.quote(span.serviceName())).append('}');
            if (span.remoteServiceName() != null) {
                json.append(",\"remoteEndpoint\":{\"serviceName\":")
                        .append(Json.quote(span.remoteServiceName())).append('}');
            }
            json.append(",\"tags\":").append(Json.object(span.tags())).append('}');
        }
        return json.append(']').toString();
    }
}
