package ladder.labs.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ladder.labs.catalog.LabCatalog;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.catalog.LabFolder;
import ladder.labs.check.SessionAnswers;
import ladder.labs.check.CheckEngine;
import ladder.labs.check.CheckReport;
import ladder.labs.runtime.ApplyResult;
import ladder.labs.runtime.DockerLabRuntime;
import ladder.labs.runtime.DockerRuntimeSettings;
import ladder.labs.runtime.LabRuntime;
import ladder.labs.runtime.LabSession;
import ladder.labs.runtime.ProcessLabRuntime;
import ladder.labs.runtime.ProcessRuntimeSettings;
import ladder.model.lab.CheckResult;
import org.jspecify.annotations.Nullable;

/**
 * For each lab of the catalog, N rounds in alternating order: the lab through the engine (start,
 * apply the solution, every check, stop, as {@code ladder-labs.jar run --solution} does) and the same
 * processes started and verified by hand ({@link HandStack}, {@link HandChecks}). Prints a Markdown
 * table and writes it to {@code bench.output}.
 *
 * <p>Where a Docker engine answers, each lab also runs through the engine on the Docker runtime (mode
 * {@code docker}, against the process runtime in the same round); {@code bench.docker=false} leaves it out.
 *
 * <p>System properties: {@code bench.rounds} (3), {@code bench.labs} (comma-separated lab ids, default
 * all), {@code bench.catalog} (labs/catalog), {@code bench.output} (labs/target/bench/labs.md),
 * {@code bench.data} (labs/target/bench/data), {@code bench.hand.pollMs} (50: the by-hand polling interval).
 */
public final class LabsBenchmark {

    /** The engine on the process runtime, the same processes by hand, the engine on the Docker runtime. */
    enum Mode { ENGINE, HAND, DOCKER }

    /** One run of one lab; {@code problem} is null when every check (or by-hand step) passed. */
    record Run(Mode mode, int round, long startToReadyMs, Map<String, Long> readyMs, long applyMs, long checksMs,
               long totalMs, Map<String, Long> stepMs, Map<String, Integer> attempts, @Nullable String problem) {
        boolean passed() {
            return problem == null;
        }
    }

    private final ProcessRuntimeSettings settings;
    private final Path handDirectory;
    private final Duration handPoll;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    LabsBenchmark(ProcessRuntimeSettings settings, Path handDirectory, Duration handPoll) {
        this.settings = settings;
        this.handDirectory = handDirectory;
        this.handPoll = handPoll;
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 3);
        String only = System.getProperty("bench.labs", "").strip();
        Path catalog = Path.of(System.getProperty("bench.catalog", firstExisting("labs/catalog", "catalog")));
        Path output = Path.of(System.getProperty("bench.output", "labs/target/bench/labs.md")).toAbsolutePath();
        Path data = Path.of(System.getProperty("bench.data", output.getParent().resolve("data").toString())).toAbsolutePath();
        Duration handPoll = Duration.ofMillis(Long.getLong("bench.hand.pollMs", 50));
        ProcessRuntimeSettings settings = ProcessRuntimeSettings.defaults().withDataDirectory(data);
        LabsBenchmark benchmark = new LabsBenchmark(settings, data.resolve("hand"), handPoll);

        String loadBefore = loadAverage();
        Instant begun = Instant.now();
        List<String> notes = new ArrayList<>();
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        boolean withDocker = Boolean.parseBoolean(System.getProperty("bench.docker", "true"));
        java.util.Optional<String> noDocker = withDocker ? DockerLabRuntime.unavailableReason() : java.util.Optional.of("bench.docker=false");
        noDocker.ifPresent(why -> notes.add(say("no docker figures: " + why)));
        try (ProcessLabRuntime runtime = new ProcessLabRuntime(settings, benchmark.registry);
             DockerLabRuntime docker = noDocker.isEmpty()
                     ? new DockerLabRuntime(DockerRuntimeSettings.from(settings), benchmark.registry) : null) {
            runtime.sweptLeftovers().forEach(line -> System.out.println("cleanup: " + line));
            List<LabFolder> labs = new ArrayList<>();
            for (LabCatalog.Entry entry : new LabCatalog(catalog, new LabDefinitionLoader()).entries()) {
                String name = entry.directory().getFileName().toString();
                if (!only.isEmpty() && !List.of(only.split("\\s*,\\s*")).contains(name)) {
                    continue;
                }
                if (entry.lab() == null) {
                    notes.add(say("skipped " + name + ": lab.yaml is not valid (" + entry.problem() + ")"));
                    continue;
                }
                List<String> missing = runtime.missingComponents(entry.lab().definition());
                if (!missing.isEmpty()) {
                    notes.add(say("skipped " + name + ": the process runtime cannot start " + String.join(", ", missing) + " here"));
                    continue;
                }
                if (!HandChecks.SCRIPTS.containsKey(name)) {
                    notes.add(say(name + ": no by-hand script in HandChecks, engine figures only"));
                }
                labs.add(entry.lab());
                runs.put(name, new ArrayList<>());
            }
            if (docker != null) {
                for (LabFolder lab : labs) {
                    if (docker.missingComponents(lab.definition()).isEmpty()) {
                        docker.prepareImages(lab.definition(), progress -> System.out.println("images: " + progress.message()));
                    }
                }
            }
            for (int round = 1; round <= rounds; round++) {
                for (LabFolder lab : labs) {
                    String id = lab.definition().id();
                    boolean engineFirst = round % 2 == 1;
                    for (Mode mode : engineFirst ? List.of(Mode.ENGINE, Mode.DOCKER, Mode.HAND) : List.of(Mode.HAND, Mode.DOCKER, Mode.ENGINE)) {
                        if (mode == Mode.HAND && !HandChecks.SCRIPTS.containsKey(id)) {
                            continue;
                        }
                        if (mode == Mode.DOCKER && (docker == null || !docker.missingComponents(lab.definition()).isEmpty())) {
                            continue;
                        }
                        Run run = switch (mode) {
                            case ENGINE -> benchmark.engine(runtime, Mode.ENGINE, lab, round);
                            case DOCKER -> benchmark.engine(java.util.Objects.requireNonNull(docker), Mode.DOCKER, lab, round);
                            case HAND -> benchmark.hand(lab, round);
                        };
                        runs.get(id).add(run);
                        say(String.format(Locale.ROOT, "round %d/%d %-13s %-6s ready %6d ms, checks %6d ms, total %6d ms%s",
                                round, rounds, id, mode.name().toLowerCase(Locale.ROOT), run.startToReadyMs(), run.checksMs(),
                                run.totalMs(), run.passed() ? "" : "  FAILED: " + run.problem()));
                        String leftover = stopLeftovers();
                        if (leftover != null) {
                            notes.add(say("after " + id + " " + mode + " round " + round + ": " + leftover));
                        }
                    }
                }
            }
        }
        String report = BenchReport.markdown(runs, notes, rounds, handPoll, loadBefore, loadAverage(),
                Duration.between(begun, Instant.now()), DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(begun.atOffset(ZoneOffset.UTC).withNano(0)));
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("written to " + output);
        System.exit(everyModeMeasured(runs) ? 0 : 1);
    }

    /** True when every lab has, in each mode it ran in, at least one run that passed. */
    static boolean everyModeMeasured(Map<String, List<Run>> runs) {
        return runs.values().stream().allMatch(list -> list.stream()
                .map(Run::mode).distinct()
                .allMatch(mode -> list.stream().anyMatch(run -> run.mode() == mode && run.passed())));
    }

    /** What {@code ladder-labs.jar run LAB --solution --json} measures, through the same API. */
    Run engine(LabRuntime runtime, Mode mode, LabFolder lab, int round) {
        Instant begun = Instant.now();
        LabSession session;
        try {
            session = runtime.start(lab, progress -> { });
        } catch (RuntimeException e) {
            return new Run(mode, round, ms(begun), Map.of(), 0, 0, ms(begun), Map.of(), Map.of(), "did not start: " + e.getMessage());
        }
        long startToReady = ms(begun);
        try (session) {
            Instant applyBegun = Instant.now();
            ApplyResult applied = SessionAnswers.applySolution(session, lab);
            long apply = ms(applyBegun);
            CheckReport report = new CheckEngine(registry).run(session);
            String problem = !applied.applied() ? "solution not applied: " + applied.message()
                    : report.allPassed() ? null
                    : "not passed: " + String.join(", ", report.results().stream().filter(r -> !r.passed()).map(CheckResult::checkId).toList());
            Map<String, Long> checks = new LinkedHashMap<>();
            Map<String, Integer> attempts = new LinkedHashMap<>();
            for (CheckResult result : report.results()) {
                checks.put(result.checkId() + " (" + result.type() + ")", result.duration().toMillis());
                attempts.put(result.checkId() + " (" + result.type() + ")", result.attempts());
            }
            return new Run(mode, round, startToReady, millis(session.readyTimes()), apply, report.total().toMillis(),
                    ms(begun), checks, attempts, problem);
        } catch (RuntimeException e) {
            return new Run(mode, round, startToReady, millis(session.readyTimes()), 0, 0, ms(begun), Map.of(), Map.of(),
                    "the engine failed: " + e);
        }
    }

    /** The same processes, started and verified by hand. */
    Run hand(LabFolder lab, int round) {
        Path directory = handDirectory.resolve(lab.definition().id() + "-" + round);
        HandStack.deleteTree(directory);
        Instant begun = Instant.now();
        long startToReady = 0;
        Map<String, Long> ready = Map.of();
        HandChecks checks = new HandChecks(settings, handPoll);
        try (HandStack stack = new HandStack(lab, settings, directory, handPoll)) {
            try {
                stack.start(settings.readyTimeout());
                startToReady = ms(begun);
                ready = millis(stack.readyTimes());
                Instant checksBegun = Instant.now();
                HandChecks.SCRIPTS.get(lab.definition().id()).run(checks, stack);
                return new Run(Mode.HAND, round, startToReady, ready, 0, ms(checksBegun), ms(begun), checks.steps(), Map.of(), null);
            } catch (IOException | RuntimeException e) {
                return new Run(Mode.HAND, round, startToReady, ready, 0, 0, ms(begun), checks.steps(), Map.of(), String.valueOf(e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Run(Mode.HAND, round, startToReady, ready, 0, 0, ms(begun), checks.steps(), Map.of(), "interrupted");
            }
        }
    }

    /** Stops any process this JVM still has (there should be none between runs) and says which. */
    private static @Nullable String stopLeftovers() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        if (left.isEmpty()) {
            return null;
        }
        String names = String.join(", ", left.stream()
                .map(handle -> handle.pid() + " " + handle.info().command().orElse("?")).toList());
        left.forEach(ProcessHandle::destroyForcibly);
        return "processes left behind and killed: " + names;
    }

    private static Map<String, Long> millis(Map<String, Duration> durations) {
        Map<String, Long> millis = new LinkedHashMap<>();
        durations.forEach((name, took) -> millis.put(name, took.toMillis()));
        return millis;
    }

    private static long ms(Instant since) {
        return Duration.between(since, Instant.now()).toMillis();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String firstExisting(String... candidates) {
        for (String candidate : candidates) {
            if (Files.isDirectory(Path.of(candidate))) {
                return candidate;
            }
        }
        return candidates[0];
    }

    private static String say(String line) {
        System.out.println(line);
        System.out.flush();
        return line;
    }
}
