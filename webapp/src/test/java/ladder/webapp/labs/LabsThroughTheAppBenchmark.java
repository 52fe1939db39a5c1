package ladder.webapp.labs;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.catalog.LabFolder;
import ladder.labs.check.CheckEngine;
import ladder.labs.check.CheckReport;
import ladder.labs.runtime.LabProgressListener;
import ladder.labs.runtime.LabSession;
import ladder.labs.runtime.ProcessLabRuntime;
import ladder.labs.runtime.ProcessRuntimeSettings;
import ladder.webapp.LadderApplication;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.support.Http;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark, not a test (run with {@code ./ladder bench}): a lab through the app's REST API (start, poll
 * until ready, put the solution's files, apply, checks, stop) against the same lab through the engine as
 * {@code ladder-labs.jar run --solution} drives it, in the same JVM and the same run, rounds alternating.
 * Prints time to ready and to every check passed, with the ratios, and writes them to
 * {@code target/bench/labs-through-the-app.md}. System properties: {@code bench.rounds} (3),
 * {@code bench.labs} (metrics,host-metrics).
 */
public final class LabsThroughTheAppBenchmark {

    static final String PASSWORD = "a-long-enough-password";

    private LabsThroughTheAppBenchmark() {
    }

    record Run(long readyMs, long passedMs) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<String> labIds = Arrays.stream(System.getProperty("bench.labs", "metrics,host-metrics").split(","))
                .map(String::strip).filter(id -> !id.isEmpty()).toList();
        Path catalog = Path.of("../labs/catalog").toAbsolutePath().normalize();
        Path data = Path.of("target/bench/labs-app-data").toAbsolutePath();
        Files.createDirectories(data);
        ConfigurableApplicationContext app = new SpringApplication(LadderApplication.class).run(
                "--server.port=0", "--ladder.data-dir=" + data,
                "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1",
                "--ladder.accounts.admin-password=Bench-admin-password-1", "--vaadin.productionMode=true",
                "--ladder.labs.catalog=" + catalog, "--logging.level.root=warn");
        StringBuilder table = new StringBuilder();
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0"));
            app.getBean(AccountService.class).create(new NewAccount("bench", "Bench", "@bench",
                    EnumSet.of(Role.LEARNER), PASSWORD));
            Http http = Http.to(port).as("bench", PASSWORD);
            ProcessRuntimeSettings settings = ProcessRuntimeSettings.defaults().withDataDirectory(data.resolve("engine"));
            table.append("| lab | runs | engine: start → ready | app API: start → ready | ratio | engine: start → every check passed "
                    + "| app API: start → every check passed | ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (String labId : labIds) {
                LabFolder lab = new LabDefinitionLoader().load(catalog.resolve(labId));
                List<Run> engine = new ArrayList<>();
                List<Run> api = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    if (round % 2 == 1) {
                        engine.add(engine(settings, lab));
                        api.add(api(http, lab));
                    } else {
                        api.add(api(http, lab));
                        engine.add(engine(settings, lab));
                    }
                }
                double engineReady = median(engine.stream().mapToLong(Run::readyMs).toArray());
                double apiReady = median(api.stream().mapToLong(Run::readyMs).toArray());
                double enginePassed = median(engine.stream().mapToLong(Run::passedMs).toArray());
                double apiPassed = median(api.stream().mapToLong(Run::passedMs).toArray());
                table.append(String.format(Locale.ROOT, "| %s | %d + %d | %.0f ms | %.0f ms | %.2f× | %.0f ms | %.0f ms | %.2f× |%n",
                        labId, rounds, rounds, engineReady, apiReady, apiReady / engineReady, enginePassed, apiPassed,
                        apiPassed / enginePassed));
            }
        } finally {
            app.close();
        }
        System.out.println();
        System.out.println(table);
        Path out = Path.of("target/bench/labs-through-the-app.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
    }

    /** What {@code ladder-labs.jar run <lab> --solution} does: start, apply the solution, every check, stop. */
    static Run engine(ProcessRuntimeSettings settings, LabFolder lab) {
        long t0 = System.nanoTime();
        try (ProcessLabRuntime runtime = new ProcessLabRuntime(settings, new SimpleMeterRegistry());
                LabSession session = runtime.start(lab, LabProgressListener.NONE)) {
            long ready = System.nanoTime();
            if (!session.apply(lab.solution()).applied()) {
                throw new IllegalStateException(lab.definition().id() + ": the solution did not apply");
            }
            CheckReport report = new CheckEngine(new SimpleMeterRegistry()).run(session);
            if (!report.allPassed()) {
                throw new IllegalStateException(lab.definition().id() + ": the solution did not pass: " + report.results());
            }
            return new Run(ms(ready - t0), ms(System.nanoTime() - t0));
        }
    }

    /** The same through the app: POST a session, poll it every 50 ms, PUT the solution's files, apply, checks, DELETE. */
    static Run api(Http http, LabFolder lab) throws Exception {
        String id = lab.definition().id();
        long t0 = System.nanoTime();
        HttpResponse<String> started = http.post("/api/labs/" + id + "/sessions", "application/json", "");
        if (started.statusCode() != 202) {
            throw new IllegalStateException(id + ": " + started.statusCode() + " " + started.body());
        }
        String session = started.body().replaceAll("(?s).*\"sessionId\":\"([^\"]+)\".*", "$1");
        try {
            String state;
            do {
                Thread.sleep(50);
                // the session's own state, not one of its components'
                state = http.get("/api/labs/sessions/" + session).body()
                        .replaceAll("(?s).*\"owner\":\"[^\"]*\",\"state\":\"([a-z]+)\".*", "$1");
                if (state.equals("failed")) {
                    throw new IllegalStateException(id + ": failed to start");
                }
            } while (!state.equals("ready"));
            long ready = System.nanoTime();
            try (var files = Files.walk(lab.solution())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String relative = lab.solution().relativize(file).toString().replace('\\', '/');
                    HttpResponse<String> put = http.put("/api/labs/sessions/" + session + "/files/" + relative, "text/plain",
                            Files.readString(file));
                    if (put.statusCode() != 204) {
                        throw new IllegalStateException(id + ": PUT " + relative + ": " + put.statusCode() + " " + put.body());
                    }
                }
            }
            if (!http.postJson("/api/labs/sessions/" + session + "/apply", "").body().contains("\"applied\":true")) {
                throw new IllegalStateException(id + ": the solution did not apply through the API");
            }
            String checks = http.postJson("/api/labs/sessions/" + session + "/checks", "").body();
            if (!checks.contains("\"passed\":true")) {
                throw new IllegalStateException(id + ": the solution did not pass through the API: " + checks);
            }
            return new Run(ms(ready - t0), ms(System.nanoTime() - t0));
        } finally {
            http.delete("/api/labs/sessions/" + session);
        }
    }

    static long ms(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
