package ladder.webapp.ladder.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import ladder.model.ladder.AssessmentState;
import ladder.model.ladder.Rung;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.ladder.GuidedAssessmentSubmitted;
import ladder.webapp.ladder.LadderService;
import ladder.webapp.ladder.TopicService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The ladder's views without a browser: a learner's ladder, the guided assessment, reviews, team, topics. */
@SpringBootTest
@RecordApplicationEvents
class LadderViewsTest extends SpringBrowserlessTest {

    @Autowired AccountService accounts;
    @Autowired LadderService ladder;
    @Autowired CurrentUser currentUser;
    @Autowired TopicService topics;
    @Autowired ApplicationEvents events;

    @BeforeEach
    void people() {
        account("klearner", Role.LEARNER);
        account("kother", Role.LEARNER);
        account("kmentor", Role.MENTOR);
        account("kguided", Role.LEARNER);
    }

    void account(String username, Role role) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(new NewAccount(username, "Name of " + username, "@" + username, Set.of(role),
                    "a-long-enough-password"));
        }
    }

    static Set<String> classes(LadderPicture picture, String topic, Rung rung) {
        return picture.getChildren()
                .filter(cell -> topic.equals(cell.getElement().getAttribute("data-topic"))
                        && rung.id().equals(cell.getElement().getAttribute("data-rung")))
                .findFirst().orElseThrow().getClassNames();
    }

    static String text(Component component) {
        return component.getElement().getTextRecursively();
    }

    @Test
    @WithMockUser(username = "klearner", roles = "LEARNER")
    void a_learner_assesses_a_topic_and_the_picture_shows_confirmed_and_pending_rungs() {
        LadderView view = navigate(LadderView.class);
        assertThat(view.title.getText()).isEqualTo("My knowledge ladder");
        assertThat(view.picture).isNotNull();
        assertThat(view.picture.getChildren().filter(c -> c.hasClassName("kl-head")).count()).isEqualTo(8);

        // a topic not assessed yet is closed, and its body is built when it is opened
        assertThat(view.topicDetails.get("slo").isOpened()).isFalse();
        assertThat(view.assessButtons).doesNotContainKey("slo");
        assertThat(text(view.topicDetails.get("slo"))).doesNotContain("Assess myself");
        view.topicDetails.get("slo").setOpened(true);
        assertThat(text(view.topicDetails.get("slo"))).contains("Assess myself", "No assessments yet.");
        view.assessButtons.get("slo").click();
        roundTrip();
        view.dialog.picker.rung.setValue(Rung.KNOWLEDGE);
        assertThat(view.dialog.decision.getText()).startsWith("Stands at once");
        test(view.dialog.save).click();
        assertThat(classes(view.picture, "slo", Rung.KNOWLEDGE)).contains("kl-filled");
        assertThat(classes(view.picture, "slo", Rung.ABILITY)).contains("kl-next");

        view.assessButtons.get("slo").click();
        roundTrip();
        view.dialog.picker.rung.setValue(Rung.COMPETENCE);
        assertThat(view.dialog.decision.getText()).contains("Not yet");
        test(view.dialog.save).click();
        assertThat(view.dialog.isOpened()).isTrue();
        assertThat(view.dialog.error.getText()).contains("evidence");

        view.dialog.picker.evidence.setValue("ran the SLO review for checkout");
        view.dialog.picker.links.setValue("https://example.org/slo-doc");
        test(view.dialog.save).click();
        assertThat(view.dialog.isOpened()).isFalse();
        assertThat(classes(view.picture, "slo", Rung.COMPETENCE)).contains("kl-pending");
        assertThat(text(view.topicDetails.get("slo"))).contains("waiting for a mentor's review",
                "ran the SLO review for checkout", "https://example.org/slo-doc");
    }

    @Test
    @WithMockUser(username = "klearner", roles = "LEARNER")
    void a_learner_guessing_another_handle_is_refused_and_sees_none_of_their_data() {
        WithOther.claim(ladder, accounts, "kother");
        LadderView view = navigate("ladder/@kother", LadderView.class);
        assertThat(view.message.getText()).isEqualTo("You may only see your own ladder.");
        assertThat(view.picture).isNull();
        assertThat(text(view)).doesNotContain("kother's evidence", "Name of kother");
        assertThat(view.learnerPicker.isAttached()).isFalse();
    }

    @Test
    @WithMockUser(username = "klearner", roles = "LEARNER")
    void a_learner_cannot_open_the_mentor_views() {
        for (Class<? extends Component> view : List.of(ReviewQueueView.class, TeamView.class, TopicsView.class)) {
            Object shown;
            try {
                shown = navigate(view);
            } catch (RuntimeException refused) {
                shown = refused;
            }
            assertThat(shown).as(view.getSimpleName()).isNotInstanceOf(view);
        }
    }

    @Test
    @WithMockUser(username = "kmentor", roles = "MENTOR")
    void a_mentor_confirms_a_claim_from_the_queue_and_the_learner_sees_the_comment() {
        WithOther.claim(ladder, accounts, "kother");
        ReviewQueueView queue = navigate(ReviewQueueView.class);
        ReviewQueueView.ReviewCard card = queue.cards.get("kother-incident-response");
        assertThat(card).isNotNull();
        assertThat(text(card)).contains("Name of kother", "kother's evidence", "claims 6 · Action");

        test(card.decline).click();
        assertThat(card.error.getText()).contains("reason");
        card.comment.setValue("seen you lead the outage call");
        test(card.confirm).click();
        assertThat(queue.cards).doesNotContainKey("kother-incident-response");

        LadderView view = navigate("ladder/@kother", LadderView.class);
        assertThat(view.title.getText()).isEqualTo("Knowledge ladder of Name of kother");
        assertThat(classes(view.picture, "incident-response", Rung.ACTION)).contains("kl-filled");
        assertThat(text(view.topicDetails.get("incident-response")))
                .contains("confirmed by @kmentor", "Mentor's comment: seen you lead the outage call");
    }

    @Test
    @WithMockUser(username = "kmentor", roles = "MENTOR")
    void the_team_view_shows_every_learner_with_confirmed_rungs_and_pending_claims() {
        WithOther.claim(ladder, accounts, "kother");
        TeamView team = navigate(TeamView.class);
        List<String> learners = team.team.stream().map(member -> member.learner().handle()).toList();
        assertThat(learners).contains("@klearner", "@kother").doesNotContain("@kmentor");
        Component cell = team.table.getChildren()
                .filter(c -> "@kother".equals(c.getElement().getAttribute("data-learner"))
                        && "incident-response".equals(c.getElement().getAttribute("data-topic")))
                .findFirst().orElseThrow();
        assertThat(cell.getClassNames()).contains("kl-team-pending");
        assertThat(cell.getElement().getAttribute("title")).contains("pending claim: ");
        assertThat($(Anchor.class).all().stream().map(Anchor::getHref)).contains("ladder/@kother");
    }

    @Test
    @WithMockUser(username = "kmentor", roles = "MENTOR")
    void a_mentor_adds_edits_and_retires_a_topic() {
        TopicsView view = navigate(TopicsView.class);
        test(view.create).click();
        roundTrip();
        test(view.dialog.id).setValue("service-mesh");
        test(view.dialog.name).setValue("Service mesh");
        test(view.dialog.area).setValue("Platform");
        test(view.dialog.description).setValue("Sidecars, mTLS and traffic policy.");
        test(view.dialog.save).click();
        assertThat(topics.catalog().find("service-mesh")).isPresent();

        view.openEdit(topics.editableTopics().stream().filter(t -> t.topic().id().equals("service-mesh"))
                .findFirst().orElseThrow());
        roundTrip();
        test(view.dialog.description).setValue("Sidecars, mTLS, retries and traffic policy.");
        test(view.dialog.save).click();
        assertThat(topics.catalog().find("service-mesh").orElseThrow().description()).contains("retries");

        view.toggleRetired(topics.editableTopics().stream().filter(t -> t.topic().id().equals("service-mesh"))
                .findFirst().orElseThrow());
        assertThat(topics.catalog().find("service-mesh").orElseThrow().retired()).isTrue();
        assertThat(topics.catalog().active()).noneMatch(t -> t.id().equals("service-mesh"));
    }

    @Test
    @WithMockUser(username = "kguided", roles = "LEARNER")
    void the_guided_assessment_walks_every_active_topic_then_records_the_claims_and_announces_it() {
        GuidedAssessmentView view = navigate(GuidedAssessmentView.class);
        int active = topics.catalog().active().size();
        assertThat(view.levels).hasSize(active);
        assertThat(view.progressText.getText()).startsWith("Topic 1 of " + active);

        view.pickers.get(0).rung.setValue(Rung.INFORMATION);
        test(view.next).click();
        view.pickers.get(1).rung.setValue(Rung.ABILITY);
        test(view.next).click();
        assertThat(view.index).isEqualTo(1);
        assertThat(view.error.getText()).contains("evidence");
        view.pickers.get(1).evidence.setValue("built the log pipeline in the lab");
        test(view.next).click();
        while (view.next.isVisible()) {
            test(view.next).click();
        }
        assertThat(view.submit.isVisible()).isTrue();
        assertThat(text(view.step)).contains("stands at once", "a mentor reviews it");
        test(view.submit).click();

        var history = ladder.history(currentUser.require(), "@kguided", null);
        assertThat(history).extracting(entry -> entry.state())
                .containsExactlyInAnyOrder(AssessmentState.CONFIRMED, AssessmentState.PENDING_REVIEW);
        assertThat(events.stream(GuidedAssessmentSubmitted.class).map(GuidedAssessmentSubmitted::handle)
                .collect(Collectors.toList())).contains("@kguided");
    }

    @Test
    @WithMockUser(username = "kmentor", roles = "MENTOR")
    void a_mentors_assessment_from_a_learners_ladder_is_confirmed_at_once() {
        LadderView view = navigate("ladder/@klearner", LadderView.class);
        assertThat(view.guided.isVisible()).isFalse();
        assertThat(view.learnerPicker.getValue().handle()).isEqualTo("@klearner");
        view.topicDetails.get("kubernetes").setOpened(true);
        view.assessButtons.get("kubernetes").click();
        roundTrip();
        view.dialog.picker.rung.setValue(Rung.COMPETENCE);
        assertThat(view.dialog.decision.getText()).startsWith("Stands at once");
        test(view.dialog.save).click();

        assertThat(classes(view.picture, "kubernetes", Rung.COMPETENCE)).contains("kl-filled");
        assertThat(text(view.topicDetails.get("kubernetes"))).contains("@kmentor (mentor) claimed 7 · Competence",
                "confirmed at once");
    }

    @Test
    @WithMockUser(username = "kmentor", roles = "MENTOR")
    void a_mentor_adjusts_a_claim_only_with_a_comment() {
        account("kadjust", Role.LEARNER);
        WithOther.claim(ladder, accounts, "kadjust");
        ReviewQueueView queue = navigate(ReviewQueueView.class);
        ReviewQueueView.ReviewCard card = queue.cards.get("kadjust-incident-response");
        card.rung.setValue(Rung.ABILITY);
        test(card.adjust).click();
        assertThat(card.error.getText()).contains("Say why");
        assertThat(queue.cards).containsKey("kadjust-incident-response");

        card.comment.setValue("you followed the runbook; leading comes next");
        test(card.adjust).click();
        assertThat(queue.cards).doesNotContainKey("kadjust-incident-response");
        var level = ladder.ladder(currentUser.require(), "@kadjust").topic("incident-response").orElseThrow();
        assertThat(level.confirmed()).isEqualTo(Rung.ABILITY);
        assertThat(level.history().getLast().reviewComment()).isEqualTo("you followed the runbook; leading comes next");
    }
}
