package ladder.webapp.labs;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lab session as views and the API show it: stored state plus, while it runs, its components.
 *
 * @param components each component's state and the path of its UI through Ladder
 * @param progress   what happened while starting and applying, oldest first (empty once ended)
 * @param checking   a check run is under way
 */
public record LabSessionInfo(String id, String labId, String title, long accountId, String owner,
        LabSessionState state, String message, Instant startedAt, Instant expiresAt, @Nullable Instant endedAt,
        List<Component> components, List<String> progress, boolean checking) {

    public LabSessionInfo {
        components = List.copyOf(components);
        progress = List.copyOf(progress);
    }

    /**
     * One component of a session.
     *
     * @param state waiting, starting, ready, failed or stopped
     * @param url   its UI through Ladder ({@code /labs/sessions/{id}/ui/{name}/}), or null when it has none
     */
    public record Component(String name, String kind, String state, @Nullable String url) {
    }
}
