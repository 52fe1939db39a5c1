package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import ladder.labs.TestLabs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL leaves its processes; the next runtime to start removes them. */
class KilledRunCleanupTest {

    @TempDir
    Path data;

    private Process startChildRun() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "ladder.labs.cli.LabsCli", "run", TestLabs.nodeBasics().toString(), "--runtime", "process")
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("child.log").toFile());
        builder.environment().put("LADDER_DATA_DIR", data.toString());
        return builder.start();
    }

    @Test
    void a_run_stopped_with_sigterm_stops_its_components_on_the_way_out() throws Exception {
        Process child = startChildRun();
        Path sessions = data.resolve("labs/sessions");
        try {
            List<ProcessHandle> started = awaitComponents(sessions, child);

            child.destroy(); // SIGTERM: the runtime's shutdown hook runs
            child.waitFor();

            assertThat(started).noneMatch(ProcessHandle::isAlive);
            assertThat(ProcessLeftovers.naming(sessions)).isEmpty();
            try (Stream<Path> left = Files.list(sessions)) {
                assertThat(left.toList()).as("session folder and pid file").isEmpty();
            }
        } finally {
            child.destroyForcibly();
            ProcessLeftovers.naming(data).forEach(ProcessTrees::stop);
        }
    }

    @Test
    void a_runtime_starting_after_a_killed_run_stops_its_processes_and_deletes_its_folder() throws Exception {
        Process child = startChildRun();
        Path sessions = data.resolve("labs/sessions");
        try {
            List<ProcessHandle> started = awaitComponents(sessions, child);
            assertThat(started).as("components started by the child run").hasSize(2);

            child.destroyForcibly().waitFor(); // kill -9: no shutdown hook runs

            assertThat(ProcessLeftovers.naming(sessions)).as("the killed run left its components running").hasSize(2);
            try (ProcessLabRuntime next = new ProcessLabRuntime(
                    ProcessRuntimeSettings.defaults().withDataDirectory(data), new SimpleMeterRegistry())) {
                assertThat(next.sweptLeftovers()).anyMatch(line -> line.startsWith("stopped prometheus"));
                assertThat(started).noneMatch(ProcessHandle::isAlive);
                assertThat(ProcessLeftovers.naming(sessions)).isEmpty();
                try (Stream<Path> left = Files.list(sessions)) {
                    assertThat(left.toList()).isEmpty();
                }
            }
        } finally {
            child.destroyForcibly();
            ProcessLeftovers.naming(data).forEach(ProcessTrees::stop);
        }
    }

    private static List<ProcessHandle> awaitComponents(Path sessions, Process child) throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(giveUp) && child.isAlive()) {
            if (Files.isDirectory(sessions)) {
                try (Stream<Path> files = Files.list(sessions)) {
                    for (Path pidFile : files.filter(file -> file.toString().endsWith(".pids")).toList()) {
                        List<ProcessHandle> components = Files.readAllLines(pidFile).stream()
                                .filter(line -> !line.startsWith("owner"))
                                .map(line -> ProcessHandle.of(Long.parseLong(line.split(" ")[0])))
                                .flatMap(java.util.Optional::stream)
                                .filter(ProcessHandle::isAlive)
                                .toList();
                        if (components.size() == 2) {
                            return components;
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the child run started no components; its output:\n"
                + Files.readString(sessions.getParent().getParent().resolve("child.log")));
    }
}
