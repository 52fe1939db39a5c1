package ladder.webapp.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import ladder.webapp.support.AppProcess;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash of Ladder ends its lab sessions cleanly: the app runs as a JVM of its own with its shipped
 * settings, a learner's session of the host-metrics lab becomes ready, the app is killed with SIGKILL
 * (its lab processes outlive it, orphaned), and after a restart on the same data directory the session
 * is stored as stopped with the reason, and not one of its processes is left.
 */
class LabsRestartTest {

    static final String ADMIN_PASSWORD = "Restart-test-admin-password-1";
    static final String PASSWORD = "a-long-enough-password";

    @Test
    void a_restart_after_kill_9_ends_the_session_and_leaves_no_process(@TempDir Path data) throws Exception {
        int port = freePort();
        String sessionId;
        Process first = start(data, port, "first");
        try {
            Http admin = Http.to(port).as("admin", ADMIN_PASSWORD);
            HttpResponse<String> created = admin.postJson("/api/accounts", """
                    {"username":"rita","displayName":"Rita","handle":"@rita","roles":["LEARNER"],"password":"%s"}"""
                    .formatted(PASSWORD));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Http rita = Http.to(port).as("rita", PASSWORD);
            HttpResponse<String> started = rita.post("/api/labs/host-metrics/sessions", "application/json", "");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            sessionId = LabsApiTest.field(started.body(), "sessionId");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (!LabsApiTest.sessionState(rita.get("/api/labs/sessions/" + sessionId).body()).equals("ready")) {
                assertThat(Instant.now()).as("ready within 120 s").isBefore(deadline);
                Thread.sleep(300);
            }
            assertThat(labProcesses(data)).as("prometheus and node-exporter run").hasSizeGreaterThanOrEqualTo(2);
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            first.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(labProcesses(data)).as("the lab's processes outlive a killed Ladder").isNotEmpty();

        Process second = start(data, port, "second");
        try {
            Http rita = Http.to(port).as("rita", PASSWORD);
            HttpResponse<String> session = rita.get("/api/labs/sessions/" + sessionId);
            assertThat(session.body()).contains("\"state\":\"stopped\"", "Ladder restarted", "\"endedAt\":\"");
            assertThat(labProcesses(data)).as("the start-up sweep stopped them").isEmpty();
            assertThat(rita.get("/api/labs").body()).contains("\"status\":\"not passed yet\"");
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    /** Processes whose command line names the data directory: the lab components of its sessions. */
    static List<ProcessHandle> labProcesses(Path data) {
        String marker = data.toAbsolutePath().toString() + "/labs/sessions/";
        return ProcessHandle.allProcesses()
                .filter(process -> process.isAlive()
                        && process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
    }

    private static Process start(Path data, int port, String name) throws IOException, InterruptedException {
        return AppProcess.start(data, port, ADMIN_PASSWORD, "labs-restart-test-" + name, Map.of("LADDER_LABS_RUNTIME", "process"));
    }

    private static int freePort() throws IOException {
        return AppProcess.freePort();
    }
}
