package ladder.labs.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ladder.labs.catalog.LabCatalog;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.catalog.LabFolder;
import ladder.labs.catalog.LabTestCase;
import ladder.labs.check.SessionAnswers;
import ladder.labs.check.LabCaseRunner;
import ladder.labs.check.CheckEngine;
import ladder.labs.check.CheckReport;
import ladder.labs.runtime.ApplyResult;
import ladder.labs.runtime.DockerLabRuntime;
import ladder.labs.runtime.DockerRuntimeSettings;
import ladder.labs.runtime.LabRuntime;
import ladder.labs.runtime.LabRuntimes;
import ladder.labs.runtime.LabProgress;
import ladder.labs.runtime.LabSession;
import ladder.labs.runtime.LabStartException;
import ladder.labs.runtime.ProcessLabRuntime;
import ladder.labs.runtime.ProcessRuntimeSettings;
import ladder.model.lab.CheckResult;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.LabDefinition;
import ladder.model.lab.InvalidLabException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar ladder-labs.jar list|validate|run ...}: the lab author's tool, and what the tests use.
 * Exit codes: 0 every check passed (or the lab is valid), 1 a check did not pass, 2 usage or validation error.
 */
public final class LabsCli {

    static final int OK = 0;
    static final int CHECK_FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: java -jar ladder-labs.jar <command>
              list [--catalog DIR]                         the labs of a catalog (default labs/catalog), and which runtime can run them here
              validate LAB_DIR...                          check lab folders (lab.yaml, instructions, files, solution)
              run LAB_DIR [--solution] [--answers] [--runtime auto|docker|process] [--json] [--keep]
                                                           start the lab, apply the solution if asked, run every check, stop;
                                                           --answers shows the answer of each check that did not pass
              run LAB_DIR --cases [--case NAME]... [--runtime auto|docker|process]
                                                           start the lab and run its tests/ cases (other solutions, mistakes)
                                                           one after the other: each must be judged as its case.yaml says
            environment: LADDER_DATA_DIR (sessions go to $LADDER_DATA_DIR/labs/, default ./data),
                         LADDER_LABS_RUNTIME (auto: docker when an engine answers, else process)
            exit codes: 0 all passed / valid, 1 a check did not pass, 2 usage or validation error""";

    private final PrintStream out;
    private final PrintStream err;
    private final ProcessRuntimeSettings settings;
    private final LabRuntimes.Choice defaultRuntime;

    LabsCli(PrintStream out, PrintStream err, ProcessRuntimeSettings settings) {
        this(out, err, settings, LabRuntimes.Choice.PROCESS);
    }

    LabsCli(PrintStream out, PrintStream err, ProcessRuntimeSettings settings, LabRuntimes.Choice defaultRuntime) {
        this.out = out;
        this.err = err;
        this.settings = settings;
        this.defaultRuntime = defaultRuntime;
    }

    public static void main(String[] args) {
        // the CLI prints what it has to say itself: the libraries' logging (Testcontainers') stays off, as it was
        // before Logback came onto the class path for the sample service's log
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
        }
        LabRuntimes.Choice choice;
        try {
            choice = LabRuntimes.Choice.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("LADDER_LABS_RUNTIME: " + e.getMessage());
            System.exit(USAGE);
            return;
        }
        int code = new LabsCli(System.out, System.err, ProcessRuntimeSettings.defaults(), choice).execute(args);
        System.out.flush();
        System.exit(code);
    }

    int execute(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        try {
            return switch (args[0]) {
                case "list" -> list(rest);
                case "validate" -> validate(rest);
                case "run" -> run(rest);
                default -> usage("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        }
    }

    private int usage(String problem) {
        err.println(problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }

    private int list(List<String> args) {
        Path catalogDir = Path.of(option(args, "--catalog", "labs/catalog"));
        rejectLeftovers(args);
        List<LabCatalog.Entry> entries;
        try {
            entries = new LabCatalog(catalogDir, new LabDefinitionLoader()).entries();
        } catch (IOException e) {
            err.println("cannot read the catalog " + catalogDir + ": " + e.getMessage());
            return USAGE;
        }
        if (entries.isEmpty()) {
            out.println("no labs in " + catalogDir.toAbsolutePath());
            return OK;
        }
        Optional<String> noDocker = DockerLabRuntime.unavailableReason();
        try (ProcessLabRuntime process = new ProcessLabRuntime(settings, new SimpleMeterRegistry());
             DockerLabRuntime docker = noDocker.isEmpty()
                     ? new DockerLabRuntime(DockerRuntimeSettings.from(settings), new SimpleMeterRegistry()) : null) {
            String row = "%-28s %-8s %-7s %-24s %s%n";
            out.printf(Locale.ROOT, row, "LAB", "PROCESS", "DOCKER", "TOPICS", "TITLE");
            for (LabCatalog.Entry entry : entries) {
                if (entry.lab() == null) {
                    out.printf(Locale.ROOT, row, entry.directory().getFileName(), "INVALID", "INVALID", "-",
                            "run: validate " + entry.directory());
                    continue;
                }
                LabDefinition lab = entry.lab().definition();
                List<String> processMissing = process.missingComponents(lab);
                List<String> dockerProblems = docker == null ? List.of() : lab.components().stream()
                        .map(ComponentSpec::kind).distinct()
                        .flatMap(kind -> docker.whyNot(kind).map(why -> kind.yamlName() + " (" + why + ")").stream())
                        .toList();
                boolean onDocker = docker != null && dockerProblems.isEmpty();
                out.printf(Locale.ROOT, row, lab.id(), processMissing.isEmpty() ? "yes" : "no", onDocker ? "yes" : "no",
                        String.join(",", lab.topics()), lab.title());
                if (!processMissing.isEmpty()) {
                    out.println("    process cannot start " + String.join("; ", process.whyNotRunnable(lab)));
                }
                if (!dockerProblems.isEmpty()) {
                    out.println("    docker cannot start " + String.join(", ", dockerProblems));
                }
            }
            if (docker == null) {
                out.println("docker: " + noDocker.get());
            }
        }
        return OK;
    }

    private int validate(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("validate needs at least one lab folder");
        }
        int code = OK;
        for (String dir : args) {
            try {
                LabFolder lab = new LabDefinitionLoader().load(Path.of(dir));
                long correct = lab.testCases().stream().filter(LabTestCase::passes).count();
                out.println(dir + ": valid (" + lab.definition().components().size() + " components, "
                        + lab.definition().checks().size() + " checks, test cases: " + correct + " correct, "
                        + (lab.testCases().size() - correct) + " mistakes)");
            } catch (InvalidLabException e) {
                err.println(dir + ": " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s"));
                e.problems().forEach(problem -> err.println("  " + problem));
                code = USAGE;
            }
        }
        return code;
    }

    private int run(List<String> args) {
        boolean solution = args.remove("--solution");
        boolean json = args.remove("--json");
        boolean keep = args.remove("--keep");
        boolean cases = args.remove("--cases");
        boolean answers = args.remove("--answers");
        List<String> only = new ArrayList<>();
        for (String name = option(args, "--case", null); name != null; name = option(args, "--case", null)) {
            only.add(name);
        }
        if (!only.isEmpty() && !cases) {
            throw new UsageException("--case needs --cases");
        }
        if (cases && (solution || json || answers)) {
            throw new UsageException("--cases runs the lab's own cases: it takes neither --solution nor --json nor --answers");
        }
        LabRuntimes.Choice choice;
        try {
            choice = LabRuntimes.Choice.parse(option(args, "--runtime", defaultRuntime.name()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (args.size() != 1 || args.getFirst().startsWith("--")) {
            throw new UsageException(args.isEmpty() ? "run needs a lab folder" : "unexpected arguments " + args);
        }
        if (choice == LabRuntimes.Choice.DOCKER && DockerLabRuntime.unavailableReason().isPresent()) {
            err.println("the docker runtime is not available here: " + DockerLabRuntime.unavailableReason().get());
            return USAGE;
        }
        LabFolder lab;
        try {
            lab = new LabDefinitionLoader().load(Path.of(args.getFirst()));
        } catch (InvalidLabException e) {
            err.println(args.getFirst() + " is not a valid lab:");
            e.problems().forEach(problem -> err.println("  " + problem));
            return USAGE;
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Instant begun = Instant.now();
        try (LabRuntime runtime = LabRuntimes.open(choice, settings.withKeepSessionFolders(keep),
                DockerRuntimeSettings.from(settings), registry)) {
            (runtime instanceof DockerLabRuntime docker ? docker.sweptLeftovers() : ((ProcessLabRuntime) runtime).sweptLeftovers())
                    .forEach(line -> err.println("cleanup: " + line));
            err.println("runtime: " + runtime.name() + (runtime instanceof DockerLabRuntime docker ? " (engine " + docker.engine() + ", lab host " + docker.labHost() + ")" : ""));
            List<String> missing = runtime.missingComponents(lab.definition());
            if (!missing.isEmpty()) {
                err.println("lab " + lab.definition().id() + " cannot run here: the " + runtime.name() + " runtime cannot start "
                        + String.join(", ", missing));
                return USAGE;
            }
            LabSession session;
            try {
                session = runtime.start(lab, progress -> err.println(describe(progress)));
            } catch (LabStartException e) {
                err.println("the lab did not start: " + e.getMessage());
                return CHECK_FAILED;
            }
            Duration startToReady = Duration.between(begun, Instant.now());
            try (session) {
                if (cases) {
                    return runCases(lab, session, only, registry);
                }
                ApplyResult applied = null;
                Duration applyTime = Duration.ZERO;
                if (solution) {
                    Instant applyBegun = Instant.now();
                    applied = SessionAnswers.applySolution(session, lab);
                    applyTime = Duration.between(applyBegun, Instant.now());
                    err.println("solution: " + applied.message());
                }
                CheckReport report = new CheckEngine(registry).run(session,
                        answers ? CheckEngine.Answers.SHOWN : CheckEngine.Answers.HIDDEN, result -> { });
                if (keep) {
                    err.println("session folder kept: " + session.workspace().getParent());
                }
                if (json) {
                    printJson(lab, runtime.name(), solution, applied, session, startToReady, applyTime, report,
                            Duration.between(begun, Instant.now()));
                } else {
                    printTable(report);
                }
                return report.allPassed() ? OK : CHECK_FAILED;
            }
        }
    }

    private int runCases(LabFolder lab, LabSession session, List<String> only, SimpleMeterRegistry registry) {
        List<LabTestCase> chosen = lab.testCases().stream()
                .filter(testCase -> only.isEmpty() || only.contains(testCase.name())).toList();
        List<String> unknown = only.stream()
                .filter(name -> lab.testCases().stream().noneMatch(testCase -> testCase.name().equals(name))).toList();
        if (!unknown.isEmpty()) {
            err.println("no such case in " + lab.directory().resolve(LabFolder.TESTS_DIR) + ": " + String.join(", ", unknown));
            return USAGE;
        }
        if (chosen.isEmpty()) {
            err.println("lab " + lab.definition().id() + " has no test cases (" + LabFolder.TESTS_DIR + "/<case>/case.yaml)");
            return USAGE;
        }
        LabCaseRunner runner = new LabCaseRunner(new CheckEngine(registry));
        int asExpected = 0;
        for (LabTestCase testCase : chosen) {
            LabCaseRunner.CaseResult result = runner.run(session, lab, testCase);
            out.printf(Locale.ROOT, "%-11s %-32s %s, %s (%d ms)%n", result.asExpected() ? "AS-EXPECTED" : "WRONG",
                    testCase.name(), testCase.passes() ? "passes" : "fails " + String.join(", ", testCase.fails()),
                    testCase.description(), result.duration().toMillis());
            result.problems().forEach(problem -> out.println("        " + indent(problem)));
            if (!result.asExpected()) {
                printTable(result.report());
            }
            asExpected += result.asExpected() ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%d of %d cases judged as expected%n", asExpected, chosen.size());
        return asExpected == chosen.size() ? OK : CHECK_FAILED;
    }

    private static String describe(LabProgress progress) {
        return String.format(Locale.ROOT, "[%6d ms] %s", progress.elapsed().toMillis(), progress.message());
    }

    private void printTable(CheckReport report) {
        int width = report.results().stream().mapToInt(result -> result.checkId().length()).max().orElse(10);
        for (CheckResult result : report.results()) {
            out.printf(Locale.ROOT, "%-7s %-" + width + "s  %s (%d ms)%n", result.status(), result.checkId(),
                    result.description(), result.duration().toMillis());
            if (!result.passed()) {
                out.println("        saw:      " + indent(result.observed()));
                out.println("        expected: " + indent(result.expected()));
                out.println("        hint:     " + indent(result.hint()));
                if (result.answer() != null) {
                    out.println("        answer:   " + indent(result.answer().strip()));
                }
            }
        }
        long passed = report.results().stream().filter(CheckResult::passed).count();
        out.printf(Locale.ROOT, "%d of %d checks passed in %d ms%n", passed, report.results().size(), report.total().toMillis());
    }

    private static String indent(String text) {
        return text.replace("\n", "\n                  ");
    }

    private void printJson(LabFolder lab, String runtimeName, boolean solution, ApplyResult applied, LabSession session, Duration startToReady,
            Duration applyTime, CheckReport report, Duration total) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("lab", lab.definition().id());
        document.put("runtime", runtimeName);
        document.put("solution", solution);
        document.put("passed", report.allPassed());
        if (applied != null) {
            document.put("solutionApplied", applied.applied());
            document.put("solutionMessage", applied.message());
        }
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("startToReadyMs", startToReady.toMillis());
        Map<String, Long> components = new LinkedHashMap<>();
        session.readyTimes().forEach((name, took) -> components.put(name, took.toMillis()));
        timings.put("componentsReadyMs", components);
        timings.put("applySolutionMs", applyTime.toMillis());
        timings.put("checksTotalMs", report.total().toMillis());
        timings.put("totalMs", total.toMillis());
        document.put("timings", timings);
        List<Map<String, Object>> results = new ArrayList<>();
        for (CheckResult result : report.results()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", result.checkId());
            item.put("type", result.type());
            item.put("description", result.description());
            item.put("status", result.status().name());
            item.put("observed", result.observed());
            item.put("expected", result.expected());
            item.put("hint", result.hint());
            if (result.answer() != null) {
                item.put("answer", result.answer());
            }
            item.put("durationMs", result.duration().toMillis());
            item.put("attempts", result.attempts());
            results.add(item);
        }
        document.put("results", results);
        ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        out.println(mapper.writeValueAsString(document));
    }

    private static @org.jspecify.annotations.Nullable String option(List<String> args, String name, @org.jspecify.annotations.Nullable String fallback) {
        int index = args.indexOf(name);
        if (index < 0) {
            for (String arg : List.copyOf(args)) {
                if (arg.startsWith(name + "=")) {
                    args.remove(arg);
                    return arg.substring(name.length() + 1);
                }
            }
            return fallback;
        }
        if (index + 1 >= args.size()) {
            throw new UsageException(name + " needs a value");
        }
        String value = args.get(index + 1);
        args.remove(index + 1);
        args.remove(index);
        return value;
    }

    private static void rejectLeftovers(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("unexpected arguments " + args);
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
