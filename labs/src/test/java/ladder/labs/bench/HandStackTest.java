package ladder.labs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import ladder.labs.TestLabs;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.catalog.LabFolder;
import ladder.labs.runtime.ProcessRuntimeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's reference, started for real on the tiny node-basics lab (prometheus + node-exporter). */
class HandStackTest {

    @TempDir
    Path temp;

    @Test
    void the_by_hand_stack_starts_the_solution_on_free_ports_and_leaves_no_process_or_folder_behind() throws Exception {
        LabFolder lab = new LabDefinitionLoader().load(TestLabs.nodeBasics());
        ProcessRuntimeSettings settings = ProcessRuntimeSettings.defaults().withDataDirectory(temp.resolve("data"));
        Path directory = temp.resolve("hand");
        List<ProcessHandle> started = new ArrayList<>();

        try (HandStack stack = new HandStack(lab, settings, directory, Duration.ofMillis(50))) {
            stack.start(Duration.ofSeconds(60));
            started.addAll(ProcessHandle.current().descendants().toList());

            assertThat(stack.readyTimes()).containsOnlyKeys("prometheus", "node-exporter");
            String config = Files.readString(stack.rendered().resolve("prometheus.yml"));
            assertThat(config)
                    .doesNotContain("${")
                    .contains(stack.url("node-exporter").substring("http://".length()));
            assertThat(Files.readString(stack.rendered().resolve("rules.yml")))
                    .isEqualTo(Files.readString(lab.solution().resolve("rules.yml")));
        }

        assertThat(started).hasSizeGreaterThanOrEqualTo(2);
        assertThat(started).noneMatch(ProcessHandle::isAlive);
        assertThat(directory).doesNotExist();
    }
}
