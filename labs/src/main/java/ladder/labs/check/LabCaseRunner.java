package ladder.labs.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ladder.labs.catalog.LabFolder;
import ladder.labs.catalog.LabTestCase;
import ladder.labs.runtime.ApplyResult;
import ladder.labs.runtime.LabSession;
import ladder.model.lab.CheckResult;
import ladder.model.lab.CheckStatus;
import org.jspecify.annotations.Nullable;

/**
 * Runs a lab's {@code tests/} cases one after the other in one session, as a learner would try one solution after
 * another: each case's files are put in place (the starting files, the reference solution if the case builds on
 * it, then the case's own), applied, and every check is run. A case is as expected when a correct one passes
 * every check, and a mistake fails exactly the checks it names (others pass or are skipped), each saying what
 * the case expects it to say. One session for all cases also proves that a verdict does not depend on what the
 * session saw before.
 */
public final class LabCaseRunner {

    /**
     * What one case gave.
     *
     * @param testCase   the case
     * @param asExpected whether the checks judged it as the case says
     * @param problems   how the checks' verdicts differ from the case's expectation (empty when as expected)
     * @param report     the checks' results
     * @param duration   time taken, applying included
     */
    public record CaseResult(LabTestCase testCase, boolean asExpected, List<String> problems, CheckReport report,
                             Duration duration) {
        public CaseResult {
            problems = List.copyOf(problems);
        }
    }

    /** Time between applying a case and checking it. */
    static final Duration SETTLE = Duration.ofSeconds(3);

    private final CheckEngine engine;

    public LabCaseRunner(CheckEngine engine) {
        this.engine = engine;
    }

    /** Runs every case of the lab against the session, telling {@code progress} of each result. */
    public List<CaseResult> run(LabSession session, LabFolder lab, Consumer<CaseResult> progress) {
        List<CaseResult> results = new ArrayList<>();
        for (LabTestCase testCase : lab.testCases()) {
            CaseResult result = run(session, lab, testCase);
            progress.accept(result);
            results.add(result);
        }
        return results;
    }

    /** Runs one case against the session. */
    public CaseResult run(LabSession session, LabFolder lab, LabTestCase testCase) {
        Instant begun = Instant.now();
        Path overlay;
        try {
            overlay = overlay(session, lab, testCase);
        } catch (IllegalStateException e) { // an answer of the session that its answers.yaml could not find
            return new CaseResult(testCase, false, List.of("its answers were not found: " + e.getMessage()),
                    new CheckReport(List.of(), Duration.between(begun, Instant.now())), Duration.between(begun, Instant.now()));
        }
        ApplyResult applied;
        try {
            applied = session.apply(overlay);
        } finally {
            deleteTree(overlay);
        }
        try {
            // as a learner who applies, then clicks Check: Prometheus evaluates the new rules (and marks the old
            // rules' series stale) within an evaluation interval, the sample services re-read services.yml within a
            // second; checks run at once could still see the previous case's series
            Thread.sleep(SETTLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CheckReport report = engine.run(session);
        List<String> problems = judge(testCase, report);
        if (!applied.applied() && testCase.passes()) {
            problems.addFirst("its files were not applied: " + applied.message());
        }
        return new CaseResult(testCase, problems.isEmpty(), problems, report, Duration.between(begun, Instant.now()));
    }

    static List<String> judge(LabTestCase testCase, CheckReport report) {
        List<String> problems = new ArrayList<>();
        for (CheckResult result : report.results()) {
            if (testCase.mayFail().contains(result.checkId())) {
                continue;
            }
            boolean named = testCase.fails().contains(result.checkId());
            boolean failed = result.status() == CheckStatus.FAIL || result.status() == CheckStatus.ERROR;
            if (named && !failed) {
                problems.add("`" + result.checkId() + "` should fail but is " + result.status() + ": " + result.observed());
            } else if (!named && failed) {
                problems.add("`" + result.checkId() + "` should pass but is " + result.status() + ": " + result.observed());
            } else if (!named && result.status() == CheckStatus.SKIPPED && testCase.passes()) {
                problems.add("`" + result.checkId() + "` should pass but is skipped: " + result.observed());
            } else if (named) {
                String says = testCase.says().get(result.checkId());
                if (says != null && !result.observed().contains(says)) {
                    problems.add("`" + result.checkId() + "` fails, but what it saw does not say '" + says + "': " + result.observed());
                }
                if (result.hint().isBlank()) {
                    problems.add("`" + result.checkId() + "` fails without a hint");
                }
            }
        }
        return problems;
    }

    /**
     * The starting files, the solution if the case builds on it, then the case's files, in a temporary folder, with
     * the answers that differ per session filled in ({@link SessionAnswers}).
     */
    private static Path overlay(LabSession session, LabFolder lab, LabTestCase testCase) {
        try {
            Path overlay = Files.createTempDirectory("ladder-case-");
            try {
                copyTree(lab.files(), overlay, null);
                if (testCase.onSolution()) {
                    copyTree(lab.solution(), overlay, null);
                }
                copyTree(testCase.directory(), overlay, testCase.directory().resolve(LabTestCase.CASE_FILE));
                SessionAnswers.fillIn(overlay, session);
                return overlay;
            } catch (IOException | RuntimeException e) {
                deleteTree(overlay);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path source, Path target, @Nullable Path skip) throws IOException {
        if (!Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                if (path.equals(skip)) {
                    continue;
                }
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
