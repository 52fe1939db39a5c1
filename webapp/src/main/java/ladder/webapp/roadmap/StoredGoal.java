package ladder.webapp.roadmap;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import ladder.model.roadmap.Goal;
import org.jspecify.annotations.Nullable;

/**
 * One goal of a stored roadmap, kept in step with the roadmap's DOT: what the views filter on, and
 * the version that tells a stale edit of this goal from a fresh one.
 */
@Entity
@Table(name = "roadmap_goal")
class StoredGoal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "roadmap_id", nullable = false)
    private long roadmapId;

    @Column(name = "goal_id", nullable = false)
    private String goalId;

    @Column(nullable = false)
    private int seq;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String status;

    /** Space-separated handles, as in DOT. */
    @Column(nullable = false)
    private String participants;

    /** The goal's other DOT attributes, as {@code name=value} lines, for reading; the DOT is authoritative. */
    @Column(nullable = false)
    private String attributes;

    @Version
    private long version;

    @SuppressWarnings("NullAway.Init")
    protected StoredGoal() { } // for JPA

    StoredGoal(long roadmapId, Goal goal, int seq) {
        this.roadmapId = roadmapId;
        this.goalId = goal.id();
        update(goal, seq);
    }

    /** Copies the goal's fields; JPA raises the version only when one of them really changed. */
    void update(Goal goal, int seq) {
        String newParticipants = String.join(" ", goal.participants());
        String newAttributes = attributesText(goal);
        if (this.seq != seq) {
            this.seq = seq;
        }
        if (!Objects.equals(title, goal.title())) {
            this.title = goal.title();
        }
        if (!Objects.equals(description, goal.description())) {
            this.description = goal.description();
        }
        if (!Objects.equals(status, goal.status().dotName())) {
            this.status = goal.status().dotName();
        }
        if (!Objects.equals(participants, newParticipants)) {
            this.participants = newParticipants;
        }
        if (!Objects.equals(attributes, newAttributes)) {
            this.attributes = newAttributes;
        }
    }

    static String attributesText(Goal goal) {
        StringBuilder text = new StringBuilder();
        goal.attributes().forEach(a -> text.append(a.name()).append('=')
                .append(a.html() ? "<" + a.value() + ">" : a.value()).append('\n'));
        return text.toString();
    }

    String getGoalId() { return goalId; }
    long getVersion() { return version; }
    String getStatus() { return status; }
    String getParticipants() { return participants; }
}
