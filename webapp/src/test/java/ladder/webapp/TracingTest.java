package ladder.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.webapp.support.Http;
import ladder.webapp.support.LabSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Spans arrive in a real Zipkin (the {@code zipkin-server} jar the labs use) when
 * {@code LADDER_ZIPKIN_ENDPOINT} names it: an import and a render of a roadmap, with the {@code dot} run
 * as the render's child; a lab session's start, a child of the request that asked for it, and its check run.
 */
@ExtendWith(TracingTest.ZipkinJar.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ladder.test.context=tracing")
class TracingTest {

    static final Path ZIPKIN = Path.of("..", "labs", "target", "components", "zipkin-server-exec.jar");
    static Process zipkin;
    static int zipkinPort;

    static {
        if (ZIPKIN.toFile().isFile()) {
            try {
                zipkinPort = freePort();
                String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
                zipkin = new ProcessBuilder(java, "-Xmx256m", "-jar", ZIPKIN.toString(), "--server.port=" + zipkinPort)
                        .redirectErrorStream(true).redirectOutput(new File("target/zipkin-tracing-test.log")).start();
                waitFor("http://127.0.0.1:" + zipkinPort + "/health", Duration.ofSeconds(90));
            } catch (Exception e) {
                throw new IllegalStateException("could not start Zipkin: " + e.getMessage(), e);
            }
            // read when the app's environment is prepared, as LADDER_ZIPKIN_ENDPOINT would be
            System.setProperty("ladder.tracing.zipkin-endpoint", "http://127.0.0.1:" + zipkinPort + "/api/v2/spans");
        }
    }

    @LocalServerPort int port;

    @AfterAll
    static void stopZipkin() {
        System.clearProperty("ladder.tracing.zipkin-endpoint");
        if (zipkin != null) {
            zipkin.destroyForcibly();
        }
    }

    @Test
    void an_import_and_a_render_arrive_in_zipkin_with_dot_as_the_renders_child() throws Exception {
        Http admin = Http.to(port).as("admin", "Admin-password-for-tests-1");
        String name = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post("/api/roadmaps?name=" + name, "text/vnd.graphviz", "digraph { t1 -> t2 }");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        assertThat(admin.get("/api/roadmaps/" + id + "/export/svg").statusCode()).isEqualTo(200);

        String traces = awaitSpans("dot -tsvg", "import roadmap");
        assertThat(traces).contains("\"name\":\"import roadmap\"", "\"name\":\"render roadmap\"", "\"name\":\"dot -tsvg\"");
        // the dot run's parent is the render's span
        Map<String, String> idByName = new HashMap<>();
        Map<String, String> parentByName = new HashMap<>();
        Matcher span = Pattern.compile("\\{\"traceId\":\"[0-9a-f]+\",(?:\"parentId\":\"([0-9a-f]+)\",)?"
                + "\"id\":\"([0-9a-f]+)\",(?:\"kind\":\"[A-Z]+\",)?\"name\":\"([^\"]+)\"").matcher(traces);
        while (span.find()) {
            idByName.put(span.group(3), span.group(2));
            parentByName.put(span.group(3), String.valueOf(span.group(1)));
        }
        assertThat(parentByName.get("dot -tsvg")).isEqualTo(idByName.get("render roadmap"));
    }

    @Test
    void a_lab_start_in_the_trace_of_its_request_and_a_check_run_arrive_in_zipkin() throws Exception {
        Http admin = Http.to(port).as("admin", "Admin-password-for-tests-1");
        String learner = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.postJson("/api/accounts", """
                {"username":"%s","displayName":"Traced","handle":"@%s","roles":["LEARNER"],"password":"Traced-password-1"}"""
                .formatted(learner, learner)).statusCode()).isEqualTo(201);
        Http as = Http.to(port).as(learner, "Traced-password-1");
        String session = LabSessions.startReady(as, "host-metrics");
        assertThat(as.postJson("/api/labs/sessions/" + session + "/checks", "").statusCode()).isEqualTo(200);
        as.delete("/api/labs/sessions/" + session);

        String traces = awaitSpans("start lab", "run lab checks");
        assertThat(traces).contains("\"name\":\"start lab\"", "\"name\":\"run lab checks\"", "\"lab\":\"host-metrics\"");
        Map<String, String> nameById = new HashMap<>();
        String startParent = null;
        Matcher span = Pattern.compile("\\{\"traceId\":\"[0-9a-f]+\",(?:\"parentId\":\"([0-9a-f]+)\",)?"
                + "\"id\":\"([0-9a-f]+)\",(?:\"kind\":\"[A-Z]+\",)?\"name\":\"([^\"]+)\"").matcher(traces);
        while (span.find()) {
            nameById.put(span.group(2), span.group(3));
            if (span.group(3).equals("start lab")) {
                startParent = span.group(1);
            }
        }
        assertThat(startParent).as("the start's parent span").isNotNull();
        assertThat(nameById.get(startParent)).as("the request that asked for the lab").contains("/api/labs/{labid}/sessions");
    }

    /** Zipkin's traces of Ladder once spans of every one of these names are in them (30 s at most). */
    private String awaitSpans(String... names) throws IOException, InterruptedException {
        String traces = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            traces = get("http://127.0.0.1:" + zipkinPort + "/api/v2/traces?serviceName=ladder&limit=200&lookback=600000");
            String found = traces;
            if (Arrays.stream(names).allMatch(name -> found.contains("\"name\":\"" + name + "\""))) {
                break;
            }
            Thread.sleep(500);
        }
        return traces;
    }

    static String get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static void waitFor(String url, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (get(url).contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("Zipkin did not answer " + url + " within " + limit.toSeconds() + " s");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Skips the test, with the reason printed, when the labs module has not fetched Zipkin's jar. */
    static class ZipkinJar implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (ZIPKIN.toFile().isFile()) {
                return ConditionEvaluationResult.enabled("Zipkin's jar is at " + ZIPKIN);
            }
            String reason = "SKIPPED: " + ZIPKIN + " is missing (the labs module's build fetches it: ./mvnw -pl labs package)";
            System.err.println("[ladder] TracingTest: " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
