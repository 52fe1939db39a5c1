package ladder.webapp.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The roadmap's meters on {@code /actuator/prometheus} after the matching actions, with bounded tags only,
 * and the health groups: readiness with the database, Graphviz and the labs, liveness.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoadmapObservabilityTest {

    @LocalServerPort int port;

    @Test
    void imports_renders_dot_runs_and_cache_hits_are_metered_with_bounded_tags() {
        Http admin = Http.to(port).as("admin", "Admin-password-for-tests-1");
        String name = "meters-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post("/api/roadmaps?name=" + name, "text/vnd.graphviz",
                "digraph { secret_goal_id -> other_goal }");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        assertThat(admin.post("/api/roadmaps?name=" + name + "x", "text/vnd.graphviz", "digraph { a -> b -> a }")
                .statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/roadmaps?name=" + name + "y", "text/vnd.graphviz", "digraph { a [image=\"x.png\"] }")
                .statusCode()).isEqualTo(400);
        for (int i = 0; i < 2; i++) {
            assertThat(admin.get("/api/roadmaps/" + id + "/export/svg").statusCode()).isEqualTo(200);
        }

        String scrape = Http.to(port).as("scraper", "Scraper-password-for-tests-1").get("/actuator/prometheus").body();

        assertThat(scrape).containsPattern("ladder_roadmap_import_seconds_count\\{[^}]*reason=\"none\",result=\"accepted\"[^}]*} [1-9]")
                .containsPattern("ladder_roadmap_import_seconds_count\\{[^}]*reason=\"cycle\",result=\"refused\"[^}]*} [1-9]")
                .containsPattern("ladder_roadmap_import_seconds_count\\{[^}]*reason=\"unsafe\",result=\"refused\"[^}]*} [1-9]")
                .containsPattern("ladder_roadmap_render_seconds_count\\{[^}]*outcome=\"drawn\"[^}]*} [1-9]")
                .containsPattern("ladder_roadmap_render_seconds_bucket\\{")
                .containsPattern("ladder_roadmap_dot_seconds_count\\{[^}]*result=\"ok\"[^}]*} [1-9]")
                .containsPattern("cache_gets_total\\{cache=\"roadmap-svgs\"[^}]*result=\"hit\"[^}]*} [1-9]")
                .contains("jvm_memory_used_bytes", "http_server_requests_seconds_count", "hikaricp_connections_active");
        List<String> ladderLines = scrape.lines().filter(l -> l.startsWith("ladder_")).toList();
        assertThat(ladderLines).isNotEmpty().noneMatch(l -> l.contains("secret_goal_id") || l.contains(name)
                || l.contains("admin") || l.contains("roadmaps/" + id));
    }

    @Test
    void readiness_includes_the_database_and_reports_graphviz_and_the_labs_without_failing_and_liveness_answers() {
        Http anonymous = Http.to(port);
        HttpResponse<String> readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").doesNotContain("graphviz").doesNotContain("runtime");
        assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        String details = anonymous.as("admin", "Admin-password-for-tests-1").get("/actuator/health/readiness").body();
        assertThat(details).contains("\"db\"", "\"graphviz\"", "\"available\":true", "\"labs\":{\"details\":{",
                "\"runtime\":\"process\"", "\"prometheus\"", "\"sessions\":0", "\"maxSessions\":");
    }
}
