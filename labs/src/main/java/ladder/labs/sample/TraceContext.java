package ladder.labs.sample;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * Where a span sits in a trace, carried between services in a W3C {@code traceparent} header
 * ({@code 00-<32 hex trace id>-<16 hex parent span id>-<flags>}, flag 01 = sampled).
 *
 * @param traceId  32 lower-case hex characters
 * @param spanId   16 lower-case hex characters
 * @param parentId the span this one is a child of, if any
 * @param sampled  whether the trace is reported to Zipkin
 */
public record TraceContext(String traceId, String spanId, @Nullable String parentId, boolean sampled) {

    private static final HexFormat HEX = HexFormat.of();

    /** A new trace; sampled with probability {@code sampleRate}. */
    public static TraceContext newTrace(double sampleRate) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
        return new TraceContext(traceId, newSpanId(), null, random.nextDouble() < sampleRate);
    }

    /** A child span in the same trace, sampled as its parent is. */
    public TraceContext child() {
        return new TraceContext(traceId, newSpanId(), spanId, sampled);
    }

    /** The header value a downstream call carries so the callee's span becomes a child of this one. */
    public String traceparent() {
        return "00-" + traceId + "-" + spanId + "-" + (sampled ? "01" : "00");
    }

    /**
     * The server span for an incoming request: a child of the caller's span when the request carries a
     * valid {@code traceparent}, else the root of a new trace.
     */
    public static TraceContext serverSpan(@Nullable String traceparent, double sampleRate) {
        if (traceparent != null) {
            String[] parts = traceparent.strip().toLowerCase(java.util.Locale.ROOT).split("-");
            if (parts.length >= 4 && parts[1].matches("[0-9a-f]{32}") && parts[2].matches("[0-9a-f]{16}")
                    && parts[3].matches("[0-9a-f]{2}") && !parts[1].matches("0+") && !parts[2].matches("0+")) {
                boolean sampled = (HexFormat.fromHexDigits(parts[3]) & 1) == 1;
                return new TraceContext(parts[1], newSpanId(), parts[2], sampled);
            }
        }
        return newTrace(sampleRate);
    }

    private static String newSpanId() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong();
        } while (id == 0);
        return HEX.toHexDigits(id);
    }
}
