package ladder.webapp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.webapp.support.DockerAvailable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * Issue 12.6: {@code deploy/grafana/} loaded into a real Grafana, as the Compose stack's observability profile
 * mounts it: the dashboard is provisioned with every panel of the file, and every datasource its panels name is
 * provisioned too. Grafana has no Debian package, so this runs wherever its image (the one
 * {@code docker-compose.yml} names, or {@code LADDER_GRAFANA_IMAGE}) is on the engine or can be pulled, and is
 * skipped with the reason printed otherwise. The panels' queries themselves are run against a real Prometheus
 * by {@code DashboardQueriesTest}.
 */
@DockerAvailable
class GrafanaDashboardTest {

    static final Path DEPLOY = Path.of("..", "deploy", "grafana");
    static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

    @Test
    @SuppressWarnings("unchecked")
    void the_dashboard_and_its_datasources_are_provisioned_with_every_panel() throws Exception {
        String image = grafanaImage();
        Optional<String> missing = unavailable(image);
        if (missing.isPresent()) {
            String reason = "SKIPPED: " + missing.get();
            System.out.println("[GrafanaDashboardTest] " + reason);
            Assumptions.abort(reason);
        }
        Map<String, Object> file = JsonParserFactory.getJsonParser()
                .parseMap(Files.readString(DEPLOY.resolve("ladder-dashboard.json")));
        String uid = (String) file.get("uid");
        List<Map<String, Object>> panels = (List<Map<String, Object>>) file.get("panels");
        Set<String> titles = new TreeSet<>();
        Set<String> datasources = new TreeSet<>();
        for (Map<String, Object> panel : panels) {
            titles.add((String) panel.get("title"));
            if (panel.get("datasource") instanceof Map<?, ?> source && source.get("uid") instanceof String named) {
                datasources.add(named);
            }
        }
        assertThat(datasources).as("the datasources the panels name").isNotEmpty();

        String password = "grafana-" + UUID.randomUUID();
        try (GenericContainer<?> grafana = new GenericContainer<>(image)
                .withEnv("GF_SECURITY_ADMIN_USER", "admin")
                .withEnv("GF_SECURITY_ADMIN_PASSWORD", password)
                .withEnv("GF_ANALYTICS_REPORTING_ENABLED", "false")
                .withCopyFileToContainer(MountableFile.forHostPath(DEPLOY.resolve("provisioning/datasources")),
                        "/etc/grafana/provisioning/datasources")
                .withCopyFileToContainer(MountableFile.forHostPath(DEPLOY.resolve("provisioning/dashboards")),
                        "/etc/grafana/provisioning/dashboards")
                .withCopyFileToContainer(MountableFile.forHostPath(DEPLOY.resolve("ladder-dashboard.json")),
                        "/var/lib/grafana/dashboards/ladder-dashboard.json")
                .withExposedPorts(3000)
                .waitingFor(Wait.forHttp("/api/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)))) {
            grafana.start();
            String base = "http://" + grafana.getHost() + ":" + grafana.getMappedPort(3000);
            String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));

            Map<String, Object> dashboard = getJson(base + "/api/dashboards/uid/" + uid, auth);
            Map<String, Object> meta = (Map<String, Object>) dashboard.get("meta");
            assertThat(meta.get("provisioned")).as("provisioned from the file, not made by hand").isEqualTo(true);
            Set<String> loaded = new TreeSet<>();
            for (Map<String, Object> panel : (List<Map<String, Object>>) ((Map<String, Object>) dashboard.get("dashboard")).get("panels")) {
                loaded.add((String) panel.get("title"));
            }
            assertThat(loaded).as("the panels Grafana loaded").isEqualTo(titles);
            for (String datasource : datasources) {
                Map<String, Object> source = getJson(base + "/api/datasources/uid/" + datasource, auth);
                assertThat(source.get("uid")).as("datasource " + datasource).isEqualTo(datasource);
            }
            assertThat(grafana.getLogs()).as("Grafana's log").doesNotContainIgnoringCase("failed to provision");
        }
    }

    /** The image the Compose stack runs: {@code LADDER_GRAFANA_IMAGE}, else the default in docker-compose.yml. */
    static String grafanaImage() throws Exception {
        String chosen = System.getenv("LADDER_GRAFANA_IMAGE");
        if (chosen != null && !chosen.isBlank()) {
            return chosen.strip();
        }
        Matcher matcher = Pattern.compile("\\$\\{LADDER_GRAFANA_IMAGE:-([^}]+)}").matcher(Files.readString(COMPOSE_FILE));
        assertThat(matcher.find()).as("docker-compose.yml names Grafana's image").isTrue();
        return matcher.group(1);
    }

    private static Optional<String> unavailable(String image) {
        var client = DockerClientFactory.instance().client();
        try {
            client.inspectImageCmd(image).exec();
            return Optional.empty();
        } catch (RuntimeException notHere) {
            try {
                if (client.pullImageCmd(image).start().awaitCompletion(3, TimeUnit.MINUTES)) {
                    return Optional.empty();
                }
                return Optional.of("Grafana's image " + image + " is not on the engine and its pull did not end in 3 minutes");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while pulling " + image);
            } catch (RuntimeException refused) {
                return Optional.of("Grafana's image " + image + " is not on the engine and cannot be pulled here ("
                        + refused.getMessage() + "); Grafana has no Debian package to build it from");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> getJson(String url, String auth) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", auth).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url + ": " + answer.body()).isEqualTo(200);
        return JsonParserFactory.getJsonParser().parseMap(answer.body());
    }
}
