package ladder.labs.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The service as the lab runtime starts it: a separate JVM with the documented small-memory flags. */
class SampleServiceProcessTest {

    @Test
    void started_as_a_java_process_it_prints_its_address_serves_and_stops_on_sigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SampleService.class.getName(), "--port", "0", "--name", "checkout-svc"))
                .redirectErrorStream(true)
                .start();
        try (HttpClient http = HttpClient.newHttpClient();
             BufferedReader out = new BufferedReader(
                     new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).contains("service=checkout-svc started on http://127.0.0.1:");
            Matcher address = Pattern.compile("started on (http://127\\.0\\.0\\.1:\\d+)").matcher(first);
            assertThat(address.find()).isTrue();

            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(address.group(1) + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("checkout-svc");
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        }
    }

    @Test
    void a_bad_command_line_exits_2_with_the_reason() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SampleService.class.getName(), "--port", "0"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("--port and --name are required", "usage:");
    }
}
