package ladder.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that was answered survives {@code kill -9}: the app runs as a separate JVM on the embedded H2
 * file database with exactly the settings it ships with ({@code application.properties} alone), answers
 * roadmap creations and a goal change, is killed with SIGKILL at once, and after a restart on the same data
 * directory every answered write is there.
 */
class CrashDurabilityTest {

    static final String ADMIN_PASSWORD = "Crash-test-admin-password-1";

    @Test
    void acknowledged_writes_survive_kill_9(@TempDir Path data) throws Exception {
        int port = freePort();
        List<String> created = new ArrayList<>();
        String lastId = "";
        Process first = start(data, port, "first");
        try {
            Http admin = Http.to(port).as("admin", ADMIN_PASSWORD);
            for (int i = 0; i < 5; i++) {
                String name = "crash " + i;
                HttpResponse<String> answer = admin.post("/api/roadmaps?name=" + name.replace(" ", "%20"),
                        "text/vnd.graphviz", "digraph { a" + i + " -> b" + i + " }");
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                created.add(name);
                lastId = answer.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
            }
            HttpResponse<String> patched = admin.patchJson("/api/roadmaps/" + lastId + "/goals/a4", "{\"status\":\"done\"}");
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        } finally {
            first.destroyForcibly(); // SIGKILL, right after the last answer
            first.waitFor(30, TimeUnit.SECONDS);
        }

        Process second = start(data, port, "second");
        try {
            Http admin = Http.to(port).as("admin", ADMIN_PASSWORD);
            String list = admin.get("/api/roadmaps").body();
            for (String name : created) {
                assertThat(list).as("roadmap '%s' after kill -9", name).contains("\"name\":\"" + name + "\"");
            }
            assertThat(admin.get("/api/roadmaps/" + lastId + "/export/gv").body()).containsPattern("a4 \\[[^]]*status=done");
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    private static Process start(Path data, int port, String name) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "crash-test-" + name + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LadderApplication.class.getName(),
                // the shipped settings only: not the tests' in-memory database
                "--spring.config.location=classpath:/application.properties", "--vaadin.productionMode=true")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LADDER_DATA_DIR", data.toString());
        builder.environment().put("LADDER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("LADDER_ROADMAP", new File("src/main/resources/roadmap/roadmap.gv").getAbsolutePath());
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the app stopped while starting; see " + log.toAbsolutePath());
            }
            try {
                if (Http.to(port).get("/actuator/health").statusCode() == 200) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the app did not start within 180 s; see " + log.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
