package ladder.webapp.roadmap;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import ladder.model.roadmap.DotExporter;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.Roadmap;
import org.jspecify.annotations.Nullable;

/**
 * What per-goal locking needs of one goal of a stored roadmap: the goal's version, raised only when the
 * goal itself changes. The goal's content lives in the roadmap's DOT alone; the fingerprint (a hash of
 * the goal as DOT) is how a change is told from a rewrite that left the goal as it was.
 */
@Entity
@Table(name = "roadmap_goal")
class GoalRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "roadmap_id", nullable = false)
    private long roadmapId;

    @Column(name = "goal_id", nullable = false)
    private String goalId;

    @Column(nullable = false)
    private String fingerprint;

    @Version
    private long version;

    protected GoalRecord() { } // for JPA

    GoalRecord(long roadmapId, Goal goal) {
        this.roadmapId = roadmapId;
        this.goalId = goal.id();
        this.fingerprint = fingerprint(goal);
    }

    /** Takes the goal's fingerprint; JPA raises the version only when it really changed. */
    void update(Goal goal) {
        String now = fingerprint(goal);
        if (!now.equals(fingerprint)) {
            fingerprint = now;
        }
    }

    static String fingerprint(Goal goal) {
        return Sha256.hex(DotExporter.export(Roadmap.builder().goal(goal).build()));
    }

    String getGoalId() { return goalId; }
    long getVersion() { return version; }
}
