package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import ladder.model.lab.ComponentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * Ladder on a JRE (its own container image) cannot jlink the runtime of the Java lab images: it uses this version's
 * image as the engine has it, and where there is none the catalog and the start name what is missing. Against the
 * real engine, under a version of its own, with the base image tagged in place of a built one.
 */
@DockerAvailable
class JavaImagesWithoutJlinkTest {

    @TempDir
    Path data;

    private final DockerClient client = DockerClientFactory.instance().client();
    private final String version = "nojlink-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    @Test
    void on_a_jre_a_java_image_of_this_version_is_used_as_found_and_its_absence_is_named() {
        DockerRuntimeSettings defaults = DockerRuntimeSettings.defaults().withDataDirectory(data);
        LabImages images = new LabImages(client, new DockerRuntimeSettings(defaults.dataDirectory(), defaults.maxSessions(),
                defaults.readyTimeout(), "", version, null, defaults.zipkinJar(), defaults.sampleClasspath(), null, null, null));
        String tag = "ladder-lab-sample-service:" + version;
        List<String> progress = new CopyOnWriteArrayList<>();

        assertThat(images.unavailable(ComponentKind.SAMPLE_SERVICE)).hasValueSatisfying(why -> assertThat(why)
                .contains("no jlink", "no " + tag + " on the engine"));
        assertThatThrownBy(() -> images.ensure(ComponentKind.SAMPLE_SERVICE, progress::add))
                .isInstanceOf(LabStartException.class).hasMessageContaining("no jlink");

        client.tagImageCmd(LabImages.BASE, "ladder-lab-sample-service", version).exec();
        try {
            assertThat(images.unavailable(ComponentKind.SAMPLE_SERVICE)).isEmpty();
            assertThat(images.ensure(ComponentKind.SAMPLE_SERVICE, progress::add)).isEqualTo(tag);
            assertThat(progress).noneMatch(message -> message.contains("building"))
                    .anyMatch(message -> message.contains("using " + tag + " as found"));
            assertThat(images.unavailable(ComponentKind.ZIPKIN)).as("another Java kind, not on the engine").isPresent();
        } finally {
            client.removeImageCmd(tag).exec(); // the tag only: the base image keeps its own
        }
    }
}
