package ladder.labs.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Optional;

/**
 * The runtime choice, {@code LADDER_LABS_RUNTIME=auto|docker|process}: {@code auto} takes Docker when an engine
 * answers ({@link DockerLabRuntime#unavailableReason()}), else the process runtime.
 */
public final class LabRuntimes {

    public enum Choice {
        AUTO, DOCKER, PROCESS;

        /** @throws IllegalArgumentException naming the known values */
        public static Choice parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown lab runtime '" + value + "' (known: auto, docker, process)", e);
            }
        }

        /** {@code LADDER_LABS_RUNTIME}, {@code auto} when unset. */
        public static Choice fromEnvironment() {
            String value = System.getenv("LADDER_LABS_RUNTIME");
            return value == null || value.isBlank() ? AUTO : parse(value);
        }
    }

    private LabRuntimes() {}

    /**
     * Opens the chosen runtime.
     *
     * @throws LabStartException when {@code docker} is chosen and cannot run here, saying why
     */
    public static LabRuntime open(Choice choice, ProcessRuntimeSettings process, DockerRuntimeSettings docker,
                                  MeterRegistry registry) {
        return switch (choice) {
            case PROCESS -> new ProcessLabRuntime(process, registry);
            case DOCKER -> new DockerLabRuntime(docker, registry);
            case AUTO -> DockerLabRuntime.unavailableReason().isEmpty()
                    ? new DockerLabRuntime(docker, registry)
                    : new ProcessLabRuntime(process, registry);
        };
    }

    /** Why the Docker runtime is not taken by {@code auto}, or empty when it is. */
    public static Optional<String> whyNotDocker() {
        return DockerLabRuntime.unavailableReason();
    }
}
