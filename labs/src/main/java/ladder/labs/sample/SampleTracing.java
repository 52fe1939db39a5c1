package ladder.labs.sample;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import brave.Tracing;
import brave.context.slf4j.MDCScopeDecorator;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;
import zipkin2.reporter.ReporterMetrics;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

/**
 * One tracing setup of a sample service: Micrometer Tracing over Brave, 128-bit trace ids propagated as W3C
 * {@code traceparent}, the current trace and span ids in SLF4J's MDC ({@code traceId}, {@code spanId}) while a
 * span is in scope, and, with a Zipkin address, finished sampled spans sent as Zipkin v2 JSON in batches every
 * {@value #FLUSH_MILLIS} ms from the reporter's own thread, so a request never waits for Zipkin. When Zipkin is
 * down, batches are dropped and counted: traces are best effort, the shop keeps serving.
 *
 * <p>A new setup replaces the old one when {@code services.yml} changes (see {@link TracingSwitch}).
 *
 * <p>Under the OpenTelemetry Java agent ({@code --otlp-url}, see {@link #otlp}) Brave is off: the agent traces each
 * request and downstream call itself, puts its ids in the MDC under the same names and exports the spans, the log
 * lines with their trace context and the metrics over OTLP. Two tracers would give one request two trace ids, one in
 * the log line and another in the span the collector receives.
 */
final class SampleTracing implements AutoCloseable {

    static final long FLUSH_MILLIS = 250;

    private final ServicesFile.Tracing settings;
    private final @Nullable Tracing tracing;
    private final Tracer tracer;
    private final Propagator propagator;
    private final @Nullable HttpClientSender sender;
    private final @Nullable AsyncZipkinSpanHandler zipkin;
    private final AtomicLong dropped = new AtomicLong();

    /** Brave off: the OpenTelemetry Java agent's instrumentation traces instead (see the class comment). */
    static SampleTracing otlp(ServicesFile.Tracing settings) {
        return new SampleTracing(settings);
    }

    private SampleTracing(ServicesFile.Tracing settings) {
        this.settings = settings;
        this.tracing = null;
        this.tracer = Tracer.NOOP;
        this.propagator = Propagator.NOOP;
        this.sender = null;
        this.zipkin = null;
    }

    SampleTracing(String serviceName, ServicesFile.Tracing settings) {
        this.settings = settings;
        Tracing.Builder builder = Tracing.newBuilder()
                .localServiceName(serviceName)
                .traceId128Bit(true) // W3C trace ids are 32 hex characters
                .sampler(new RateSampler(settings.sampleRate()))
                .propagationFactory(new W3CPropagation())
                .currentTraceContext(ThreadLocalCurrentTraceContext.newBuilder()
                        .addScopeDecorator(MDCScopeDecorator.get())
                        .build());
        if (settings.zipkinUrl() != null) {
            this.sender = new HttpClientSender(settings.zipkinUrl());
            this.zipkin = AsyncZipkinSpanHandler.newBuilder(sender)
                    .messageTimeout(FLUSH_MILLIS, TimeUnit.MILLISECONDS)
                    .closeTimeout(2, TimeUnit.SECONDS)
                    .metrics(new DroppedSpans(dropped))
                    .build();
            builder.addSpanHandler(zipkin);
        } else {
            this.sender = null;
            this.zipkin = null;
            // without a handler Brave would log every span; ids are still made for the logs and traceparent
            builder.addSpanHandler(new SpanHandler() {
            });
        }
        this.tracing = builder.build();
        this.tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()));
        this.propagator = new BravePropagator(tracing);
    }

    ServicesFile.Tracing settings() {
        return settings;
    }

    Tracer tracer() {
        return tracer;
    }

    Propagator propagator() {
        return propagator;
    }

    long sentSpans() {
        return sender == null ? 0 : sender.sentSpans();
    }

    long droppedSpans() {
        return dropped.get();
    }

    /** Flushes the spans still queued (waiting at most two seconds), then stops. */
    @Override
    public void close() {
        if (tracing != null) {
            tracing.close();
        }
        if (zipkin != null) {
            zipkin.close();
        }
    }

    /** Samples each new trace with probability {@code rate}; Brave's own rate sampler counts in steps of 1%. */
    private static final class RateSampler extends Sampler {

        private final double rate;

        RateSampler(double rate) {
            this.rate = rate;
        }

        @Override
        public boolean isSampled(long traceId) {
            return rate >= 1 || (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate);
        }
    }

    /** The reporter's count of spans it dropped: queue full, or Zipkin unreachable or refusing. */
    private record DroppedSpans(AtomicLong dropped) implements ReporterMetrics {

        @Override
        public void incrementSpansDropped(int quantity) {
            dropped.addAndGet(quantity);
        }

        @Override
        public void incrementMessages() {
        }

        @Override
        public void incrementMessagesDropped(Throwable cause) {
        }

        @Override
        public void incrementSpans(int quantity) {
        }

        @Override
        public void incrementSpanBytes(int quantity) {
        }

        @Override
        public void incrementMessageBytes(int quantity) {
        }

        @Override
        public void updateQueuedSpans(int update) {
        }

        @Override
        public void updateQueuedBytes(int update) {
        }
    }
}
