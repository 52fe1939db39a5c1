package ladder.labs.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import ladder.labs.TestLabs;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.catalog.LabFolder;
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

/** The trace check and its captured trace id, against a real Zipkin (the jar Maven fetched). */
class TraceCheckTest {

    private static final String TRACE_ID = "5af7183fb1d4cf5f9b3e2a7c4d1e0f21";

    @TempDir
    Path data;

    private static String spans() {
        long micros = Instant.now().toEpochMilli() * 1000;
        return """
                [{"traceId":"%1$s","id":"6b221d5bc9e6496c","name":"post /api/checkout","timestamp":%2$d,"duration":3000,
                  "kind":"SERVER","localEndpoint":{"serviceName":"frontend"}},
                 {"traceId":"%1$s","parentId":"6b221d5bc9e6496c","id":"352bff9a74ca9ad2","name":"post /api/payments",
                  "timestamp":%3$d,"duration":1000,"kind":"SERVER","localEndpoint":{"serviceName":"backend"}}]
                """.formatted(TRACE_ID, micros, micros + 500);
    }

    @Test
    void a_trace_spanning_both_services_passes_and_its_id_is_available_to_the_checks_that_need_it() throws IOException {
        ProcessRuntimeSettings settings = ProcessRuntimeSettings.defaults().withDataDirectory(data);
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.zipkinBasics());
        try (ProcessLabRuntime runtime = new ProcessLabRuntime(settings, new SimpleMeterRegistry())) {
            assertThat(settings.zipkinJar()).as("Zipkin's jar, fetched by the build into labs/target/components").isNotNull();
            LabSession session = runtime.start(lab, LabProgressListener.NONE);
            CheckSpec trace = new CheckSpec("both", "d", "h", Duration.ofSeconds(20), Duration.ofMillis(500), List.of(),
                    List.of(new HttpAction("POST", "${url:zipkin}/api/v2/spans", spans(), 202)), List.of(),
                    new CheckType.TracePresent("zipkin", List.of("frontend", "backend"), Duration.ofMinutes(15)));
            CheckSpec byId = new CheckSpec("by-id", "d", "h", Duration.ofSeconds(10), null, List.of("both"), List.of(), List.of(),
                    new CheckType.HttpProbe("GET", "${url:zipkin}/api/v2/trace/${traceId}", null, 200, "\"backend\""));
            CheckSpec third = new CheckSpec("three", "d", "h", Duration.ofSeconds(1), null, List.of("both"), List.of(), List.of(),
                    new CheckType.TracePresent("zipkin", List.of("frontend", "backend", "stock"), Duration.ofMinutes(15)));

            CheckReport report = new CheckEngine(new SimpleMeterRegistry()).run(session, List.of(trace, byId, third), r -> { });

            CheckResult both = report.results().get(0);
            assertThat(both.status()).as(both.observed()).isEqualTo(CheckStatus.PASS);
            assertThat(both.captured()).containsEntry("traceId", TRACE_ID);
            assertThat(both.observed()).isEqualTo("trace " + TRACE_ID + " has spans of frontend, backend");
            assertThat(report.results().get(1).status()).as(report.results().get(1).observed()).isEqualTo(CheckStatus.PASS);
            assertThat(report.results().get(1).expected()).contains("/api/v2/trace/" + TRACE_ID);
            CheckResult missing = report.results().get(2);
            assertThat(missing.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(missing.observed()).isEqualTo("1 traces of `frontend`; the widest has spans of frontend, backend");
        }
        try (Stream<Path> cache = Files.list(data.resolve("labs/cache"))) {
            assertThat(cache.map(path -> path.getFileName().toString()).toList())
                    .as("no half-written class data sharing archive is left").noneMatch(name -> name.endsWith(".writing"));
        }
    }
}
