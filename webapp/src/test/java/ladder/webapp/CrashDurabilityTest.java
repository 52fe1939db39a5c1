package ladder.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import ladder.webapp.support.AppProcess;
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
        return AppProcess.start(data, port, ADMIN_PASSWORD, "crash-test-" + name, Map.of("LADDER_ROADMAP", new File("src/main/resources/roadmap/roadmap.gv").getAbsolutePath()));
    }

    private static int freePort() throws IOException {
        return AppProcess.freePort();
    }
}
