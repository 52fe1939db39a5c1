package ladder.webapp.roadmap;

import java.util.List;
import ladder.model.roadmap.GoalStatus;
import org.jspecify.annotations.Nullable;

/** The fields of a goal to change; null leaves a field as it is. */
public record GoalEdit(@Nullable String title, @Nullable String description, @Nullable GoalStatus status,
        @Nullable List<String> participants) {

    public static GoalEdit status(GoalStatus status) {
        return new GoalEdit(null, null, status, null);
    }

    /** Whether only the status is to change: all a learner may do. */
    boolean onlyStatus() {
        return title == null && description == null && participants == null;
    }
}
