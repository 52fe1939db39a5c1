package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcessRuntimeSettingsTest {

    @Test
    void the_sample_service_classpath_is_made_absolute_because_components_run_in_their_session_folder() {
        String classpath = ProcessRuntimeSettings.absoluteClasspath(
                "labs/target/ladder-labs.jar" + File.pathSeparator + "/opt/x.jar" + File.pathSeparator);

        assertThat(classpath.split(File.pathSeparator)).containsExactly(
                Path.of("labs/target/ladder-labs.jar").toAbsolutePath().toString(), "/opt/x.jar");
    }
}
