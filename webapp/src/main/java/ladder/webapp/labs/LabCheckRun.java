package ladder.webapp.labs;

import java.time.Instant;
import java.util.List;

/** One check run of a session, as views and the API show it. */
public record LabCheckRun(String sessionId, String labId, Instant ranAt, boolean passed, long durationMs,
        List<LabCheck> checks) {

    public LabCheckRun {
        checks = List.copyOf(checks);
    }
}
