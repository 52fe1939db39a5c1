package ladder.webapp.roadmap;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Mentors' approvals of goals ({@code roadmap_goal_approval}): appended, never changed. */
@Component
class GoalApprovals {

    private final JdbcTemplate jdbc;

    GoalApprovals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(long roadmapId, String goalId, long approverId, String approverHandle, Instant at) {
        jdbc.update("insert into roadmap_goal_approval (roadmap_id, goal_id, approver_id, approver_handle, approved_at)"
                + " values (?, ?, ?, ?, ?)", roadmapId, goalId, approverId, approverHandle, Timestamp.from(at));
    }

    /** The account ids that approved the goal, oldest first. */
    List<Long> approvers(long roadmapId, String goalId) {
        return jdbc.queryForList("select approver_id from roadmap_goal_approval where roadmap_id = ? and goal_id = ?"
                + " order by id", Long.class, roadmapId, goalId);
    }
}
