package ladder.labs.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The shipped catalog loads without problems; the fast guard before the real-lab runs. */
class CatalogLabsAreValidTest {

    private final Path catalog = Path.of("catalog");

    @Test
    void every_lab_of_the_catalog_loads_and_has_instructions_starting_files_and_a_solution() throws IOException {
        List<LabCatalog.Entry> entries = new LabCatalog(catalog, new LabDefinitionLoader()).entries();

        assertThat(entries).extracting(entry -> entry.directory().getFileName().toString())
                .containsExactlyInAnyOrder("metrics", "alerting", "slo", "tracing", "slow-checkout", "host-metrics",
                        "synthetic-monitoring", "database", "dashboards", "logs", "production-stack");
        for (LabCatalog.Entry entry : entries) {
            assertThat(entry.problem()).as(entry.directory() + " problems").isNull();
            LabFolder lab = entry.lab();
            assertThat(lab).isNotNull();
            assertThat(Files.readString(lab.instructions())).as(lab.definition().id() + " instructions")
                    .startsWith("# ").contains("## Checks");
            try (Stream<Path> files = Files.list(lab.files()); Stream<Path> solution = Files.list(lab.solution())) {
                assertThat(files.toList()).as(lab.definition().id() + " files").isNotEmpty();
                assertThat(solution.toList()).as(lab.definition().id() + " solution").isNotEmpty();
            }
        }
    }
}
