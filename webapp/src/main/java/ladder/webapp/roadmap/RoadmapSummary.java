package ladder.webapp.roadmap;

import org.jspecify.annotations.Nullable;

/**
 * A roadmap in lists and in {@code GET /api/roadmaps}: its id, name and size; {@code damage} says why
 * a roadmap whose stored DOT no longer reads cannot be shown (its sizes are then 0), else null.
 */
public record RoadmapSummary(long id, String name, boolean isDefault, int goals, int dependencies, long version,
        @Nullable String damage) {

    public boolean damaged() {
        return damage != null;
    }
}
