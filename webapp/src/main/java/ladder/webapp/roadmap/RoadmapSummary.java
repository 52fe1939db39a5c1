package ladder.webapp.roadmap;

/** A roadmap in lists and in {@code GET /api/roadmaps}: its id, name and size. */
public record RoadmapSummary(long id, String name, boolean isDefault, int goals, int dependencies, long version) {
}
