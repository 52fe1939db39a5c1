package ladder.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ladder.webapp.support.Http;
import ladder.webapp.support.LabSessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every panel of {@code deploy/grafana/ladder-dashboard.json} queried against a real Prometheus (Debian's)
 * that scrapes this running Ladder with the scrape account: each query is valid and returns data after the
 * matching actions (imports, a refused import, renders, sign-ins, assessments and a review, a lab session started,
 * checked and stopped), and Ladder's own series carry no learner and no session id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardQueriesTest {

    static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "ladder-dashboard.json");

    @LocalServerPort int port;
    Process prometheus;

    @AfterEach
    void stop() {
        if (prometheus != null) {
            prometheus.destroyForcibly();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_panel_query_is_valid_and_returns_data(@TempDir Path dir) throws Exception {
        File binary = new File("/usr/bin/prometheus");
        if (!binary.canExecute()) {
            String reason = "SKIPPED: Prometheus is not installed (apt-get install prometheus; .ci/run does)";
            System.err.println("[ladder] DashboardQueriesTest: " + reason);
            Assumptions.abort(reason);
        }
        int prometheusPort = freePort();
        Files.writeString(dir.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                scrape_configs:
                  - job_name: ladder
                    metrics_path: /actuator/prometheus
                    basic_auth: {username: scraper, password: Scraper-password-for-tests-1}
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(port));
        prometheus = new ProcessBuilder(binary.getPath(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        String base = "http://127.0.0.1:" + prometheusPort;

        Http admin = Http.to(port).as("admin", "Admin-password-for-tests-1");
        for (int i = 0; i < 3; i++) {
            String name = "dash-" + UUID.randomUUID().toString().substring(0, 8);
            String created = admin.post("/api/roadmaps?name=" + name, "text/vnd.graphviz", "digraph { a" + i + " -> b }").body();
            String id = created.replaceAll(".*\"id\":(\\d+).*", "$1");
            admin.get("/api/roadmaps/" + id + "/export/svg");
            admin.get("/api/roadmaps/" + id + "/export/svg");
            admin.post("/api/roadmaps?name=" + name + "c", "text/vnd.graphviz", "digraph { a -> b -> a }");
            Http.to(port).as("admin", "not-the-password").get("/api/roadmaps");
        }
        String[] learnerAndSession = ladderAndLabActions(admin);

        List<Map<String, Object>> panels = (List<Map<String, Object>>) JsonParserFactory.getJsonParser()
                .parseMap(Files.readString(DASHBOARD)).get("panels");
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10);
        List<String> empty = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        do {
            // keep traffic flowing so every rate has two samples in its window
            admin.get("/api/roadmaps");
            empty.clear();
            for (Map<String, Object> panel : panels) {
                String expr = (String) ((List<Map<String, Object>>) panel.get("targets")).get(0).get("expr");
                String query = expr.replace("$job", "ladder").replace("$__rate_interval", "30s");
                Map<String, Object> answer = query(base, query);
                assertThat(answer.get("status")).as(panel.get("title") + ": " + answer).isEqualTo("success");
                if (((List<Object>) ((Map<String, Object>) answer.get("data")).get("result")).isEmpty()) {
                    empty.add((String) panel.get("title"));
                }
            }
            if (empty.isEmpty()) {
                break;
            }
            Thread.sleep(1000);
        } while (Instant.now().isBefore(deadline));
        assertThat(empty).as("panels without data").isEmpty();

        // bounded tags: no series of Ladder's own meters names the learner or a lab session
        String scraped = Http.to(port).as("scraper", "Scraper-password-for-tests-1").get("/actuator/prometheus").body();
        List<String> own = scraped.lines().filter(line -> line.startsWith("ladder_")).toList();
        assertThat(own).anyMatch(line -> line.startsWith("ladder_assessments_total{") && line.contains("source=\"self\""))
                .anyMatch(line -> line.startsWith("ladder_reviews_total{decision=\"confirm\""))
                .anyMatch(line -> line.startsWith("ladder_labs_session_starts_total{")
                        && line.contains("lab=\"host-metrics\"") && line.contains("result=\"started\""))
                .noneMatch(line -> line.contains(learnerAndSession[0]) || line.contains(learnerAndSession[1]));
    }

    /**
     * A learner's self-assessments (one confirmed, one waiting for review), the admin's review of the second, and a
     * host-metrics lab session started, checked twice and stopped: what the labs' and the ladder's panels draw.
     *
     * @return the learner's user name and the lab session's id
     */
    private String[] ladderAndLabActions(Http admin) throws InterruptedException {
        String learner = "dash-learner-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Dash-learner-password-1";
        assertThat(admin.postJson("/api/accounts", """
                {"username":"%s","displayName":"Dash","handle":"@%s","roles":["LEARNER"],"password":"%s"}"""
                .formatted(learner, learner, password)).statusCode()).isEqualTo(201);
        Http as = Http.to(port).as(learner, password);
        assertThat(as.postJson("/api/participants/@" + learner + "/assessments",
                "{\"topic\":\"metrics\",\"rung\":\"data\",\"evidence\":\"\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> claim = as.postJson("/api/participants/@" + learner + "/assessments",
                "{\"topic\":\"metrics\",\"rung\":\"action\",\"evidence\":\"wrote the scrape job\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        String claimId = claim.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        assertThat(admin.postJson("/api/reviews/" + claimId, "{\"decision\":\"confirm\"}").statusCode()).isEqualTo(201);

        String session = LabSessions.startReady(as, "host-metrics");
        for (int run = 0; run < 2; run++) {
            assertThat(as.postJson("/api/labs/sessions/" + session + "/checks", "").statusCode()).isEqualTo(200);
            Thread.sleep(1500); // a scrape between the runs, so that the checks' rate has two samples
        }
        assertThat(as.delete("/api/labs/sessions/" + session).statusCode()).isEqualTo(200);
        return new String[] {learner, session};
    }

    private static Map<String, Object> query(String base, String query) throws IOException, InterruptedException {
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/query?query="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return JsonParserFactory.getJsonParser().parseMap(body);
        } catch (IOException notYet) {
            return Map.of("status", "success", "data", Map.of("result", List.of()));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
