package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The readiness wait both runtimes share, against an HTTP server that answers Prometheus' readiness path with 503
 * until it is told to be ready (the runtimes' tests start real components; this one times the edge cases).
 */
class ReadinessWaitTest {

    final HttpClient http = HttpClient.newHttpClient();
    final ComponentSpec prometheus = ComponentSpec.of("prometheus", ComponentKind.PROMETHEUS, null);
    final AtomicInteger probes = new AtomicInteger();
    final AtomicInteger readyFrom = new AtomicInteger(Integer.MAX_VALUE);
    HttpServer server;
    String url;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(ComponentRecipe.of(ComponentKind.PROMETHEUS).readinessPath(), exchange -> {
            int probe = probes.incrementAndGet();
            exchange.sendResponseHeaders(probe >= readyFrom.get() ? 200 : 503, -1);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    ReadinessWait waitFor(Optional<String> gone, boolean stopped) {
        return new ReadinessWait(http, "", name -> url, (component, round) -> gone, () -> stopped,
                (component, what) -> new LabStartException("failed: " + what));
    }

    @Test
    void a_component_is_ready_once_its_probe_answers_and_the_time_from_its_launch_is_reported() {
        readyFrom.set(3);
        List<Duration> times = new ArrayList<>();
        Instant launched = Instant.now();
        waitFor(Optional.empty(), false).await(List.of(prometheus), Map.of("prometheus", launched), Duration.ofSeconds(10),
                (component, took) -> times.add(took));
        assertThat(probes.get()).isEqualTo(3);
        assertThat(times).hasSize(1);
        assertThat(times.getFirst()).isGreaterThanOrEqualTo(ReadinessWait.POLL.multipliedBy(2));
    }

    @Test
    void a_component_that_never_answers_fails_after_the_timeout_naming_the_url_it_polled() {
        assertThatThrownBy(() -> waitFor(Optional.empty(), false).await(List.of(prometheus),
                Map.of("prometheus", Instant.now()), Duration.ofMillis(500), (component, took) -> { }))
                .isInstanceOf(LabStartException.class)
                .hasMessage("failed: prometheus did not become ready within 0 s (polled " + url + "/-/ready)");
        assertThat(probes.get()).isBetween(3, 8);
    }

    @Test
    void a_component_that_has_gone_fails_at_once_with_the_runtimes_reason() {
        assertThatThrownBy(() -> waitFor(Optional.of("exited with code 3"), false).await(List.of(prometheus),
                Map.of("prometheus", Instant.now()), Duration.ofSeconds(10), (component, took) -> { }))
                .hasMessage("failed: prometheus exited with code 3 before it was ready");
        assertThat(probes.get()).isZero();
    }

    @Test
    void a_session_stopped_while_starting_ends_the_wait() {
        assertThatThrownBy(() -> waitFor(Optional.empty(), true).await(List.of(prometheus),
                Map.of("prometheus", Instant.now()), Duration.ofSeconds(10), (component, took) -> { }))
                .hasMessage("the session was stopped while starting");
    }
}
