package ladder.webapp.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.TopicLevel;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.GoalStatus;
import ladder.model.roadmap.Roadmap;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.labs.LabCheckRun;
import ladder.webapp.labs.LabService;
import ladder.webapp.labs.LabSessionInfo;
import ladder.webapp.ladder.LadderService;
import ladder.webapp.ladder.LearnerLadder;
import ladder.webapp.roadmap.RoadmapChange;
import ladder.webapp.roadmap.RoadmapService;
import ladder.webapp.roadmap.RoadmapSnapshot;
import org.springframework.stereotype.Service;

/**
 * The mentor's view of the whole team, put together from the roadmap, ladder and labs services (which
 * apply their own access rules: only mentors and admins get the team).
 */
@Service
public class TeamProgress {

    private final LadderService ladder;
    private final LabService labs;
    private final RoadmapService roadmaps;
    private final AccountService accounts;

    TeamProgress(LadderService ladder, LabService labs, RoadmapService roadmaps, AccountService accounts) {
        this.ladder = ladder;
        this.labs = labs;
        this.roadmaps = roadmaps;
        this.accounts = accounts;
    }

    /** The default roadmap, if there is one. */
    public Optional<RoadmapSnapshot> roadmap() {
        return roadmaps.findDefault();
    }

    /** Every learner's ladder (mentors and admins only, see {@link LadderService#team}). */
    public List<LearnerLadder> ladders(AccountView actor) {
        return ladder.team(actor);
    }

    /** How many claims wait for a mentor's review. */
    public int reviewQueueSize(AccountView actor) {
        return ladder.reviewQueue(actor).size();
    }

    /** The labs each learner passed, by lab id with the date it was first passed. */
    public Map<String, Instant> labsPassed(long accountId) {
        return labs.labsPassedBy(accountId);
    }

    /** The status of each goal of the default roadmap a learner takes part in, in the roadmap's order. */
    public static Map<String, GoalStatus> goalsOf(Roadmap roadmap, String handle) {
        Map<String, GoalStatus> goals = new LinkedHashMap<>();
        for (Goal goal : roadmap.goals()) {
            if (goal.participants().contains(handle)) {
                goals.put(goal.id(), goal.status());
            }
        }
        return goals;
    }

    /** The activity feed: assessments, reviews, lab results and goal changes, newest first. */
    public List<Activity> feed(AccountView actor) {
        List<Activity> feed = new ArrayList<>();
        for (LearnerLadder learner : ladders(actor)) {
            String handle = learner.learner().handle();
            for (TopicLevel level : learner.ladder().topics()) {
                for (Assessment entry : level.history()) {
                    boolean review = entry.isReview();
                    feed.add(new Activity(entry.at(), review ? Activity.Kind.REVIEW : Activity.Kind.ASSESSMENT, handle,
                            level.topic().name() + ": " + entry.rung().displayName() + ", "
                                    + entry.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                    + " (" + entry.source().name().toLowerCase(Locale.ROOT) + ", " + entry.assessor() + ")"
                                    + (entry.reviewComment() == null ? "" : ": " + entry.reviewComment())));
                }
            }
        }
        for (LabSessionInfo session : labs.sessions(actor)) {
            for (LabCheckRun run : labs.checkRuns(actor, session.id())) {
                long passed = run.checks().stream().filter(check -> check.passed()).count();
                feed.add(new Activity(run.ranAt(), Activity.Kind.LAB, session.owner(), session.title() + ": "
                        + (run.passed() ? "every check passed" : passed + " of " + run.checks().size() + " checks passed")));
            }
        }
        roadmap().ifPresent(snapshot -> {
            for (RoadmapChange change : roadmaps.history(snapshot.id(), null)) {
                if (change.goalId() == null) {
                    continue;
                }
                String who = accounts.find(change.who()).map(AccountView::handle).orElse(change.who());
                feed.add(new Activity(change.at(), Activity.Kind.GOAL, who, change.goalId() + ": " + change.what()
                        + (change.after() == null ? "" : " → " + shorten(change.after()))));
            }
        });
        feed.sort(Comparator.comparing(Activity::at).reversed());
        return feed;
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
