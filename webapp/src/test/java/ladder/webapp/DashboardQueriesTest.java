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
 * matching actions (imports, a refused import, renders, sign-ins).
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
