package ladder.labs.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import ladder.labs.check.SessionAnswers;
import ladder.labs.check.CheckEngine;
import ladder.labs.check.CheckReport;
import ladder.labs.runtime.ApplyResult;
import ladder.labs.runtime.DockerAvailable;
import ladder.labs.runtime.DockerLabRuntime;
import ladder.labs.runtime.DockerRuntimeSettings;
import ladder.labs.runtime.LabSession;
import ladder.model.lab.CheckResult;
import ladder.model.lab.CheckStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lab of {@code labs/catalog}, unchanged, on the Docker runtime: in containers built from Debian's
 * packages, its reference solution passes every check, and its starting files fail, each check that does
 * not pass saying what it saw and giving its hint. (The exact starting-state verdicts of each lab are pinned
 * by {@link CatalogLabsRealRunTest} on the process runtime.) Run only these: {@code -Dgroups=docker-lab}.
 */
@Tag("docker-lab")
@DockerAvailable
class CatalogLabsOnDockerTest {

    @TempDir
    static Path dataDir;

    private static final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private static DockerLabRuntime runtime;

    @BeforeAll
    static void startRuntime() {
        runtime = new DockerLabRuntime(DockerRuntimeSettings.defaults().withDataDirectory(dataDir), registry);
    }

    @AfterAll
    static void closeRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    static List<String> catalogLabs() throws IOException {
        try (var children = Files.list(Path.of("catalog"))) {
            return children.filter(child -> Files.isRegularFile(child.resolve(LabFolder.DEFINITION_FILE)))
                    .map(child -> child.getFileName().toString()).sorted().toList();
        }
    }

    private static CheckReport run(String labId, boolean solution) {
        LabFolder lab = new LabDefinitionLoader().load(Path.of("catalog", labId));
        // the container-only labs need upstream images that a machine without a registry cannot have
        List<String> whyNot = runtime.whyNotRunnable(lab.definition());
        if (!whyNot.isEmpty()) {
            System.out.println("[" + labId + "] skipped, the docker runtime cannot run it here: " + String.join("; ", whyNot));
        }
        Assumptions.assumeTrue(whyNot.isEmpty(), () -> "the docker runtime cannot run " + labId + " here: " + String.join("; ", whyNot));
        try (LabSession session = runtime.start(lab, progress -> { })) {
            if (solution) {
                ApplyResult applied = SessionAnswers.applySolution(session, lab);
                assertThat(applied.applied()).as("solution applied: %s", applied.message()).isTrue();
            }
            CheckReport report = new CheckEngine(registry).run(session);
            assertThat(report.results()).extracting(CheckResult::checkId).as("every check of %s reported", labId)
                    .containsExactlyElementsOf(lab.definition().checks().stream().map(check -> check.id()).toList());
            return report;
        }
    }

    private static String statuses(CheckReport report) {
        return report.results().stream().map(r -> r.checkId() + "=" + r.status() + " (" + r.observed() + ")")
                .collect(Collectors.joining("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogLabs")
    void the_solution_passes_every_check_in_containers(String labId) {
        CheckReport report = run(labId, true);

        assertThat(report.results()).as(statuses(report))
                .allSatisfy(result -> assertThat(result.status()).as(result.checkId()).isEqualTo(CheckStatus.PASS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogLabs")
    void the_starting_files_fail_in_containers_with_what_was_seen_and_a_hint(String labId) {
        CheckReport report = run(labId, false);

        assertThat(report.results()).as(statuses(report)).anyMatch(result -> result.status() == CheckStatus.FAIL);
        for (CheckResult result : report.results()) {
            if (result.status() != CheckStatus.PASS) {
                assertThat(result.hint()).as("hint of " + result.checkId()).isNotBlank();
                assertThat(result.observed()).as("observed of " + result.checkId()).isNotBlank();
            }
        }
    }
}
