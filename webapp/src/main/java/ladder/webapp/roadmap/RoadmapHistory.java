package ladder.webapp.roadmap;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ladder.model.roadmap.Dependency;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.RoadmapDiff;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who changed what in a roadmap, before → after, appended in the caller's transaction and never updated
 * or deleted ({@code roadmap_change}).
 */
@Component
class RoadmapHistory {

    private final JdbcTemplate jdbc;

    RoadmapHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The history of the roadmap ({@code goalId} null) or of one goal, newest first. */
    List<RoadmapChange> of(long roadmapId, @Nullable String goalId) {
        String sql = "select changed_at, changed_by, goal_id, what, before_value, after_value from roadmap_change "
                + "where roadmap_id = ?" + (goalId == null ? "" : " and goal_id = ?") + " order by id desc";
        Object[] args = goalId == null ? new Object[] {roadmapId} : new Object[] {roadmapId, goalId};
        return jdbc.query(sql, (rs, row) -> new RoadmapChange(rs.getTimestamp(1).toInstant(), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), args);
    }

    void record(long roadmapId, @Nullable String goalId, Instant at, String who, String what,
            @Nullable String before, @Nullable String after) {
        jdbc.update(INSERT, row(roadmapId, goalId, at, who, what, before, after));
    }

    /** One line per goal field, goal and dependency that the diff names. */
    void record(long roadmapId, RoadmapDiff diff, Instant at, String who) {
        List<Object[]> rows = new ArrayList<>();
        diff.goalsAdded().forEach(g -> rows.add(row(roadmapId, g.id(), at, who, "goal added", null, describe(g))));
        diff.goalsRemoved().forEach(g -> rows.add(row(roadmapId, g.id(), at, who, "goal deleted", describe(g), null)));
        for (RoadmapDiff.GoalChange change : diff.goalsChanged()) {
            for (RoadmapDiff.Field field : change.fields()) {
                rows.add(row(roadmapId, change.id(), at, who, field.name().toLowerCase(Locale.ROOT),
                        field(change.before(), field), field(change.after(), field)));
            }
        }
        for (Dependency d : diff.dependenciesAdded()) {
            String edge = d.from() + " -> " + d.to();
            rows.add(row(roadmapId, d.to(), at, who, "prerequisite added", null, edge));
            rows.add(row(roadmapId, d.from(), at, who, "dependent added", null, edge));
        }
        for (Dependency d : diff.dependenciesRemoved()) {
            String edge = d.from() + " -> " + d.to();
            rows.add(row(roadmapId, d.to(), at, who, "prerequisite removed", edge, null));
            rows.add(row(roadmapId, d.from(), at, who, "dependent removed", edge, null));
        }
        if (diff.graphChanged()) {
            rows.add(row(roadmapId, null, at, who, "graph attributes or subgraphs changed", null, null));
        }
        jdbc.batchUpdate(INSERT, rows);
    }

    private static final String INSERT = "insert into roadmap_change (roadmap_id, goal_id, changed_at, changed_by, what, "
            + "before_value, after_value) values (?, ?, ?, ?, ?, ?, ?)";

    private static Object[] row(long roadmapId, @Nullable String goalId, Instant at, String who, String what,
            @Nullable String before, @Nullable String after) {
        return new Object[] {roadmapId, goalId, Timestamp.from(at), who, what, before, after};
    }

    private static String describe(Goal goal) {
        return goal.title() + " (" + goal.status().dotName()
                + (goal.participants().isEmpty() ? "" : ", " + String.join(" ", goal.participants())) + ")";
    }

    private static String field(Goal goal, RoadmapDiff.Field field) {
        return switch (field) {
            case TITLE -> goal.title();
            case DESCRIPTION -> goal.description();
            case STATUS -> goal.status().dotName();
            case PARTICIPANTS -> String.join(" ", goal.participants());
            case ATTRIBUTES -> attributesText(goal);
        };
    }

    private static String attributesText(Goal goal) {
        StringBuilder text = new StringBuilder();
        goal.attributes().forEach(a -> text.append(a.name()).append('=')
                .append(a.html() ? "<" + a.value() + ">" : a.value()).append('\n'));
        return text.toString().strip();
    }
}
