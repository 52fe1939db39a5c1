package ladder.webapp.labs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import ladder.model.ladder.Rung;
import org.jspecify.annotations.Nullable;

/**
 * One lab of the catalog as the signed-in person sees it.
 *
 * @param runnableHere    whether this server's runtime can start every component
 * @param missing         the component kinds it cannot start here
 * @param whyNot          for each of them, {@code kind: why} (not installed, an image that cannot be had)
 * @param activeSessionId the signed-in person's running session of this lab, if any
 * @param passedAt        when they first passed it, or null
 * @param attempts        how many sessions of it they started
 */
public record LabEntry(String id, String title, String summary, List<String> topics, Rung rung,
        Duration timeLimit, String runtime, boolean runnableHere, List<String> missing,
        List<String> whyNot, @Nullable String activeSessionId, @Nullable Instant passedAt, int attempts) {

    public LabEntry {
        topics = List.copyOf(topics);
        missing = List.copyOf(missing);
        whyNot = List.copyOf(whyNot);
    }

    /** not started, in progress, passed: for the catalog's status column. */
    public String status() {
        if (activeSessionId != null) {
            return "in progress";
        }
        if (passedAt != null) {
            return "passed";
        }
        return attempts == 0 ? "not started" : "not passed yet";
    }
}
