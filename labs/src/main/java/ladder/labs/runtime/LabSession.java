package ladder.labs.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import ladder.model.lab.CheckType;
import ladder.model.lab.LabDefinition;

/** One running lab: its workspace, its components' addresses, and the means to change and stop it. */
public interface LabSession extends AutoCloseable {

    String id();

    LabDefinition definition();

    /** The learner's files (with placeholders). */
    Path workspace();

    /** When the session is stopped whatever happens. */
    Instant deadline();

    /** The port of each component, by component name. */
    Map<String, Integer> ports();

    /**
     * The address where Ladder reaches the session's components: 127.0.0.1, or a remote Docker engine's host.
     * Inside the session the components reach each other on 127.0.0.1 whatever this is (the placeholders of the
     * workspace say so).
     */
    default String host() {
        return "127.0.0.1";
    }

    /** {@code http://HOST:PORT} of a component, where Ladder (its checks, the proxy) reaches it; see {@link #host()}. */
    default String url(String component) {
        Integer port = ports().get(component);
        if (port == null) {
            throw new IllegalArgumentException("no component '" + component + "' in lab " + definition().id());
        }
        return "http://" + (host().contains(":") ? "[" + host() + "]" : host()) + ":" + port;
    }

    /**
     * The password of the session's components that have one (PostgreSQL's {@code postgres}, Grafana's
     * {@code admin}): random per session, never written in the workspace; Ladder's checks use it, and the components
     * that need it (the postgres exporter) get it in their environment.
     */
    String componentPassword();

    /** Time from launch to ready, by component name. */
    Map<String, Duration> readyTimes();

    /** The file a component writes its output to. */
    Path logFile(String component);

    /** A workspace file, resolved safely (see {@link WorkspacePaths}). */
    default Path workspaceFile(String relative) {
        return WorkspacePaths.resolve(workspace(), relative);
    }

    /** Renders the workspace and runs a validator on the rendered copy of one file. */
    ToolResult validate(String relative, CheckType.ConfigTool tool);

    /**
     * Copies the files of a folder into the workspace (same relative paths), validates the
     * configuration of every component that has one, and reloads them. Nothing is reloaded when a
     * validator fails.
     */
    ApplyResult apply(Path overlay);

    /** Writes one workspace file (the learner's edit), without applying it. */
    void writeFile(String relative, String content);

    /** Validates and reloads the components from the current workspace. */
    ApplyResult reload();

    boolean isRunning();

    /** Stops every process of the session with its descendants; idempotent. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
