package ladder.webapp.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.List;
import java.util.Set;
import ladder.model.ladder.Rung;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.ladder.ClaimInput;
import ladder.webapp.ladder.LadderService;
import ladder.webapp.progress.Activity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** The mentor's team dashboard without a browser: who sees it, the review count, the feed and its filters. */
@SpringBootTest
class TeamDashboardViewTest extends SpringBrowserlessTest {

    @Autowired AccountService accounts;
    @Autowired LadderService ladder;

    @BeforeEach
    void people() {
        account("dashlearner", Role.LEARNER);
        account("dashmentor", Role.MENTOR);
        AccountView learner = accounts.find("dashlearner").orElseThrow();
        if (ladder.ladder(learner, "@dashlearner").openClaims().isEmpty()) {
            ladder.assess(learner, "@dashlearner", new ClaimInput("alerting", Rung.ABILITY, "wrote the disk alert", List.of(), ""));
            ladder.assess(learner, "@dashlearner", new ClaimInput("metrics", Rung.KNOWLEDGE, "", List.of(), ""));
        }
    }

    void account(String username, Role role) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new NewAccount(username, "Name of " + username, "@" + username, Set.of(role),
                    "a-long-enough-password"));
        }
    }

    @Test
    @WithMockUser(username = "dashmentor", roles = "MENTOR")
    void a_mentor_sees_the_review_count_the_levels_and_a_feed_filtered_by_learner_and_kind() {
        TeamDashboardView view = navigate(TeamDashboardView.class);

        assertThat(view.reviews.getElement().getTextRecursively()).containsPattern("\\d+ claims? waits? for review");
        assertThat(view.levels.getGenericDataView().getItems().map(l -> l.learner().handle())).contains("@dashlearner");

        view.learner.setValue("@dashlearner");
        List<Activity> mine = view.feed.getGenericDataView().getItems().toList();
        assertThat(mine).isNotEmpty().allSatisfy(a -> assertThat(a.learner()).isEqualTo("@dashlearner"));
        assertThat(mine).extracting(Activity::text).anySatisfy(text -> assertThat(text).contains("Alerting: Ability"));

        view.kind.setValue("lab");
        assertThat(view.feed.getGenericDataView().getItems()).isEmpty();
        view.kind.setValue("assessment");
        assertThat(view.feed.getGenericDataView().getItems()).hasSize(mine.size());
    }

    @Test
    @WithMockUser(username = "dashlearner", roles = "LEARNER")
    void a_learner_is_refused_the_dashboard() {
        Object shown;
        try {
            shown = navigate(TeamDashboardView.class);
        } catch (RuntimeException refused) {
            shown = refused;
        }
        assertThat(shown).isNotInstanceOf(TeamDashboardView.class);
        assertThat(getCurrentView()).isNotInstanceOf(TeamDashboardView.class);
    }
}
