package ladder.webapp.roadmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.Set;
import java.util.UUID;
import ladder.model.roadmap.GoalStatus;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.roadmap.RoadmapService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** A goal's criteria in its dialog: each met or not with what is missing, and the Approve button. */
@SpringBootTest
@WithMockUser(username = "critmentor", roles = "MENTOR")
class GoalCriteriaDialogTest extends SpringBrowserlessTest {

    @Autowired RoadmapService roadmaps;
    @Autowired AccountService accounts;

    @BeforeEach
    void people() {
        for (String[] person : new String[][] {{"critmentor", "MENTOR"}, {"critlearner", "LEARNER"}}) {
            if (accounts.find(person[0]).isEmpty()) {
                accounts.create(new NewAccount(person[0], "Name of " + person[0], "@" + person[0],
                        Set.of(Role.valueOf(person[1])), "a-long-enough-password"));
            }
        }
    }

    @Test
    void the_dialog_shows_each_criterion_and_the_named_mentor_approves_until_the_goal_is_done() {
        long id = roadmaps.create("criteria-" + UUID.randomUUID().toString().substring(0, 8),
                "digraph { g [participants=\"@critlearner\", labs_passed=\"metrics\", approval=\"@critmentor\"];"
                        + " h [participants=\"@critlearner\", approval=mentor]; plain }",
                accounts.find("critmentor").orElseThrow()).id();
        RoadmapView view = navigate(RoadmapView.class);
        view.show(id);

        view.openGoal("g");
        roundTrip();
        GoalDialog dialog = view.goalDialog;
        String criteria = dialog.criteriaList.getElement().getTextRecursively();
        assertThat(criteria).contains("✗ @critlearner passed the lab metrics — not passed yet",
                "✗ approval by @critmentor — not approved yet");
        assertThat(dialog.approve.isVisible()).isTrue();
        test(dialog.approve).click();
        assertThat(dialog.criteriaList.getElement().getTextRecursively()).contains("✓ approval by @critmentor — approved by @critmentor");
        assertThat(dialog.approve.isVisible()).as("approved once").isFalse();
        assertThat(roadmaps.get(id).roadmap().goal("g").orElseThrow().status()).as("the lab is still missing")
                .isEqualTo(GoalStatus.PENDING);

        view.openGoal("h");
        roundTrip();
        dialog = view.goalDialog;
        test(dialog.approve).click();
        assertThat(roadmaps.get(id).roadmap().goal("h").orElseThrow().status()).isEqualTo(GoalStatus.DONE);
        assertThat(dialog.status.getValue()).isEqualTo(GoalStatus.DONE);
        assertThat(dialog.history.getListDataView().getItems()).anySatisfy(change -> {
            assertThat(change.who()).isEqualTo(RoadmapService.CRITERIA_ACTOR);
            assertThat(change.what()).isEqualTo("criteria met");
        });

        view.openGoal("plain");
        roundTrip();
        assertThat(view.goalDialog.criteriaList.getElement().getTextRecursively())
                .isEqualTo("No criteria: the goal is marked done by hand.");
        assertThat(view.goalDialog.approve.isVisible()).isFalse();
    }
}
