package ladder.webapp.roadmap;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ladder.model.ladder.Rung;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.GoalCriteria;
import ladder.model.roadmap.GoalStatus;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.Role;
import ladder.webapp.labs.LabPassed;
import ladder.webapp.labs.LabService;
import ladder.webapp.ladder.ClaimReviewed;
import ladder.webapp.ladder.GuidedAssessmentSubmitted;
import ladder.webapp.ladder.LadderProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A goal's criteria ({@link GoalCriteria}, DOT attributes of its node) evaluated against the ladder, the
 * labs and mentors' approvals, and the goals that complete by themselves: when every criterion of a goal
 * is met it becomes done, recorded in its history with the reason. Criteria about people are judged for
 * each participant with the learner role (a mentor taking part has no ladder); a goal whose criteria need
 * a learner and has none is not met.
 *
 * <p>Goals are re-evaluated when a lab is passed, a guided assessment is submitted and a goal approved;
 * a level confirmed by a mentor's review counts at the next of these, or when the goal is opened.
 */
@Service
public class GoalCriteriaService {

    private static final Logger log = LoggerFactory.getLogger(GoalCriteriaService.class);

    private final RoadmapService roadmaps;
    private final GoalApprovals approvals;
    private final AccountService accounts;
    private final LadderProgress ladder;
    private final LabService labs;
    private final Clock clock;

    GoalCriteriaService(RoadmapService roadmaps, GoalApprovals approvals, AccountService accounts, LadderProgress ladder,
            LabService labs, Clock clock) {
        this.roadmaps = roadmaps;
        this.approvals = approvals;
        this.accounts = accounts;
        this.ladder = ladder;
        this.labs = labs;
        this.clock = clock;
    }

    /** Each criterion of the goal, met or not; empty when the goal has none. A malformed criterion is one not met. */
    @Transactional(readOnly = true)
    public List<GoalCriterion> evaluate(long roadmapId, Goal goal) {
        GoalCriteria criteria;
        try {
            criteria = GoalCriteria.of(goal);
        } catch (IllegalArgumentException e) {
            return List.of(new GoalCriterion("criteria as written", false, e.getMessage()));
        }
        if (criteria.isEmpty()) {
            return List.of();
        }
        List<GoalCriterion> result = new ArrayList<>();
        List<AccountView> learners = goal.participants().stream()
                .map(accounts::findByHandle).flatMap(Optional::stream)
                .filter(account -> account.enabled() && account.hasRole(Role.LEARNER)).toList();
        if (criteria.concernsParticipants() && learners.isEmpty()) {
            result.add(new GoalCriterion("a participant with the learner role", false,
                    "none of " + String.join(" ", goal.participants()) + " is a learner in Ladder"));
        }
        for (AccountView learner : learners) {
            if (!criteria.labs().isEmpty()) {
                Map<String, Instant> passed = labs.labsPassedBy(learner.id());
                for (String lab : criteria.labs()) {
                    result.add(new GoalCriterion(learner.handle() + " passed the lab " + lab, passed.containsKey(lab),
                            passed.containsKey(lab) ? "passed " + passed.get(lab).toString().substring(0, 10) : "not passed yet"));
                }
            }
            if (!criteria.levels().isEmpty()) {
                Map<String, Rung> levels = ladder.confirmedLevels(learner.id());
                criteria.levels().forEach((topic, rung) -> {
                    Rung at = levels.get(topic);
                    boolean met = at != null && at.isAtLeast(rung);
                    result.add(new GoalCriterion(learner.handle() + " at " + rung.displayName() + " or above on " + topic,
                            met, at == null ? "no confirmed level yet" : "confirmed at " + at.displayName()));
                });
            }
            if (criteria.topicsAssessed()) {
                boolean met = ladder.everyTopicAssessed(learner.id());
                result.add(new GoalCriterion(learner.handle() + " assessed on every topic, nothing waiting for review",
                        met, met ? "every topic has a confirmed level" : "a topic without a confirmed level, or a claim under review"));
            }
        }
        if (criteria.approver() != null) {
            List<String> approvedBy = approvals.approvers(roadmapId, goal.id()).stream()
                    .map(id -> accounts.find(id).map(AccountView::handle).orElse("#" + id))
                    .toList();
            boolean any = criteria.approver().equals(GoalCriteria.ANY_MENTOR);
            boolean met = any ? !approvedBy.isEmpty() : approvedBy.contains(criteria.approver());
            result.add(new GoalCriterion(any ? "a mentor's approval" : "approval by " + criteria.approver(), met,
                    met ? "approved by " + String.join(", ", approvedBy) : "not approved yet"));
        }
        return result;
    }

    /** Whether {@code actor} may approve the goal now: a mentor or admin its approval criterion names, not yet approved. */
    @Transactional(readOnly = true)
    public boolean mayApprove(long roadmapId, Goal goal, AccountView actor) {
        String approver;
        try {
            approver = GoalCriteria.of(goal).approver();
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean mentor = actor.isMentorOrAdmin();
        return approver != null && mentor && (approver.equals(GoalCriteria.ANY_MENTOR) || approver.equals(actor.handle()))
                && !approvals.approvers(roadmapId, goal.id()).contains(actor.id());
    }

    /**
     * A mentor approves a goal whose criteria ask for it, then the goal is re-evaluated.
     *
     * @throws RoadmapAccessDeniedException when the goal asks for no approval or not this mentor's
     */
    @Transactional
    public void approve(long roadmapId, String goalId, AccountView actor) {
        Goal goal = roadmaps.get(roadmapId).roadmap().goal(goalId)
                .orElseThrow(() -> new NoSuchRoadmapException("no goal '" + goalId + "'"));
        if (!mayApprove(roadmapId, goal, actor)) {
            throw new RoadmapAccessDeniedException("goal '" + goalId + "' does not wait for an approval by "
                    + actor.handle());
        }
        approvals.record(roadmapId, goalId, actor.id(), actor.handle(), clock.instant());
        completeIfMet(roadmapId, goalId);
    }

    /** Marks the goal done when it has criteria and all are met; returns whether it did. */
    @Transactional
    public boolean completeIfMet(long roadmapId, String goalId) {
        Optional<Goal> goal = roadmaps.get(roadmapId).roadmap().goal(goalId);
        if (goal.isEmpty() || goal.get().status() == GoalStatus.DONE) {
            return false;
        }
        List<GoalCriterion> criteria = evaluate(roadmapId, goal.get());
        if (criteria.isEmpty() || !criteria.stream().allMatch(GoalCriterion::met)) {
            return false;
        }
        roadmaps.completeByCriteria(roadmapId, goalId, criteria.stream().map(c -> c.text() + " (" + c.detail() + ")")
                .collect(Collectors.joining("; ")));
        return true;
    }

    /** Completes every goal of every roadmap whose criteria are all met; returns how many. */
    @Transactional
    public int completeMetGoals() {
        int done = 0;
        for (RoadmapSummary summary : roadmaps.list()) {
            if (summary.damage() != null) {
                continue;
            }
            for (Goal goal : roadmaps.get(summary.id()).roadmap().goals()) {
                if (completeIfMet(summary.id(), goal.id())) {
                    done++;
                }
            }
        }
        return done;
    }

    // after the ladder has recorded the lab's evidence (LabEvidenceRecorder is ordered first), so that a
    // levels_reached criterion sees it
    @ApplicationModuleListener
    @Order(100)
    void onLabPassed(LabPassed passed) {
        reevaluate("lab " + passed.labId() + " passed");
    }

    @ApplicationModuleListener
    void onGuidedAssessment(GuidedAssessmentSubmitted submitted) {
        reevaluate("guided assessment of " + submitted.handle());
    }

    @ApplicationModuleListener
    void onClaimReviewed(ClaimReviewed reviewed) {
        reevaluate("a claim of " + reviewed.handle() + " reviewed");
    }

    private void reevaluate(String why) {
        try {
            int done = completeMetGoals();
            if (done > 0) {
                log.info("{}: {} goals completed by their criteria", why, done);
            }
        } catch (RuntimeException e) {
            // the lab result and the assessment stand; the goals are evaluated again at the next trigger
            log.warn("{}: goal criteria could not be evaluated: {}", why, e.toString());
        }
    }
}
