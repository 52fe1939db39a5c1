package ladder.labs.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import ladder.labs.TestLabs;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.runtime.LabProgressListener;
import ladder.labs.runtime.LabSession;
import ladder.labs.runtime.ProcessLabRuntime;
import ladder.labs.runtime.ProcessRuntimeSettings;
import ladder.model.lab.CheckResult;
import ladder.model.lab.CheckSpec;
import ladder.model.lab.CheckStatus;
import ladder.model.lab.CheckType;
import ladder.model.lab.HttpAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace-duration check against a real Zipkin, fed by a file-contains check that captures the learner's answer:
 * a slow trace passes, a fast one, an unknown one and text that is no trace id fail, each saying what it saw.
 */
class TraceDurationCheckTest {

    private static final String SLOW = "5af7183fb1d4cf5f9b3e2a7c4d1e0f21";
    private static final String FAST = "6b221d5bc9e6496c6b221d5bc9e6496c";

    @TempDir
    Path data;

    private static String spans() {
        long micros = Instant.now().toEpochMilli() * 1000;
        return """
                [{"traceId":"%1$s","id":"6b221d5bc9e6496c","name":"post /api/checkout","timestamp":%3$d,"duration":300000,
                  "kind":"SERVER","localEndpoint":{"serviceName":"frontend"}},
                 {"traceId":"%1$s","parentId":"6b221d5bc9e6496c","id":"352bff9a74ca9ad2","name":"price-cart",
                  "timestamp":%4$d,"duration":800000,"localEndpoint":{"serviceName":"frontend"}},
                 {"traceId":"%2$s","id":"1111111111111111","name":"post /api/checkout","timestamp":%3$d,"duration":3000,
                  "kind":"SERVER","localEndpoint":{"serviceName":"frontend"}}]
                """.formatted(SLOW, FAST, micros, micros + 100);
    }

    private static CheckSpec check(String id, List<String> needs, List<HttpAction> before, CheckType type) {
        return new CheckSpec(id, "d", "h", Duration.ofSeconds(10), Duration.ofMillis(500), needs, before, List.of(), type);
    }

    @Test
    void a_named_trace_passes_when_zipkin_has_it_and_it_lasted_long_enough_and_fails_saying_why_otherwise() throws Exception {
        ProcessRuntimeSettings settings = ProcessRuntimeSettings.defaults().withDataDirectory(data);
        try (ProcessLabRuntime runtime = new ProcessLabRuntime(settings, new SimpleMeterRegistry());
             LabSession session = runtime.start(new LabDefinitionLoader().load(TestLabs.zipkinBasics()), LabProgressListener.NONE)) {
            Files.writeString(session.workspace().resolve("answer.yaml"), "# the slow one\ntrace: " + SLOW + "\ncause: x\n");
            CheckSpec answer = check("answer", List.of(),
                    List.of(new HttpAction("POST", "${url:zipkin}/api/v2/spans", spans(), 202)),
                    new CheckType.FileContains("answer.yaml", "trace:\\s*(?<traceId>[0-9a-f]{32})"));
            CheckSpec named = check("named", List.of("answer"), List.of(),
                    new CheckType.TraceDuration("zipkin", "${traceId}", Duration.ofMillis(500)));
            CheckSpec fast = check("fast", List.of("answer"), List.of(),
                    new CheckType.TraceDuration("zipkin", FAST, Duration.ofMillis(500)));
            CheckSpec unknown = check("unknown", List.of("answer"), List.of(),
                    new CheckType.TraceDuration("zipkin", "0123456789abcdef0123456789abcdef", Duration.ofMillis(500)));
            CheckSpec notAnId = check("not-an-id", List.of(), List.of(),
                    new CheckType.TraceDuration("zipkin", "../../api/v2/services", Duration.ofMillis(500)));

            CheckReport report = new CheckEngine(new SimpleMeterRegistry())
                    .run(session, List.of(answer, named, fast, unknown, notAnId), r -> { });

            CheckResult captured = report.results().get(0);
            assertThat(captured.status()).as(captured.observed()).isEqualTo(CheckStatus.PASS);
            assertThat(captured.captured()).containsEntry("traceId", SLOW);
            CheckResult slow = report.results().get(1);
            assertThat(slow.status()).as(slow.observed()).isEqualTo(CheckStatus.PASS);
            assertThat(slow.observed()).isEqualTo("trace " + SLOW + " (`post /api/checkout` of frontend) took 800 ms");
            CheckResult quick = report.results().get(2);
            assertThat(quick.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(quick.observed()).startsWith("trace " + FAST + " (`post /api/checkout` of frontend) took 3 ms");
            assertThat(quick.expected()).isEqualTo("trace " + FAST + " in Zipkin, lasting at least 500 ms");
            assertThat(report.results().get(3).status()).isEqualTo(CheckStatus.FAIL);
            assertThat(report.results().get(3).observed()).startsWith("Zipkin has no trace 0123456789abcdef0123456789abcdef");
            assertThat(report.results().get(4).status()).isEqualTo(CheckStatus.FAIL);
            assertThat(report.results().get(4).observed()).startsWith("'../../api/v2/services' is not a trace id");
        }
    }
}
