package ladder.labs.sample;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code GET|POST|PUT|DELETE /admin/faults}: the faults injected into the shop at run time, and their gauges
 * {@code shop.faults.error.rate} and {@code shop.faults.latency}.
 */
final class FaultsEndpoint {

    private final Faults faults;
    private final RequestLog log;

    FaultsEndpoint(Faults faults, RequestLog log, MeterRegistry registry) {
        this.faults = faults;
        this.log = log;
        Gauge.builder("shop.faults.error.rate", faults, f -> f.current().errorRate())
                .description("Share of shop requests failed on purpose (POST /admin/faults)").register(registry);
        Gauge.builder("shop.faults.latency", faults, f -> f.current().latencyMs() / 1000.0)
                .baseUnit("seconds")
                .description("Latency added on purpose to shop requests (POST /admin/faults)").register(registry);
    }

    void addTo(Routes routes) {
        routes.add("/admin/faults", "GET", request -> current());
        Endpoint set = this::set;
        routes.add("/admin/faults", "POST", set);
        routes.add("/admin/faults", "PUT", set);
        routes.add("/admin/faults", "DELETE", request -> {
            faults.clear();
            log.info("faults cleared");
            return current();
        });
    }

    private Reply set(Request request) {
        Map<String, Object> values = request.parameters("errorRate", "latencyMs", "durationMs");
        long durationMs = (long) Request.number(values, "durationMs");
        if (durationMs < 0 || durationMs > 3_600_000) {
            throw new IllegalArgumentException("durationMs must be between 0 and 3600000, got " + values.get("durationMs"));
        }
        faults.set(new Faults.Setting(Request.number(values, "errorRate"), (long) Request.number(values, "latencyMs")),
                Duration.ofMillis(durationMs));
        log.info("faults set to " + faults.current().toJson() + (durationMs > 0 ? " for " + durationMs + " ms" : ""));
        return current();
    }

    private Reply current() {
        return new Reply(200, "application/json", faults.current().toJson());
    }
}
