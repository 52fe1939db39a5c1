package ladder.model.cyclefixture.levels;

import java.util.List;
import ladder.model.cyclefixture.goals.Goal;

/** The other half: levels → goals. */
public record Level(int rung, List<Goal> goals) {
}
