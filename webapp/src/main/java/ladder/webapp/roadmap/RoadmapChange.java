package ladder.webapp.roadmap;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change of a roadmap: who, when, what, before and after.
 *
 * @param goalId the goal it concerns, null for the roadmap as a whole
 */
public record RoadmapChange(Instant at, String who, @Nullable String goalId, String what,
        @Nullable String before, @Nullable String after) {
}
