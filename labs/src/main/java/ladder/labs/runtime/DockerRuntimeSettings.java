package ladder.labs.runtime;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What the Docker runtime needs besides the engine (which Testcontainers finds: {@code DOCKER_HOST},
 * {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, else the local socket).
 *
 * @param dataDirectory   {@code LADDER_DATA_DIR}; each session keeps its rendered workspace and logs in
 *                        {@code <it>/labs/docker-sessions/<id>}
 * @param maxSessions     sessions at once; one more is refused
 * @param readyTimeout    how long a component may take to become ready
 * @param imagePrefix     {@code LADDER_LABS_IMAGE_PREFIX}: put before every image name (e.g. {@code registry.example.org/ladder/})
 *                        for a team that keeps a mirror; empty for local images
 * @param version         Ladder's version, the tag of the lab images
 * @param jdk             the JDK whose {@code jlink} makes the Java runtime image, or null when there is none
 * @param zipkinJar       Zipkin's executable jar, or null when not found
 * @param sampleClasspath the classpath holding the sample service, copied into its image
 * @param publishAddress  the lab host's address, where published ports bind and where Ladder reaches the components;
 *                        null for the engine's own host ({@link LabHostAddress}): 127.0.0.1 for a local engine, the
 *                        host of {@code DOCKER_HOST=tcp://…} for a remote one; never every interface
 * @param uiBasePath      where a proxy serves the component UIs (e.g. {@code /labs/sessions/}), as for the process
 *                        runtime; null when nothing proxies them
 * @param attachTo        {@code LADDER_LABS_DOCKER_ATTACH}: the name or id of the container Ladder itself runs in, on the
 *                        same engine; when set, each session publishes no port at all, and that container joins the
 *                        session's network for the session's life and reaches the components at their addresses there
 *                        (Ladder in a Compose stack with the engine's socket: a port published on the engine's host is
 *                        on that host's 127.0.0.1, which Ladder's container cannot reach); null to publish the ports
 *                        on {@code publishAddress}
 */
public record DockerRuntimeSettings(
        Path dataDirectory,
        int maxSessions,
        Duration readyTimeout,
        String imagePrefix,
        String version,
        @Nullable Path jdk,
        @Nullable Path zipkinJar,
        String sampleClasspath,
        @Nullable String publishAddress,
        @Nullable String uiBasePath,
        @Nullable String attachTo) {

    /** Settings from the environment and from the process runtime's (same data folder, same jars). */
    public static DockerRuntimeSettings defaults() {
        return from(ProcessRuntimeSettings.defaults());
    }

    public static DockerRuntimeSettings from(ProcessRuntimeSettings process) {
        String prefix = System.getenv("LADDER_LABS_IMAGE_PREFIX");
        String attach = System.getenv("LADDER_LABS_DOCKER_ATTACH");
        Path javaHome = Path.of(System.getProperty("java.home"));
        return new DockerRuntimeSettings(
                process.dataDirectory(),
                process.maxSessions(),
                process.readyTimeout(),
                prefix == null ? "" : prefix.strip(),
                LadderVersion.get(),
                java.nio.file.Files.isExecutable(javaHome.resolve("bin").resolve("jlink")) ? javaHome : null,
                process.zipkinJar(),
                process.sampleClasspath(),
                null,
                process.uiBasePath(),
                attach == null || attach.isBlank() ? null : attach.strip());
    }

    public DockerRuntimeSettings withDataDirectory(Path directory) {
        return new DockerRuntimeSettings(directory.toAbsolutePath(), maxSessions, readyTimeout, imagePrefix, version, jdk,
                zipkinJar, sampleClasspath, publishAddress, uiBasePath, attachTo);
    }

    public DockerRuntimeSettings withMaxSessions(int max) {
        return new DockerRuntimeSettings(dataDirectory, max, readyTimeout, imagePrefix, version, jdk,
                zipkinJar, sampleClasspath, publishAddress, uiBasePath, attachTo);
    }

    public DockerRuntimeSettings withImagePrefix(String prefix) {
        return new DockerRuntimeSettings(dataDirectory, maxSessions, readyTimeout, prefix, version, jdk,
                zipkinJar, sampleClasspath, publishAddress, uiBasePath, attachTo);
    }

    /** The same, with the lab host's address given instead of taken from the engine's address. */
    public DockerRuntimeSettings withPublishAddress(@Nullable String address) {
        return new DockerRuntimeSettings(dataDirectory, maxSessions, readyTimeout, imagePrefix, version, jdk,
                zipkinJar, sampleClasspath, address, uiBasePath, attachTo);
    }

    /** The same, with component UIs served by a proxy under this path. */
    public DockerRuntimeSettings withUiBasePath(@Nullable String path) {
        return new DockerRuntimeSettings(dataDirectory, maxSessions, readyTimeout, imagePrefix, version, jdk,
                zipkinJar, sampleClasspath, publishAddress, path, attachTo);
    }

    /** The same, with another JDK to jlink the Java images' runtime from; null for none (Ladder on a JRE). */
    public DockerRuntimeSettings withJdk(@Nullable Path jdk) {
        return new DockerRuntimeSettings(dataDirectory, maxSessions, readyTimeout, imagePrefix, version, jdk,
                zipkinJar, sampleClasspath, publishAddress, uiBasePath, attachTo);
    }

    /** The same, with Ladder's own container (name or id) joining each session's network instead of ports published; null for ports. */
    public DockerRuntimeSettings withAttachTo(@Nullable String container) {
        return new DockerRuntimeSettings(dataDirectory, maxSessions, readyTimeout, imagePrefix, version, jdk,
                zipkinJar, sampleClasspath, publishAddress, uiBasePath, container == null || container.isBlank() ? null : container.strip());
    }

    /** The folder of the sessions' rendered workspaces and logs. */
    public Path sessionsDirectory() {
        return dataDirectory.resolve("labs").resolve("docker-sessions");
    }

    /** The folder where the images' build contexts are prepared (the jlinked runtime is kept there). */
    public Path imagesDirectory() {
        return dataDirectory.resolve("labs").resolve("images");
    }
}
