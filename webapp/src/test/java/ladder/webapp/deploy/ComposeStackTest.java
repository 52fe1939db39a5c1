package ladder.webapp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.json.JsonParserFactory;

/**
 * The team's Compose stack ({@code docker-compose.yml}) started for real with docker-compose on the local engine:
 * Ladder's image built from the packaged jar, the stand-in images of {@code deploy/compose/} (Debian's PostgreSQL,
 * Prometheus, Alertmanager) through the documented {@code LADDER_*_IMAGE} variables, secrets from an env file.
 * Ladder answers healthy on PostgreSQL, Prometheus scrapes it with the scrape account, and LadderDown reaches
 * Alertmanager once Ladder is stopped. The only test override: Prometheus scrapes and evaluates every 2 s instead
 * of 15 s (the alert rules are the shipped ones, {@code for: 1m} included). Removed with {@code down -v} even when
 * a step fails; skipped, saying why, without an engine or docker-compose.
 */
@Tag("packaged")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ComposeStackTest {

    static final String PROJECT = "ladder-it-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    static final Map<String, String> SECRETS = Map.of(
            "LADDER_ADMIN_PASSWORD", secret(), "POSTGRES_PASSWORD", secret(), "LADDER_METRICS_PASSWORD", secret());
    static @TempDir Path work;
    static List<String> compose;
    /** What the env file sets: removed from docker-compose's own environment, which would take precedence. */
    static Map<String, String> unset = Map.of();
    static boolean started;
    static int ladderPort;
    static int prometheusPort;
    static int alertmanagerPort;

    @BeforeAll
    static void up() throws IOException {
        DockerCli.assumeEngine("ComposeStackTest");
        DockerCli.Result version = DockerCli.run(Duration.ofSeconds(30), "docker-compose", "version", "--short");
        if (version.exitCode() != 0) {
            DockerCli.skip("ComposeStackTest", "docker-compose does not answer (" + version.output().strip()
                    + "); apt-get install docker-compose");
        }
        Map<String, String> env = new HashMap<>(SECRETS);
        env.put("LADDER_IMAGE", DockerCli.ladderImage("ComposeStackTest"));
        env.put("LADDER_POSTGRES_IMAGE", DockerCli.standIn("postgres"));
        env.put("LADDER_PROMETHEUS_IMAGE", DockerCli.standIn("prometheus"));
        env.put("LADDER_ALERTMANAGER_IMAGE", DockerCli.standIn("alertmanager"));
        ladderPort = freePort();
        prometheusPort = freePort();
        alertmanagerPort = freePort();
        env.put("LADDER_HTTP_ADDRESS", "127.0.0.1");
        env.put("LADDER_HTTP_PORT", String.valueOf(ladderPort));
        env.put("LADDER_PROMETHEUS_PORT", String.valueOf(prometheusPort));
        env.put("LADDER_ALERTMANAGER_PORT", String.valueOf(alertmanagerPort));
        StringBuilder envFile = new StringBuilder();
        env.forEach((name, value) -> envFile.append(name).append('=').append(value).append('\n'));
        Files.writeString(work.resolve("env"), envFile);
        Map<String, String> removed = new HashMap<>();
        env.keySet().forEach(name -> removed.put(name, ""));
        unset = removed;

        String shipped = Files.readString(DockerCli.ROOT.resolve("deploy/prometheus/prometheus.yml"));
        assertThat(shipped).contains("scrape_interval: 15s", "evaluation_interval: 15s");
        Files.writeString(work.resolve("prometheus.yml"), shipped
                .replace("scrape_interval: 15s", "scrape_interval: 2s")
                .replace("evaluation_interval: 15s", "evaluation_interval: 2s"));
        Files.writeString(work.resolve("override.yml"), """
                services:
                  prometheus:
                    volumes:
                      - %s:/etc/prometheus/prometheus.yml:ro
                """.formatted(work.resolve("prometheus.yml")));
        compose = List.of("docker-compose", "--project-name", PROJECT, "--env-file", work.resolve("env").toString(),
                "--file", DockerCli.ROOT.resolve("docker-compose.yml").toString(),
                "--file", work.resolve("override.yml").toString());
        started = true;
        compose(Duration.ofMinutes(5), "up", "-d", "--no-build").orFail("docker-compose up");
    }

    @AfterAll
    static void down() {
        if (started) {
            DockerCli.Result down = compose(Duration.ofMinutes(3), "down", "-v", "--remove-orphans", "--timeout", "10");
            System.err.println("[ladder] ComposeStackTest: docker-compose down -v: exit " + down.exitCode());
        }
    }

    @Test
    @Order(1)
    void ladder_turns_healthy_on_postgresql() {
        await(Duration.ofMinutes(5), "Ladder's health check to turn healthy", () -> {
            String id = compose(Duration.ofSeconds(30), "ps", "-q", "ladder").output().strip();
            return !id.isEmpty() && DockerCli.run(Duration.ofSeconds(30), "docker", "inspect", "-f",
                    "{{.State.Health.Status}}", id).output().strip().equals("healthy");
        });
        Http admin = Http.to(ladderPort).as("admin", SECRETS.get("LADDER_ADMIN_PASSWORD"));
        Map<String, Object> readiness = JsonParserFactory.getJsonParser()
                .parseMap(admin.get("/actuator/health/readiness").body());
        assertThat(readiness.get("status")).isEqualTo("UP");
        assertThat(ContainerImageTest.at(readiness, "components.db.details.database")).isEqualTo("PostgreSQL");
        assertThat(admin.get("/api/roadmaps").body()).as("the roadmap imported on first start").contains("\"goals\"");
    }

    @Test
    @Order(2)
    void prometheus_scrapes_ladder_with_the_scrape_account_and_loads_the_alert_rules() {
        assertThat(Http.to(ladderPort).get("/actuator/prometheus").statusCode())
                .as("the metrics are not public").isEqualTo(401);
        Http prometheus = Http.to(prometheusPort);
        await(Duration.ofMinutes(2), "Prometheus to have job=\"ladder\" as an up target", () ->
                targets(prometheus).stream().anyMatch(t -> "ladder".equals(ContainerImageTest.at(t, "labels.job"))
                        && "up".equals(t.get("health"))));
        String rules = prometheus.get("/api/v1/rules").body();
        for (String alert : List.of("LadderDown", "LadderHighErrorRatio", "LadderDatabasePoolSaturated",
                "LadderLoginFailureSpike")) {
            assertThat(rules).contains("\"name\":\"" + alert + "\"");
        }
        // Ladder's own meters arrive through the scrape, not only the JVM's
        String query = prometheus.get("/api/v1/query?query="
                + URLEncoder.encode("up{job=\"ladder\"} == 1", StandardCharsets.UTF_8)).body();
        assertThat(query).contains("\"instance\":\"ladder:8080\"");
    }

    @Test
    @Order(3)
    void ladder_down_reaches_alertmanager_when_ladder_is_stopped() {
        compose(Duration.ofMinutes(2), "stop", "ladder").orFail("docker-compose stop ladder");
        Http alertmanager = Http.to(alertmanagerPort);
        String path = "/api/v2/alerts?filter=" + URLEncoder.encode("alertname=\"LadderDown\"", StandardCharsets.UTF_8);
        // the shipped rule waits 1 minute (for: 1m) before it fires
        await(Duration.ofMinutes(3), "LadderDown in Alertmanager", () ->
                !JsonParserFactory.getJsonParser().parseList(alertmanager.get(path).body()).isEmpty());
        Map<?, ?> alert = (Map<?, ?>) JsonParserFactory.getJsonParser().parseList(alertmanager.get(path).body()).getFirst();
        assertThat(ContainerImageTest.at(alert, "labels.job")).isEqualTo("ladder");
        assertThat(ContainerImageTest.at(alert, "labels.severity")).isEqualTo("page");
        assertThat(ContainerImageTest.at(alert, "status.state")).isEqualTo("active");
    }

    static List<Map<String, Object>> targets(Http prometheus) {
        Object active = ContainerImageTest.at(JsonParserFactory.getJsonParser()
                .parseMap(prometheus.get("/api/v1/targets").body()), "data.activeTargets");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) active;
        return list;
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not answering yet
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + " in vain; the stack's log:\n"
                + redacted(compose(Duration.ofMinutes(1), "logs", "--no-color", "--tail", "40").output()));
    }

    static DockerCli.Result compose(Duration timeout, String... arguments) {
        List<String> command = new java.util.ArrayList<>(compose);
        command.addAll(List.of(arguments));
        return DockerCli.run(timeout, unset, command);
    }

    static String redacted(String log) {
        String result = log;
        for (String secret : SECRETS.values()) {
            result = result.replace(secret, "<secret>");
        }
        return result;
    }

    static String secret() {
        return "it-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
