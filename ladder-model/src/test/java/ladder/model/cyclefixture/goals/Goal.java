package ladder.model.cyclefixture.goals;

import ladder.model.cyclefixture.levels.Level;

/** Half of a deliberate package cycle, for {@code PackageCyclesTest}: goals → levels. */
public record Goal(String id, Level level) {
}
