package ladder.webapp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Alertmanager once Ladder is stopped. With the labs override ({@code docker-compose.labs.yml}: the engine's socket,
 * its group, {@code LADDER_LABS_DOCKER_ATTACH}) on top, a learner made through the API runs the host-metrics lab
 * on the Docker runtime from inside Ladder's container: no port published, Ladder's container on the session's
 * network, the solution's checks passing, Prometheus answering through Ladder's proxy, and nothing of the session
 * left once it is stopped. The only test override: Prometheus scrapes and evaluates every 2 s instead of 15 s (the
 * alert rules are the shipped ones, {@code for: 1m} included). Removed with {@code down -v} even when a step fails;
 * skipped, saying why, without an engine or docker-compose (the lab step alone without the engine's socket at
 * {@code /var/run/docker.sock}).
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
    static final Path SOCKET = Path.of("/var/run/docker.sock");
    /** Whether the labs override is on: the engine answers on the socket it mounts. */
    static boolean labs;
    static final String LADDER_CONTAINER = PROJECT + "-ladder";
    /** The Docker runtime's id of the lab session the test started (its containers' label), for the clean-up. */
    static String labSession;

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
        String dockerHost = System.getenv("DOCKER_HOST");
        labs = Files.exists(SOCKET) && (dockerHost == null || dockerHost.isBlank() || dockerHost.equals("unix://" + SOCKET));
        if (labs) {
            env.put("DOCKER_GID", String.valueOf(Files.getAttribute(SOCKET, "unix:gid")));
            env.put("LADDER_CONTAINER_NAME", LADDER_CONTAINER);
        } else {
            System.err.println("[ladder] ComposeStackTest: without the labs override: the engine is not the one at " + SOCKET
                    + " (DOCKER_HOST=" + dockerHost + ")");
        }
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
        List<String> command = new java.util.ArrayList<>(List.of("docker-compose", "--project-name", PROJECT,
                "--env-file", work.resolve("env").toString(), "--file", DockerCli.ROOT.resolve("docker-compose.yml").toString()));
        if (labs) {
            command.addAll(List.of("--file", DockerCli.ROOT.resolve("docker-compose.labs.yml").toString()));
        }
        command.addAll(List.of("--file", work.resolve("override.yml").toString()));
        compose = List.copyOf(command);
        started = true;
        compose(Duration.ofMinutes(5), "up", "-d", "--no-build").orFail("docker-compose up");
    }

    @AfterAll
    static void down() {
        if (started) {
            DockerCli.Result down = compose(Duration.ofMinutes(3), "down", "-v", "--remove-orphans", "--timeout", "10");
            System.err.println("[ladder] ComposeStackTest: docker-compose down -v: exit " + down.exitCode());
        }
        if (labSession != null) {
            // what a failed step may have left of the lab session (Ladder removes it when the step passes)
            for (String id : sessionContainers(labSession).keySet()) {
                DockerCli.run(Duration.ofMinutes(1), "docker", "rm", "-f", id);
            }
            DockerCli.run(Duration.ofMinutes(1), "docker", "network", "rm", "ladder-lab-" + labSession + "-net");
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
    void with_the_labs_override_a_learner_runs_docker_labs_from_inside_ladders_container_and_nothing_is_left() throws Exception {
        if (!labs) {
            DockerCli.skip("ComposeStackTest (lab step)", "the engine is not the one at " + SOCKET + ", which the labs override mounts");
        }
        Http admin = Http.to(ladderPort).as("admin", SECRETS.get("LADDER_ADMIN_PASSWORD"));
        String learner = "learner" + HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        String password = secret();
        HttpResponse<String> created = admin.postJson("/api/accounts", """
                {"username":"%s","displayName":"A learner","handle":"@%s","roles":["LEARNER"],"password":"%s"}"""
                .formatted(learner, learner, password));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Http api = Http.to(ladderPort).as(learner, password);
        Map<String, Map<String, Object>> catalog = new HashMap<>();
        JsonParserFactory.getJsonParser().parseList(api.get("/api/labs").body()).stream()
                .map(entry -> ComposeFileTest.castMap((Map<?, ?>) entry))
                .forEach(entry -> catalog.put(String.valueOf(entry.get("id")), entry));
        Map<String, Object> lab = catalog.get("host-metrics");
        assertThat(lab.get("runtimes")).as("the catalog's runtime").isEqualTo(List.of("docker"));
        assertThat(lab.get("runnableHere")).as("host-metrics runnable: " + lab.get("whyNot")).isEqualTo(true);
        // Ladder's JRE cannot jlink the runtime of the sample service's image: it takes this version's image where the
        // engine has one (the labs' tests build it), and the catalog says what is missing where it has none
        String sampleImage = "ladder-lab-sample-service:" + labsVersion();
        boolean prebuilt = DockerCli.run(Duration.ofSeconds(30), "docker", "image", "inspect", sampleImage).exitCode() == 0;
        assertThat(catalog.get("metrics").get("runnableHere")).as(sampleImage + " on the engine: " + prebuilt).isEqualTo(prebuilt);
        if (!prebuilt) {
            assertThat(String.valueOf(catalog.get("metrics").get("whyNot"))).contains("no jlink", sampleImage);
        }

        runsWithItsSolution(api, learner, password, "host-metrics",
                List.of("config-valid", "node-scraped", "cpu-utilisation-value", "memory-available-value"));
        if (prebuilt) {
            // a lab with the sample service, from the image the labs' tests built (one session per learner: after the first)
            runsWithItsSolution(api, learner, password, "metrics", List.of("config-valid", "shop-scraped", "rate-rule-value", "p95-rule-value"));
        } else {
            System.err.println("[ladder] ComposeStackTest: the metrics lab not run: no " + sampleImage + " on the engine");
        }
    }

    /**
     * Starts a lab as the learner, checks that Ladder's container is on its network and that nothing is published,
     * applies the reference solution through the API, runs the checks (all pass), reaches Prometheus through Ladder's
     * proxy, stops the session and checks that nothing of it is left.
     */
    void runsWithItsSolution(Http api, String learner, String password, String labId, List<String> someChecks) throws Exception {
        HttpResponse<String> started = api.post("/api/labs/" + labId + "/sessions", "application/json", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = String.valueOf(JsonParserFactory.getJsonParser().parseMap(started.body()).get("sessionId"));
        Instant begun = Instant.now();
        // the first start of all builds the Debian-based images on the engine when the labs' tests have not
        await(Duration.ofMinutes(5), "the lab session to be ready", () -> {
            String body = api.get("/api/labs/sessions/" + id).body();
            Object state = JsonParserFactory.getJsonParser().parseMap(body).get("state");
            if ("failed".equals(state) || "stopped".equals(state)) {
                throw new AssertionError("the session " + state + ": " + body);
            }
            return "ready".equals(state);
        });

        long readyMillis = Duration.between(begun, Instant.now()).toMillis();
        // Ladder's container is on the session's network, and no container of the session publishes a port
        List<String> networks = List.of(networksOf(LADDER_CONTAINER).split(" "));
        String network = networks.stream().filter(name -> name.startsWith("ladder-lab-" + labId + "-") && name.endsWith("-net"))
                .findFirst().orElseThrow(() -> new AssertionError("Ladder's container is on no session network: " + networks));
        labSession = network.substring("ladder-lab-".length(), network.length() - "-net".length());
        Map<String, String> containers = sessionContainers(labSession);
        assertThat(containers.values()).as("the sandbox and the lab's two components").hasSize(3);
        for (String container : containers.keySet()) {
            assertThat(DockerCli.run(Duration.ofSeconds(30), "docker", "port", container).output().strip())
                    .as("published ports of " + containers.get(container)).isEmpty();
        }

        // the reference solution through the API: Ladder validates it with promtool in the Prometheus container,
        // reloads Prometheus, and its checks reach the components on the session's network
        Path solution = DockerCli.ROOT.resolve("labs/catalog/" + labId + "/solution");
        try (var files = Files.list(solution)) {
            for (Path file : files.sorted().toList()) {
                HttpResponse<String> put = api.put("/api/labs/sessions/" + id + "/files/" + file.getFileName(), "text/plain",
                        Files.readString(file));
                assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
            }
        }
        HttpResponse<String> applied = api.postJson("/api/labs/sessions/" + id + "/apply", "");
        assertThat(applied.body()).as("apply").contains("\"applied\":true");
        HttpResponse<String> checks = api.postJson("/api/labs/sessions/" + id + "/checks", "");
        assertThat(checks.statusCode()).as(checks.body()).isEqualTo(200);
        Map<String, Object> run = JsonParserFactory.getJsonParser().parseMap(checks.body());
        assertThat(run.get("passed")).as(checks.body()).isEqualTo(true);
        assertThat(((List<?>) run.get("checks")).stream().map(check -> String.valueOf(((Map<?, ?>) check).get("id"))).toList())
                .containsAll(someChecks);

        // the component UI as a learner's browser reaches it: through Ladder's proxy
        SignedIn browser = new SignedIn(learner, password);
        HttpResponse<String> buildInfo = browser.get("/labs/sessions/" + id + "/ui/prometheus/api/v1/status/buildinfo");
        assertThat(buildInfo.statusCode()).as(buildInfo.body()).isEqualTo(200);
        assertThat(buildInfo.body()).contains("\"status\":\"success\"", "\"version\"");

        Instant stopping = Instant.now();
        HttpResponse<String> stopped = api.delete("/api/labs/sessions/" + id);
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        await(Duration.ofMinutes(1), "the session's containers and network to be removed", () ->
                sessionContainers(labSession).isEmpty()
                        && DockerCli.run(Duration.ofSeconds(30), "docker", "network", "ls", "-q", "--filter",
                                "label=ladder.lab.session=" + labSession).output().isBlank());
        System.err.println("[ladder] ComposeStackTest: " + labId + " from Ladder's container: ready " + readyMillis
                + " ms after the start request, checks " + run.get("durationMs") + " ms, removed "
                + Duration.between(stopping, Instant.now()).toMillis() + " ms after the stop request");
        assertThat(networksOf(LADDER_CONTAINER)).as("Ladder's container left the session's network").doesNotContain(network);
        labSession = null;
    }

    /** The version the lab images are tagged with, as the labs module's build wrote it. */
    static String labsVersion() throws IOException {
        try (var in = ComposeStackTest.class.getResourceAsStream("/ladder/labs/version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(java.util.Objects.requireNonNull(in, "ladder/labs/version.properties"));
            return properties.getProperty("version");
        }
    }

    static String networksOf(String container) {
        return DockerCli.run(Duration.ofSeconds(30), "docker", "inspect", "-f",
                "{{range $name, $net := .NetworkSettings.Networks}}{{$name}} {{end}}", container)
                .orFail("docker inspect " + container).output().strip();
    }

    /** The containers of a lab session, by the Docker runtime's label: id to name. */
    static Map<String, String> sessionContainers(String session) {
        Map<String, String> found = new java.util.LinkedHashMap<>();
        DockerCli.run(Duration.ofSeconds(30), "docker", "ps", "-a", "--filter", "label=ladder.lab.session=" + session,
                "--format", "{{.ID}} {{.Names}}").output().lines().filter(line -> !line.isBlank())
                .forEach(line -> found.put(line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1)));
        return found;
    }

    /** A cookie-keeping client signed in through the login form, as a browser is (the component UIs take no Basic). */
    static final class SignedIn {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        SignedIn(String username, String password) throws Exception {
            String page = get("/login").body();
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&" + meta(page, "_csrf_parameter") + "="
                    + meta(page, "_csrf");
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ladderPort + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ladderPort + path)).GET()
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }

        static String meta(String html, String name) {
            Matcher matcher = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(html);
            assertThat(matcher.find()).as("meta " + name + " in the login page").isTrue();
            return matcher.group(1);
        }
    }

    @Test
    @Order(4)
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
