package ladder.webapp.roadmap;

import java.util.Map;
import ladder.model.roadmap.Roadmap;

/**
 * A stored roadmap as read in one transaction: the model, the roadmap's version and each goal's
 * version, which an edit hands back so a stale edit is refused.
 */
public record RoadmapSnapshot(long id, String name, boolean isDefault, long version, Roadmap roadmap,
        Map<String, Long> goalVersions) {

    public RoadmapSnapshot {
        goalVersions = Map.copyOf(goalVersions);
    }

    public long goalVersion(String goalId) {
        Long version = goalVersions.get(goalId);
        if (version == null) {
            throw new NoSuchRoadmapException("no goal '" + goalId + "' in roadmap '" + name + "'");
        }
        return version;
    }

    public RoadmapSummary summary() {
        return new RoadmapSummary(id, name, isDefault, roadmap.goals().size(), roadmap.dependencies().size(), version, null);
    }
}
