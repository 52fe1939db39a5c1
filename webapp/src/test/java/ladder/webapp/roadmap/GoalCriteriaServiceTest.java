package ladder.webapp.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import ladder.model.ladder.ReviewDecision;
import ladder.model.ladder.Rung;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.GoalStatus;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.ladder.ClaimInput;
import ladder.webapp.ladder.LadderService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Goal criteria against the real ladder and approvals: met or not with what is missing, approval, auto-done. */
@SpringBootTest
class GoalCriteriaServiceTest {

    static final String PASSWORD = "a-long-enough-password";

    @Autowired GoalCriteriaService criteria;
    @Autowired RoadmapService roadmaps;
    @Autowired AccountService accounts;
    @Autowired LadderService ladder;

    AccountView learner;
    AccountView approver;
    AccountView otherMentor;

    @BeforeEach
    void people() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        learner = accounts.create(new NewAccount("gl" + suffix, "L", "@gl" + suffix, Set.of(Role.LEARNER), PASSWORD));
        approver = accounts.create(new NewAccount("gm" + suffix, "M", "@gm" + suffix, Set.of(Role.MENTOR), PASSWORD));
        otherMentor = accounts.create(new NewAccount("go" + suffix, "O", "@go" + suffix, Set.of(Role.MENTOR), PASSWORD));
    }

    Goal goal(long roadmapId, String id) {
        return roadmaps.get(roadmapId).roadmap().goal(id).orElseThrow();
    }

    @Test
    void a_goal_is_done_by_itself_once_the_level_is_reached_and_the_named_mentor_approved() {
        long id = roadmaps.create("criteria " + learner.handle(), "digraph { g [participants=\"" + learner.handle()
                + "\", levels_reached=\"metrics:knowledge\", approval=\"" + approver.handle() + "\"] }", approver).id();

        List<GoalCriterion> before = criteria.evaluate(id, goal(id, "g"));
        assertThat(before).extracting(GoalCriterion::text).containsExactly(
                learner.handle() + " at Knowledge or above on metrics", "approval by " + approver.handle());
        assertThat(before).extracting(GoalCriterion::met).containsExactly(false, false);
        assertThat(before.getFirst().detail()).isEqualTo("no confirmed level yet");

        ladder.assess(learner, learner.handle(), new ClaimInput("metrics", Rung.KNOWLEDGE, "", List.of(), ""));
        assertThat(criteria.completeIfMet(id, "g")).as("the approval is still missing").isFalse();
        assertThat(criteria.evaluate(id, goal(id, "g")).getFirst().met()).isTrue();

        assertThat(criteria.mayApprove(id, goal(id, "g"), otherMentor)).isFalse();
        assertThat(criteria.mayApprove(id, goal(id, "g"), learner)).isFalse();
        assertThatThrownBy(() -> criteria.approve(id, "g", otherMentor)).isInstanceOf(RoadmapAccessDeniedException.class);
        assertThat(criteria.mayApprove(id, goal(id, "g"), approver)).isTrue();
        criteria.approve(id, "g", approver);

        assertThat(goal(id, "g").status()).isEqualTo(GoalStatus.DONE);
        assertThat(roadmaps.history(id, "g")).anySatisfy(change -> {
            assertThat(change.who()).isEqualTo(RoadmapService.CRITERIA_ACTOR);
            assertThat(change.what()).isEqualTo("criteria met");
            assertThat(change.after()).contains("approved by " + approver.handle());
        });
        assertThat(criteria.mayApprove(id, goal(id, "g"), approver)).as("approved once").isFalse();
    }

    @Test
    void a_mentor_confirming_the_level_completes_the_goal_without_another_trigger() throws InterruptedException {
        long id = roadmaps.create("review " + learner.handle(), "digraph { g [participants=\"" + learner.handle()
                + "\", levels_reached=\"metrics:ability\"] }", approver).id();
        UUID claim = ladder.assess(learner, learner.handle(),
                new ClaimInput("metrics", Rung.ABILITY, "I run our Prometheus", List.of(), "")).id();
        assertThat(goal(id, "g").status()).as("a claim waiting for review is no level yet").isEqualTo(GoalStatus.PENDING);

        ladder.review(approver, claim, new ReviewDecision.Confirm("seen it"));

        // the reaction runs after the review's transaction, on its own (an application module listener)
        for (int i = 0; i < 100 && goal(id, "g").status() != GoalStatus.DONE; i++) {
            Thread.sleep(100);
        }
        assertThat(goal(id, "g").status()).isEqualTo(GoalStatus.DONE);
        assertThat(roadmaps.history(id, "g")).anySatisfy(change -> assertThat(change.what()).isEqualTo("criteria met"));
    }

    @Test
    void criteria_about_people_need_a_learner_among_the_participants_and_a_bad_criterion_is_not_met() {
        long id = roadmaps.create("no learner " + learner.handle(), "digraph { m [participants=\"" + approver.handle()
                + "\", topics_assessed=all]; bad [participants=\"" + learner.handle() + "\", levels_reached=\"metrics:mastery\"];"
                + " none [participants=\"" + learner.handle() + "\"] }", approver).id();

        List<GoalCriterion> mentorsOnly = criteria.evaluate(id, goal(id, "m"));
        assertThat(mentorsOnly).singleElement().satisfies(c -> {
            assertThat(c.met()).isFalse();
            assertThat(c.detail()).contains("is a learner");
        });
        assertThat(criteria.evaluate(id, goal(id, "bad"))).singleElement().satisfies(c -> {
            assertThat(c.met()).isFalse();
            assertThat(c.detail()).contains("unknown rung 'mastery'");
        });
        assertThat(criteria.evaluate(id, goal(id, "none"))).isEmpty();
        criteria.completeMetGoals();
        assertThat(goal(id, "none").status()).as("no criteria: done by hand only").isEqualTo(GoalStatus.PENDING);
    }
}
