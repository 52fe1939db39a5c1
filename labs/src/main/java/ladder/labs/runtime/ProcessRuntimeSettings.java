package ladder.labs.runtime;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Where the process runtime finds its binaries and keeps its sessions.
 *
 * @param dataDirectory      {@code LADDER_DATA_DIR}; sessions live in {@code <it>/labs/sessions}
 * @param maxSessions        sessions at once; one more is refused
 * @param readyTimeout       how long a component may take to become ready
 * @param prometheus         {@code /usr/bin/prometheus}
 * @param alertmanager       {@code /usr/bin/prometheus-alertmanager}
 * @param nodeExporter       {@code /usr/bin/prometheus-node-exporter}
 * @param blackboxExporter   {@code /usr/bin/prometheus-blackbox-exporter}
 * @param promtool           {@code /usr/bin/promtool}
 * @param amtool             {@code /usr/bin/amtool}
 * @param java               the java launcher for Zipkin and the sample service
 * @param zipkinJar          Zipkin's executable jar, or null when not found
 * @param sampleClasspath    the classpath holding {@code ladder.labs.sample.SampleService}
 * @param keepSessionFolders keep a session's folder after it stops (for a lab author's inspection)
 * @param uiBasePath         where a proxy serves the component UIs, e.g. {@code /labs/sessions/}: Prometheus and
 *                           Alertmanager then link to {@code <it><session id>/ui/<component>/} while still
 *                           serving at {@code /} on loopback (their API stays where the checks look), and
 *                           Zipkin's UI at {@code …/ui/<component>/zipkin/} gets that base path; null when
 *                           they are reached directly
 */
public record ProcessRuntimeSettings(
        Path dataDirectory,
        int maxSessions,
        Duration readyTimeout,
        Path prometheus,
        Path alertmanager,
        Path nodeExporter,
        Path blackboxExporter,
        Path promtool,
        Path amtool,
        Path java,
        @Nullable Path zipkinJar,
        String sampleClasspath,
        boolean keepSessionFolders,
        @Nullable String uiBasePath) {

    public static final int DEFAULT_MAX_SESSIONS = 4;

    /** Without a proxy in front of the component UIs. */
    public ProcessRuntimeSettings(Path dataDirectory, int maxSessions, Duration readyTimeout, Path prometheus,
            Path alertmanager, Path nodeExporter, Path blackboxExporter, Path promtool, Path amtool, Path java,
            @Nullable Path zipkinJar, String sampleClasspath, boolean keepSessionFolders) {
        this(dataDirectory, maxSessions, readyTimeout, prometheus, alertmanager, nodeExporter, blackboxExporter, promtool,
                amtool, java, zipkinJar, sampleClasspath, keepSessionFolders, null);
    }

    /** Settings from the environment: {@code LADDER_DATA_DIR} (default ./data), Debian's binaries, this JVM. */
    public static ProcessRuntimeSettings defaults() {
        String dataDir = System.getenv("LADDER_DATA_DIR");
        return new ProcessRuntimeSettings(
                Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir).toAbsolutePath(),
                DEFAULT_MAX_SESSIONS,
                Duration.ofSeconds(90),
                Path.of("/usr/bin/prometheus"),
                Path.of("/usr/bin/prometheus-alertmanager"),
                Path.of("/usr/bin/prometheus-node-exporter"),
                Path.of("/usr/bin/prometheus-blackbox-exporter"),
                Path.of("/usr/bin/promtool"),
                Path.of("/usr/bin/amtool"),
                Path.of(System.getProperty("java.home"), "bin", "java"),
                findZipkinJar(),
                absoluteClasspath(System.getProperty("java.class.path", "")),
                false);
    }

    public ProcessRuntimeSettings withDataDirectory(Path directory) {
        return new ProcessRuntimeSettings(directory.toAbsolutePath(), maxSessions, readyTimeout, prometheus, alertmanager,
                nodeExporter, blackboxExporter, promtool, amtool, java, zipkinJar, sampleClasspath, keepSessionFolders, uiBasePath);
    }

    public ProcessRuntimeSettings withMaxSessions(int max) {
        return new ProcessRuntimeSettings(dataDirectory, max, readyTimeout, prometheus, alertmanager,
                nodeExporter, blackboxExporter, promtool, amtool, java, zipkinJar, sampleClasspath, keepSessionFolders, uiBasePath);
    }

    public ProcessRuntimeSettings withKeepSessionFolders(boolean keep) {
        return new ProcessRuntimeSettings(dataDirectory, maxSessions, readyTimeout, prometheus, alertmanager,
                nodeExporter, blackboxExporter, promtool, amtool, java, zipkinJar, sampleClasspath, keep, uiBasePath);
    }

    /** Where the component recipes find the executables. */
    ComponentRecipe.Binaries binaries() {
        Path otelAgent = findOtelAgentJar(); // for a sample service with otlp: (found like Zipkin's jar)
        return new ComponentRecipe.Binaries(prometheus.toString(), alertmanager.toString(), nodeExporter.toString(),
                blackboxExporter.toString(), promtool.toString(), amtool.toString(), java.toString(), zipkinJar == null ? null : zipkinJar.toString(),
                sampleClasspath, ComponentRecipe.Binaries.POSTGRES_BIN, ComponentRecipe.Binaries.POSTGRES_EXPORTER,
                otelAgent == null ? null : otelAgent.toString());
    }

    /** Components run in their session's folder: a relative classpath entry would point nowhere there. */
    static String absoluteClasspath(String classpath) {
        return String.join(File.pathSeparator, Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .toList());
    }

    /** The folder holding one folder and one pid file per session. */
    public Path sessionsDirectory() {
        return dataDirectory.resolve("labs").resolve("sessions");
    }

    /**
     * Zipkin's jar: system property {@code ladder.labs.zipkin.jar}, environment {@code LADDER_LABS_ZIPKIN_JAR},
     * {@code components/zipkin-server-exec.jar} beside the jar this class was loaded from, or
     * {@code labs/target/components/zipkin-server-exec.jar} under the working directory.
     */
    static @Nullable Path findZipkinJar() {
        return findComponentJar("ladder.labs.zipkin.jar", "LADDER_LABS_ZIPKIN_JAR", "zipkin-server-exec.jar");
    }

    /**
     * The OpenTelemetry Java agent ({@code opentelemetry-javaagent.jar}, copied by the labs build like Zipkin's jar):
     * system property {@code ladder.labs.otel.agent.jar}, environment {@code LADDER_LABS_OTEL_AGENT_JAR}, beside the
     * jar this class was loaded from, or under {@code labs/target/components/}.
     */
    static @Nullable Path findOtelAgentJar() {
        return findComponentJar("ladder.labs.otel.agent.jar", "LADDER_LABS_OTEL_AGENT_JAR", "opentelemetry-javaagent.jar");
    }

    private static @Nullable Path findComponentJar(String propertyName, String envName, String fileName) {
        String property = System.getProperty(propertyName);
        if (property != null && Files.isRegularFile(Path.of(property))) {
            return Path.of(property);
        }
        String env = System.getenv(envName);
        if (env != null && Files.isRegularFile(Path.of(env))) {
            return Path.of(env);
        }
        try {
            Path codeSource = Path.of(ProcessRuntimeSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = codeSource.getParent().resolve("components").resolve(fileName);
            if (Files.isRegularFile(beside)) {
                return beside;
            }
        } catch (Exception e) {
            // no code source (unusual class loader): fall through to the working directory
        }
        for (String candidate : new String[] {"labs/target/components/" + fileName, "target/components/" + fileName}) {
            if (Files.isRegularFile(Path.of(candidate))) {
                return Path.of(candidate).toAbsolutePath();
            }
        }
        return null;
    }
}
