package ladder.labs.runtime;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import ladder.labs.catalog.LabFolder;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.LabDefinition;

/**
 * Starts a lab's components for one session. Implementations: {@link ProcessLabRuntime} (native
 * processes on 127.0.0.1) and {@link DockerLabRuntime} (containers, ports published on 127.0.0.1);
 * {@link LabRuntimes} picks one from {@code LADDER_LABS_RUNTIME}.
 */
public interface LabRuntime extends AutoCloseable {

    /** A short name: {@code process}, {@code docker}. */
    String name();

    /** The component kinds this runtime can start on this machine (binaries present). */
    Set<ComponentKind> availableComponents();

    /** The components of a lab this runtime cannot start here, by kind name; empty when it can run the lab. */
    default List<String> missingComponents(LabDefinition lab) {
        Set<ComponentKind> available = availableComponents();
        return lab.components().stream()
                .map(component -> component.kind())
                .filter(kind -> !available.contains(kind))
                .distinct()
                .map(ComponentKind::yamlName)
                .toList();
    }

    /**
     * Why this runtime cannot start a kind here, for the catalog (the CLI's {@code list}, the app's Labs); empty when
     * it can.
     */
    default Optional<String> whyNot(ComponentKind kind) {
        if (availableComponents().contains(kind)) {
            return Optional.empty();
        }
        return Optional.of(UpstreamImages.of(kind)
                .map(image -> "container-only: Debian does not package it; the docker runtime starts it from " + image)
                .orElse("its program is not installed here"));
    }

    /** For each component kind of a lab this runtime cannot start here, {@code kind: why}; empty when it can run the lab. */
    default List<String> whyNotRunnable(LabDefinition lab) {
        return lab.components().stream().map(component -> component.kind()).distinct()
                .flatMap(kind -> whyNot(kind).map(why -> kind.yamlName() + ": " + why).stream())
                .toList();
    }

    /**
     * Starts a session of a lab with the lab's starting files and waits until every component is ready.
     *
     * @throws LabStartException naming what could not start, with its log; nothing is left running
     */
    LabSession start(LabFolder lab, LabProgressListener listener);

    /** The sessions started and not yet stopped. */
    List<LabSession> activeSessions();

    /** Stops every active session. */
    @Override
    void close();
}
