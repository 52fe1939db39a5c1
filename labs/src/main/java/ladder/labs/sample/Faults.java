package ladder.labs.sample;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The faults injected at run time into the shop's {@code /api/*} endpoints: a share of requests answered
 * with 500, and extra latency added to every request. {@code /health}, {@code /metrics} and {@code /admin/*}
 * are never faulted, so a lab can always observe and repair the service.
 */
final class Faults {

    /**
     * @param errorRate share of requests failed with 500, 0.0 to 1.0
     * @param latencyMs extra milliseconds every request waits, 0 to 10 000
     */
    record Setting(double errorRate, long latencyMs) {

        static final Setting NONE = new Setting(0, 0);

        Setting {
            if (!(errorRate >= 0 && errorRate <= 1)) {
                throw new IllegalArgumentException("errorRate must be between 0.0 and 1.0, got " + errorRate);
            }
            if (latencyMs < 0 || latencyMs > 10_000) {
                throw new IllegalArgumentException("latencyMs must be between 0 and 10000, got " + latencyMs);
            }
        }

        String toJson() {
            return Json.write(this);
        }
    }

    private final AtomicReference<Setting> current = new AtomicReference<>(Setting.NONE);

    Setting current() {
        return current.get();
    }

    void set(Setting setting) {
        current.set(setting);
    }

    /**
     * Sets faults that clear themselves after {@code duration} (zero: until cleared), unless they were changed
     * meanwhile: a check can inject a short blip without a second request at the right moment.
     */
    void set(Setting setting, Duration duration) {
        Setting own = new Setting(setting.errorRate(), setting.latencyMs()); // its own identity, for the compare below
        current.set(own);
        if (!duration.isZero()) {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(duration);
                    current.compareAndSet(own, Setting.NONE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    void clear() {
        current.set(Setting.NONE);
    }

    /** Waits the injected latency, then says whether this request is to fail. */
    boolean applyAndDecideFailure() throws InterruptedException {
        Setting setting = current.get();
        if (setting.latencyMs() > 0) {
            Thread.sleep(setting.latencyMs());
        }
        return setting.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < setting.errorRate();
    }
}
