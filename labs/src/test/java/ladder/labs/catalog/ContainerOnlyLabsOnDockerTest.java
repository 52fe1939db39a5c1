package ladder.labs.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import ladder.labs.check.CheckEngine;
import ladder.labs.check.LabCaseRunner;
import ladder.labs.runtime.DockerAvailable;
import ladder.labs.runtime.DockerLabRuntime;
import ladder.labs.runtime.DockerRuntimeSettings;
import ladder.labs.runtime.LabSession;
import ladder.labs.runtime.UpstreamImages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The container-only labs (components from the pinned upstream images, {@link UpstreamImages}) prove their grading
 * where the images can be had: every {@code tests/} case of the lab, in one Docker session, judged as its
 * {@code case.yaml} says. On a machine that cannot pull the images (this project's CI, offline) each lab is skipped,
 * the reason printed: the same reason the catalog gives for not offering it.
 */
@Tag("docker-lab")
@DockerAvailable
class ContainerOnlyLabsOnDockerTest {

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dashboards", "logs", "production-stack"})
    void every_case_of_the_container_only_lab_is_judged_as_it_says(String labId) {
        LabFolder lab = new LabDefinitionLoader().load(Path.of("catalog", labId));
        assertThat(lab.definition().components()).as("%s uses an upstream component", labId)
                .anyMatch(component -> UpstreamImages.of(component.kind()).isPresent());
        assertThat(lab.testCases().stream().filter(testCase -> testCase.passes()).count()).isGreaterThanOrEqualTo(3);
        assertThat(lab.testCases().stream().filter(testCase -> !testCase.passes()).count()).isGreaterThanOrEqualTo(2);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DockerLabRuntime runtime = new DockerLabRuntime(DockerRuntimeSettings.defaults().withDataDirectory(dataDir), registry)) {
            List<String> whyNot = runtime.whyNotRunnable(lab.definition());
            if (!whyNot.isEmpty()) {
                System.out.println("[" + labId + "] skipped, the docker runtime cannot run it here: " + String.join("; ", whyNot));
            }
            Assumptions.assumeTrue(whyNot.isEmpty(), () -> String.join("; ", whyNot));
            try (LabSession session = runtime.start(lab, progress -> { })) {
                List<LabCaseRunner.CaseResult> results = new LabCaseRunner(new CheckEngine(registry)).run(session, lab,
                        result -> System.out.printf("%s/%s: %s%n", labId, result.testCase().name(),
                                result.asExpected() ? "as expected" : "WRONG " + result.problems()));
                assertThat(results).as(results.stream().map(result -> result.testCase().name() + ": " + result.problems())
                        .collect(Collectors.joining("\n"))).allMatch(LabCaseRunner.CaseResult::asExpected);
            }
        }
    }
}
