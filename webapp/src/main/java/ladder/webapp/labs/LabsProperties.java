package ladder.webapp.labs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The labs feature's settings.
 *
 * @param runtime         {@code LADDER_LABS_RUNTIME}: {@code auto} (Docker when an engine answers, else the
 *                        process runtime), {@code docker} or {@code process}
 * @param catalog         {@code LADDER_LABS_CATALOG}: the folder of lab folders; a relative path that does
 *                        not exist is also looked for one folder up (the app started from {@code webapp/})
 * @param maxSessions     {@code LADDER_LABS_MAX_SESSIONS}: sessions running at once on this server
 * @param readyTimeout    how long one component may take to become ready
 * @param zipkinJar       Zipkin's executable jar for the process runtime, or null to look for it
 * @param sampleClasspath the classpath the sample service is started from, or null for this JVM's
 */
@ConfigurationProperties("ladder.labs")
public record LabsProperties(
        @DefaultValue("auto") String runtime,
        @DefaultValue("labs/catalog") Path catalog,
        @DefaultValue("4") int maxSessions,
        @DefaultValue("90s") Duration readyTimeout,
        @Nullable Path zipkinJar,
        @Nullable String sampleClasspath) {

    public static final int DEFAULT_MAX_SESSIONS = 4;

    public LabsProperties {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("ladder.labs.max-sessions (LADDER_LABS_MAX_SESSIONS) must be at least 1");
        }
    }

    /** The catalog folder as it is found: as configured, else one folder up when relative. */
    public Path catalogDirectory() {
        if (catalog.isAbsolute() || Files.isDirectory(catalog)) {
            return catalog.toAbsolutePath().normalize();
        }
        Path up = Path.of("..").resolve(catalog);
        return (Files.isDirectory(up) ? up : catalog).toAbsolutePath().normalize();
    }
}
