package ladder.labs.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import ladder.labs.check.CheckEngine;
import ladder.labs.check.LabCaseRunner;
import ladder.labs.runtime.LabSession;
import ladder.labs.runtime.ProcessLabRuntime;
import ladder.labs.runtime.ProcessRuntimeSettings;
import ladder.model.lab.CheckResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every catalog lab proves its grading: its {@code tests/} cases (the reference solution, other correct solutions in
 * other styles, and the common mistakes) run one after the other in one real session, and each is judged as its
 * {@code case.yaml} says: correct ones pass every check, each mistake fails exactly the checks it names, saying what
 * it names. Running them in one session also shows that a verdict does not depend on what the session saw before.
 */
@Tag("real-lab")
class CatalogLabCasesRealRunTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}")
    @Execution(ExecutionMode.CONCURRENT) // one session per lab, at once: the cases mostly wait for the components
    @ValueSource(strings = {"metrics", "alerting", "slo", "host-metrics", "tracing", "slow-checkout", "database",
            "synthetic-monitoring"})
    void every_case_of_the_lab_is_judged_as_it_says(String labId) {
        LabFolder lab = new LabDefinitionLoader().load(Path.of("catalog", labId));
        assertThat(lab.testCases().stream().filter(testCase -> testCase.passes()).count())
                .as("correct solutions of %s besides the reference", labId).isGreaterThanOrEqualTo(3);
        assertThat(lab.testCases().stream().filter(testCase -> !testCase.passes()).count())
                .as("mistakes of %s", labId).isGreaterThanOrEqualTo(2);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProcessRuntimeSettings settings = ProcessRuntimeSettings.defaults().withDataDirectory(dataDir);
        try (ProcessLabRuntime runtime = new ProcessLabRuntime(settings, registry);
             LabSession session = runtime.start(lab, progress -> { })) {
            List<LabCaseRunner.CaseResult> results = new LabCaseRunner(new CheckEngine(registry))
                    .run(session, lab, result -> System.out.printf("%s/%s: %s in %d ms%n", labId, result.testCase().name(),
                            result.asExpected() ? "as expected" : "WRONG " + result.problems(), result.duration().toMillis()));

            assertThat(results).as(report(results)).allSatisfy(result -> assertThat(result.asExpected())
                    .as(result.testCase().name() + ": " + result.problems()).isTrue());
        }
    }

    private static String report(List<LabCaseRunner.CaseResult> results) {
        return results.stream().map(result -> result.testCase().name() + (result.asExpected() ? " as expected" : " WRONG: "
                + result.problems() + "\n  " + result.report().results().stream()
                .map(CheckResult::checkId).collect(Collectors.joining(", "))))
                .collect(Collectors.joining("\n"));
    }
}
