package ladder.labs.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * A fault for a lab in which the learner follows a slow checkout from its trace to its log line: one of the
 * checkout's dependencies ({@link #CAUSES}' keys, each a span of the checkout) is slow in one checkout out of
 * {@value #ONE_IN}, for {@value #MIN_MILLIS} to {@value #MAX_MILLIS} ms, each time for one of its causes picked
 * at random, which only the log line of that slow call names. {@code random} picks the dependency once for the
 * life of the process, so each lab session has its own answer.
 */
final class SlowDependency {

    static final String RANDOM = "random";
    static final int ONE_IN = 3;
    static final long MIN_MILLIS = 700;
    static final long MAX_MILLIS = 1400;

    /** The checkout's dependencies, in the order it calls them, and what can make each slow. */
    static final Map<String, List<String>> CAUSES = causes();

    private final AtomicReference<@Nullable String> slow = new AtomicReference<>();
    private final String randomPick;

    SlowDependency() {
        List<String> names = new ArrayList<>(CAUSES.keySet());
        this.randomPick = names.get(ThreadLocalRandom.current().nextInt(names.size()));
    }

    /** Makes {@code name} slow ({@link #RANDOM}: the one picked at start); empty for none. */
    void set(String name) {
        slow.set(name.isEmpty() ? null : name.equals(RANDOM) ? randomPick : name);
    }

    /** The delay and cause of one call of {@code dependency}, or null when it is quick this time. */
    @Nullable Delay delayOf(String dependency) {
        if (!dependency.equals(slow.get())) {
            return null;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextInt(ONE_IN) != 0) {
            return null;
        }
        List<String> causes = CAUSES.get(dependency);
        return new Delay(random.nextLong(MIN_MILLIS, MAX_MILLIS + 1), causes.get(random.nextInt(causes.size())));
    }

    record Delay(long millis, String cause) {
    }

    private static Map<String, List<String>> causes() {
        Map<String, List<String>> causes = new LinkedHashMap<>();
        causes.put("reserve-stock", List.of("stock-row-lock-wait", "inventory-cache-cold", "stock-db-failover"));
        causes.put("price-cart", List.of("pricing-rules-reload", "currency-rates-retry", "pricing-pool-exhausted"));
        causes.put("score-fraud", List.of("fraud-model-loading", "fraud-api-rate-limited", "fraud-dns-timeout"));
        return Collections.unmodifiableMap(causes); // in calling order
    }
}
