package ladder.webapp.roadmap;

import ladder.model.roadmap.GoalStatus;

/** Published when a goal's status changes, for features that follow progress. */
public record GoalStatusChanged(long roadmapId, String goalId, GoalStatus before, GoalStatus after, String changedBy) {
}
