package ladder.webapp.progress;

import java.time.Instant;
import java.util.Locale;

/**
 * One entry of the team's activity feed.
 *
 * @param learner the learner it concerns (their handle), or who made the change
 */
public record Activity(Instant at, Kind kind, String learner, String text) {

    /** What happened. */
    public enum Kind {
        ASSESSMENT, REVIEW, LAB, GOAL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
