package ladder.webapp.labs;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import ladder.labs.catalog.LabCatalog;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.check.CheckEngine;
import ladder.labs.runtime.DockerRuntimeSettings;
import ladder.labs.runtime.LabRuntime;
import ladder.labs.runtime.LabRuntimes;
import ladder.labs.runtime.ProcessRuntimeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The labs module's catalog, runtime and check engine, configured from {@link LabsProperties}. */
@Configuration
@EnableConfigurationProperties(LabsProperties.class)
class LabsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LabsConfiguration.class);

    /** Where {@link LabComponentProxy} serves a session's component UIs: {@code <it><session id>/ui/<component>/}. */
    static final String UI_PATH = "/labs/sessions/";

    /**
     * The runtime {@code LADDER_LABS_RUNTIME} names: {@code process}, {@code docker}, or {@code auto} (Docker
     * when an engine answers, else the process runtime). Constructing a runtime sweeps what a crashed Ladder
     * left running; closing it stops every session with its processes or containers.
     */
    @Bean(destroyMethod = "close")
    LabRuntime labRuntime(LabsProperties properties, MeterRegistry registry,
            @Value("${ladder.data-path}") Path dataDirectory) {
        LabRuntimes.Choice choice;
        try {
            choice = LabRuntimes.Choice.parse(properties.runtime());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("LADDER_LABS_RUNTIME=" + properties.runtime() + ": " + e.getMessage(), e);
        }
        ProcessRuntimeSettings process = processSettings(properties, dataDirectory);
        LabRuntime runtime = LabRuntimes.open(choice, process, DockerRuntimeSettings.from(process), registry);
        log.info("Labs run on the {} runtime (LADDER_LABS_RUNTIME={})", runtime.name(), properties.runtime());
        return runtime;
    }

    static ProcessRuntimeSettings processSettings(LabsProperties properties, Path dataDirectory) {
        ProcessRuntimeSettings defaults = ProcessRuntimeSettings.defaults();
        return new ProcessRuntimeSettings(dataDirectory.toAbsolutePath(), properties.maxSessions(),
                properties.readyTimeout(), defaults.prometheus(), defaults.alertmanager(), defaults.nodeExporter(),
                defaults.blackboxExporter(), defaults.promtool(), defaults.amtool(), defaults.java(),
                properties.zipkinJar() != null ? properties.zipkinJar() : defaults.zipkinJar(),
                properties.sampleClasspath() != null && !properties.sampleClasspath().isBlank()
                        ? properties.sampleClasspath() : sampleClasspath(defaults.sampleClasspath()),
                false,
                UI_PATH);
    }

    /**
     * The classpath the sample service starts from: this JVM's, except when Ladder runs from its Spring Boot
     * jar, whose classes a plain {@code java -cp} cannot load; then the labs' own runnable jar
     * ({@code ladder-labs.jar}, which holds the sample service), beside the app's jar or where the build
     * leaves it.
     */
    static String sampleClasspath(String jvmClasspath) {
        if (jvmClasspath.contains(File.pathSeparator) || !jvmClasspath.endsWith(".jar") || !bootJar(jvmClasspath)) {
            return jvmClasspath;
        }
        Path appJar = Path.of(jvmClasspath).toAbsolutePath();
        for (Path candidate : List.of(appJar.resolveSibling("ladder-labs.jar"),
                appJar.getParent().resolve("../../labs/target/ladder-labs.jar").normalize(),
                Path.of("labs/target/ladder-labs.jar").toAbsolutePath())) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toString();
            }
        }
        log.warn("Ladder runs from {}, and no ladder-labs.jar was found beside it or in labs/target: labs with a "
                + "sample service will not start; set LADDER_LABS_SAMPLE_CLASSPATH", appJar);
        return jvmClasspath;
    }

    private static boolean bootJar(String jar) {
        try (JarFile file = new JarFile(jar)) {
            return file.getEntry("BOOT-INF/classes/") != null || file.getEntry("BOOT-INF/lib/") != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Bean
    LabCatalog labCatalog(LabsProperties properties) {
        return new LabCatalog(properties.catalogDirectory(), new LabDefinitionLoader());
    }

    @Bean
    CheckEngine checkEngine(MeterRegistry registry) {
        return new CheckEngine(registry);
    }
}
