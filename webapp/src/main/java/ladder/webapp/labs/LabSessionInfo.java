package ladder.webapp.labs;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lab session as views and the API show it: stored state plus, while it runs, its components.
 *
 * @param components each component's state and the path of its UI through Ladder
 * @param progress   what happened while starting and applying, oldest first (empty once ended)
 * @param yours      whether it belongs to the signed-in person (only they change it)
 * @param checking   a check run is under way
 * @param checks     the lab's checks, in its order
 */
public record LabSessionInfo(String id, String labId, String title, long accountId, String owner, boolean yours,
        LabSessionState state, String message, Instant startedAt, Instant expiresAt, @Nullable Instant endedAt,
        List<Component> components, List<String> progress, boolean checking, List<PlannedCheck> checks) {

    public LabSessionInfo {
        components = List.copyOf(components);
        progress = List.copyOf(progress);
        checks = List.copyOf(checks);
    }

    /**
     * A check of the session's lab, before it runs.
     *
     * @param pollsFor  how long it waits for data (it polls until then), or null when it looks once
     * @param hasAnswer whether the lab gives its full answer to a learner who asks (see {@code LabService#answer})
     */
    public record PlannedCheck(String id, String description, java.time.@Nullable Duration pollsFor, boolean hasAnswer) {
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
