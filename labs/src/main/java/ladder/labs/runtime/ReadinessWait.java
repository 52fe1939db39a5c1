package ladder.labs.runtime;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import ladder.model.lab.ComponentSpec;

/**
 * The wait of a starting session, the same on both runtimes: every 100 ms, each component not yet ready is asked
 * its recipe's readiness probe ({@link ComponentRecipe#ready}), until all answer, one has gone (its process or
 * container ended), the session is stopped, or the runtime's ready timeout passes. No sleep stands in for a probe.
 *
 * @param http     the client of the probes
 * @param password the session's database password (PostgreSQL's probe signs in)
 * @param url      a component's base URL by name ({@code http://HOST:PORT})
 * @param gone     why a component can no longer become ready, or empty; given the round, so that a runtime may
 *                 ask a slower source only now and then
 * @param stopped  whether the session was stopped meanwhile
 * @param failed   the session's failure for a component (it reports the step and adds the component's log)
 */
record ReadinessWait(HttpClient http, String password, Function<String, String> url,
        BiFunction<ComponentSpec, Integer, Optional<String>> gone, BooleanSupplier stopped,
        BiFunction<ComponentSpec, String, LabStartException> failed) {

    static final Duration POLL = Duration.ofMillis(100);

    /**
     * Waits until every one of {@code components} is ready, calling {@code ready} once for each with the time it
     * took from its launch.
     *
     * @throws LabStartException when one has gone, did not become ready in time, or the session was stopped
     */
    void await(List<ComponentSpec> components, Map<String, Instant> launched, Duration timeout,
            BiConsumer<ComponentSpec, Duration> ready) {
        Instant giveUp = Instant.now().plus(timeout);
        List<ComponentSpec> waiting = new ArrayList<>(components);
        for (int round = 0; !waiting.isEmpty(); round++) {
            if (stopped.getAsBoolean()) {
                throw new LabStartException("the session was stopped while starting");
            }
            for (ComponentSpec component : List.copyOf(waiting)) {
                Optional<String> why = gone.apply(component, round);
                if (why.isPresent()) {
                    throw failed.apply(component, component.name() + " " + why.get() + " before it was ready");
                }
                if (ComponentRecipe.of(component.kind()).ready(http, url.apply(component.name()), password)) {
                    waiting.remove(component);
                    ready.accept(component, Duration.between(launched.get(component.name()), Instant.now()));
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(giveUp)) {
                ComponentSpec first = waiting.getFirst();
                throw failed.apply(first, first.name() + " did not become ready within " + timeout.toSeconds()
                        + " s (polled " + url.apply(first.name()) + ComponentRecipe.of(first.kind()).readinessPath() + ")");
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LabStartException("interrupted while waiting for the components", e);
            }
        }
    }
}
