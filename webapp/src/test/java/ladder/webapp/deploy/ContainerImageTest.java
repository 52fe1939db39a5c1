package ladder.webapp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

/**
 * Ladder's image ({@code deploy/Dockerfile}) built on the local engine from the packaged jar and run as a team
 * runs it: as a user other than root, its health check turning healthy, the heap sized by the container's memory
 * limit, Graphviz inside drawing a roadmap. Skipped, saying why, without an engine.
 */
@Tag("packaged")
class ContainerImageTest {

    static final long MEMORY_LIMIT = 640L * 1024 * 1024;
    static final String ADMIN_PASSWORD = "img-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(10));
    static String container;
    static int port;

    @BeforeAll
    static void start() {
        DockerCli.assumeEngine("ContainerImageTest");
        String image = DockerCli.ladderImage("ContainerImageTest");
        container = "ladder-image-test-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        DockerCli.run(Duration.ofMinutes(2), Map.of("LADDER_ADMIN_PASSWORD", ADMIN_PASSWORD), List.of(
                "docker", "run", "-d", "--name", container, "--memory", String.valueOf(MEMORY_LIMIT),
                "--publish", "127.0.0.1::8080", "--env", "LADDER_ADMIN_PASSWORD", image)).orFail("docker run");
        String published = DockerCli.run(Duration.ofSeconds(30), "docker", "port", container, "8080/tcp")
                .orFail("docker port").output().strip().lines().findFirst().orElseThrow();
        port = Integer.parseInt(published.substring(published.lastIndexOf(':') + 1));
    }

    @AfterAll
    static void remove() {
        if (container != null) {
            DockerCli.run(Duration.ofMinutes(1), "docker", "rm", "-f", "-v", container);
        }
    }

    @Test
    void the_health_check_turns_healthy_and_the_app_answers() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        String status = "";
        while (Instant.now().isBefore(deadline)) {
            status = DockerCli.run(Duration.ofSeconds(30), "docker", "inspect", "-f",
                    "{{.State.Status}} {{.State.Health.Status}}", container).orFail("docker inspect").output().strip();
            if (status.equals("running healthy") || !status.startsWith("running") || status.endsWith("unhealthy")) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(status).as("container state and health; log:\n%s", logs()).isEqualTo("running healthy");
        assertThat(Http.to(port).get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void the_app_runs_as_a_user_other_than_root() throws InterruptedException {
        assertThat(DockerCli.run(Duration.ofSeconds(30), "docker", "image", "inspect", "-f", "{{.Config.User}}",
                DockerCli.LADDER_IMAGE).orFail("docker image inspect").output().strip()).isEqualTo("10001:10001");
        awaitUp();
        // the JVM's own process (pid 1, the entrypoint), not only what a new exec would be
        String owner = DockerCli.run(Duration.ofSeconds(30), "docker", "exec", container, "sh", "-c",
                "awk '/^Uid:/ {print $2, $3}' /proc/1/status").orFail("docker exec").output().strip();
        assertThat(owner).isEqualTo("10001 10001");
    }

    @Test
    void the_heap_is_three_quarters_of_the_container_memory_limit() throws InterruptedException {
        awaitUp();
        // a second JVM in the same container: the same cgroup limit and the image's JDK_JAVA_OPTIONS
        String flags = DockerCli.run(Duration.ofMinutes(1), "docker", "exec", container, "java",
                "-XX:+PrintFlagsFinal", "-version").orFail("java -XX:+PrintFlagsFinal").output();
        Matcher max = Pattern.compile("MaxHeapSize\\s*=\\s*(\\d+)").matcher(flags);
        assertThat(max.find()).as(flags).isTrue();
        long heap = Long.parseLong(max.group(1));
        // 75 % of the limit, give or take the heap's alignment
        assertThat(heap).isBetween(MEMORY_LIMIT * 3 / 4 - 4L * 1024 * 1024, MEMORY_LIMIT * 3 / 4 + 4L * 1024 * 1024);
    }

    @Test
    void graphviz_in_the_image_draws_the_roadmap() throws InterruptedException {
        awaitUp();
        Http admin = Http.to(port).as("admin", ADMIN_PASSWORD);
        var roadmaps = JsonParserFactory.getJsonParser().parseList(admin.get("/api/roadmaps").body());
        assertThat(roadmaps).as("the roadmap imported on first start").isNotEmpty();
        Object id = ((Map<?, ?>) roadmaps.getFirst()).get("id");
        var svg = admin.get("/api/roadmaps/" + id + "/export/svg");
        assertThat(svg.statusCode()).as(svg.body()).isEqualTo(200);
        assertThat(svg.body()).contains("<svg").contains("</svg>");
        var readiness = JsonParserFactory.getJsonParser().parseMap(admin.get("/actuator/health/readiness").body());
        assertThat(at(readiness, "components.graphviz.details.available")).as(readiness.toString()).isEqualTo(true);
    }

    static Object at(Object json, String path) {
        Object current = json;
        for (String step : path.split("\\.")) {
            current = current instanceof Map<?, ?> map ? map.get(step) : null;
        }
        return current;
    }

    /** Waits until Ladder answers its health endpoint (the health check test waits for Docker's own verdict). */
    static void awaitUp() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Http.to(port).get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Ladder's container did not answer within 5 minutes; log:\n" + logs());
    }

    static String logs() {
        String output = DockerCli.run(Duration.ofSeconds(30), "docker", "logs", "--tail", "60", container).output();
        return output.replace(ADMIN_PASSWORD, "<admin password>");
    }
}
