package ladder.webapp.labs;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Locale;
import ladder.labs.catalog.LabCatalog;
import ladder.labs.catalog.LabDefinitionLoader;
import ladder.labs.check.CheckEngine;
import ladder.labs.runtime.LabRuntime;
import ladder.labs.runtime.ProcessLabRuntime;
import ladder.labs.runtime.ProcessRuntimeSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The labs module's catalog, runtime and check engine, configured from {@link LabsProperties}. */
@Configuration
@EnableConfigurationProperties(LabsProperties.class)
class LabsConfiguration {

    /** Where {@link LabComponentProxy} serves a session's component UIs: {@code <it><session id>/ui/<component>/}. */
    static final String UI_PATH = "/labs/sessions/";

    /**
     * The runtime {@code LADDER_LABS_RUNTIME} names. Constructing the process runtime sweeps what a crashed
     * Ladder left running; closing it stops every session with its processes.
     */
    @Bean(destroyMethod = "close")
    LabRuntime labRuntime(LabsProperties properties, MeterRegistry registry,
            @Value("${ladder.data-path}") Path dataDirectory) {
        String name = properties.runtime().strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "process", "auto" -> new ProcessLabRuntime(processSettings(properties, dataDirectory), registry);
            default -> throw new IllegalStateException("LADDER_LABS_RUNTIME=" + properties.runtime()
                    + " is not a runtime of this Ladder; use process (or auto)");
        };
    }

    static ProcessRuntimeSettings processSettings(LabsProperties properties, Path dataDirectory) {
        ProcessRuntimeSettings defaults = ProcessRuntimeSettings.defaults();
        return new ProcessRuntimeSettings(dataDirectory.toAbsolutePath(), properties.maxSessions(),
                properties.readyTimeout(), defaults.prometheus(), defaults.alertmanager(), defaults.nodeExporter(),
                defaults.promtool(), defaults.amtool(), defaults.java(),
                properties.zipkinJar() != null ? properties.zipkinJar() : defaults.zipkinJar(),
                properties.sampleClasspath() != null && !properties.sampleClasspath().isBlank()
                        ? properties.sampleClasspath() : defaults.sampleClasspath(),
                false,
                UI_PATH);
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
