package ladder.webapp.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ladder.model.ladder.NextStep;
import ladder.model.ladder.TopicLevel;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.GoalStatus;
import ladder.model.roadmap.Roadmap;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.Role;
import ladder.webapp.labs.LabEntry;
import ladder.webapp.labs.LabService;
import ladder.webapp.ladder.LadderProgress;
import ladder.webapp.roadmap.RoadmapService;
import org.springframework.stereotype.Service;

/**
 * A learner's next steps: the goals they take part in that are ready (every prerequisite done), the next
 * rung per topic with the lab that would prove it, and their claims waiting for review.
 */
@Service
public class NextSteps {

    /** At most this many topics are named: the home is a pointer, the ladder has them all. */
    static final int TOPICS_SHOWN = 3;

    private final RoadmapService roadmaps;
    private final LadderProgress ladder;
    private final LabService labs;

    NextSteps(RoadmapService roadmaps, LadderProgress ladder, LabService labs) {
        this.roadmaps = roadmaps;
        this.ladder = ladder;
        this.labs = labs;
    }

    /**
     * @param readyGoals  titles of the ready goals they take part in
     * @param nextRungs   "Metrics → Ability (lab: metrics)", in the catalog's order
     * @param openClaims  how many of their claims wait for a mentor
     */
    public record Steps(List<String> readyGoals, List<String> nextRungs, int openClaims) {
    }

    /** A learner's next steps; empty for anyone without the learner role. */
    public Optional<Steps> of(AccountView learner) {
        if (!learner.hasRole(Role.LEARNER)) {
            return Optional.empty();
        }
        List<String> ready = new ArrayList<>();
        roadmaps.findDefault().ifPresent(snapshot -> {
            Roadmap roadmap = snapshot.roadmap();
            for (Goal goal : roadmap.goals()) {
                if (goal.participants().contains(learner.handle()) && goal.status() != GoalStatus.DONE
                        && roadmap.readiness(goal.id()).isReady()) {
                    ready.add(goal.title());
                }
            }
        });
        List<LabEntry> catalog = labs.catalog(learner);
        List<String> rungs = new ArrayList<>();
        for (TopicLevel level : ladder.topicLevels(learner.id())) {
            Optional<NextStep> next = level.next();
            if (next.isEmpty() || rungs.size() >= TOPICS_SHOWN) {
                continue;
            }
            String lab = catalog.stream()
                    // a lab at a rung proves the rungs below it too (the ladder is cumulative)
                    .filter(entry -> entry.topics().contains(level.topic().id()) && entry.rung().isAtLeast(next.get().rung())
                            && entry.passedAt() == null && entry.runnableHere())
                    .map(LabEntry::id).findFirst().map(id -> " (lab: " + id + ")").orElse("");
            rungs.add(level.topic().name() + " → " + next.get().rung().displayName() + lab);
        }
        return Optional.of(new Steps(ready, rungs, ladder.openClaims(learner.id()).size()));
    }
}
