package ladder.model.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ladder.model.ladder.NextStep.Requirement;

import org.junit.jupiter.api.Test;

class LadderStateTest {

    private static final TopicCatalog CATALOG = TopicCatalog.parse("""
            id\tname\tarea\tdescription\tability\tretired
            metrics\tMetrics\tObservability\tTime series.\tWrite a rate() query.
            alerting\tAlerting\tReliability\tAlert rules.
            nagios\tNagios\tObservability\tThe old way.\t\ttrue
            """, "test catalog");

    private final History history = new History();

    @Test
    void a_learner_without_history_sees_every_active_topic_starting_at_symbols_by_self_assessment() {
        LadderState state = history.fold(CATALOG);

        assertThat(state.topics()).extracting(level -> level.topic().id()).containsExactly("metrics", "alerting");
        TopicLevel metrics = level(state, "metrics");
        assertThat(metrics.confirmedRung()).isEmpty();
        assertThat(metrics.pending()).isEmpty();
        assertThat(metrics.next()).get().satisfies(step -> {
            assertThat(step.rung()).isEqualTo(Rung.SYMBOLS);
            assertThat(step.requirement()).isEqualTo(Requirement.SELF_ASSESSMENT);
            assertThat(step.text()).contains("Self-assess Metrics");
        });
    }

    @Test
    void a_self_assessment_of_knowledge_is_the_confirmed_rung_and_ability_is_next_via_a_lab_or_a_mentor() {
        history.self("metrics", Rung.KNOWLEDGE, "");

        TopicLevel metrics = level(history.fold(CATALOG), "metrics");

        assertThat(metrics.confirmed()).isEqualTo(Rung.KNOWLEDGE);
        NextStep next = metrics.nextStep();
        assertThat(next).isNotNull();
        assertThat(next.rung()).isEqualTo(Rung.ABILITY);
        assertThat(next.requirement()).isEqualTo(Requirement.LAB_OR_MENTOR_EVIDENCE);
        assertThat(next.text()).isEqualTo("Pass a lab on Metrics or show evidence to a mentor.");
        assertThat(next.rungDescription()).isEqualTo("Write a rate() query.");
    }

    @Test
    void above_ability_the_next_step_is_a_mentors_confirmation_of_the_next_rung() {
        history.lab("metrics", Rung.ABILITY);

        NextStep next = level(history.fold(CATALOG), "metrics").nextStep();

        assertThat(next).isNotNull();
        assertThat(next.rung()).isEqualTo(Rung.ACTION);
        assertThat(next.requirement()).isEqualTo(Requirement.MENTOR_CONFIRMATION);
        assertThat(next.text()).contains("mentor's confirmation of Action on Metrics").contains("will");
        assertThat(next.rungDescription()).isNull();
    }

    @Test
    void the_top_rung_has_no_next_step() {
        history.mentor("metrics", Rung.COMPETITIVENESS);

        assertThat(level(history.fold(CATALOG), "metrics").next()).isEmpty();
    }

    @Test
    void a_later_lower_confirmation_does_not_lower_the_confirmed_rung() {
        history.mentor("metrics", Rung.COMPETENCE);
        history.lab("metrics", Rung.ABILITY);
        history.self("metrics", Rung.DATA, "");

        assertThat(level(history.fold(CATALOG), "metrics").confirmed()).isEqualTo(Rung.COMPETENCE);
    }

    @Test
    void a_mentors_adjustment_lowers_the_confirmed_rung_and_later_confirmations_raise_it_again() {
        Assessment competence = history.mentor("metrics", Rung.COMPETENCE);
        history.review(competence, new ReviewDecision.Adjust(Rung.ABILITY, "not yet recognised by others"));
        assertThat(level(history.fold(CATALOG), "metrics").confirmed()).isEqualTo(Rung.ABILITY);

        history.mentor("metrics", Rung.ACTION);

        assertThat(level(history.fold(CATALOG), "metrics").confirmed()).isEqualTo(Rung.ACTION);
    }

    @Test
    void a_pending_claim_shows_as_pending_and_does_not_count_until_confirmed() {
        history.self("alerting", Rung.KNOWLEDGE, "");
        Assessment claim = history.self("alerting", Rung.ABILITY, "wrote the disk-full alert");

        TopicLevel before = level(history.fold(CATALOG), "alerting");
        assertThat(before.confirmed()).isEqualTo(Rung.KNOWLEDGE);
        assertThat(before.pending()).contains(claim);

        history.review(claim, new ReviewDecision.Confirm(null));
        TopicLevel after = level(history.fold(CATALOG), "alerting");

        assertThat(after.confirmed()).isEqualTo(Rung.ABILITY);
        assertThat(after.pending()).isEmpty();
        assertThat(after.history()).hasSize(3);
    }

    @Test
    void a_declined_claim_leaves_the_confirmed_rung_and_is_no_longer_pending() {
        history.self("alerting", Rung.INFORMATION, "");
        Assessment claim = history.self("alerting", Rung.ACTION, "I set up on-call");
        history.review(claim, new ReviewDecision.Decline("show an alert you added unprompted"));

        TopicLevel alerting = level(history.fold(CATALOG), "alerting");

        assertThat(alerting.confirmed()).isEqualTo(Rung.INFORMATION);
        assertThat(alerting.pending()).isEmpty();
        assertThat(alerting.history()).extracting(Assessment::state).containsExactly(
                AssessmentState.CONFIRMED, AssessmentState.PENDING_REVIEW, AssessmentState.DECLINED);
    }

    @Test
    void an_adjusted_claim_places_the_learner_on_the_mentors_rung() {
        Assessment claim = history.self("alerting", Rung.COMPETENCE, "I own our alerts");
        history.review(claim, new ReviewDecision.Adjust(Rung.ACTION, "not yet recognised by others"));

        TopicLevel alerting = level(history.fold(CATALOG), "alerting");

        assertThat(alerting.confirmed()).isEqualTo(Rung.ACTION);
        assertThat(alerting.pending()).isEmpty();
    }

    @Test
    void the_latest_of_several_open_claims_is_pending_and_all_are_in_the_review_queue() {
        Assessment ability = history.self("metrics", Rung.ABILITY, "a query");
        Assessment action = history.self("metrics", Rung.ACTION, "our dashboards");
        Assessment alerting = history.self("alerting", Rung.ABILITY, "an alert");

        LadderState state = history.fold(CATALOG);

        assertThat(level(state, "metrics").pending()).contains(action);
        assertThat(state.openClaims()).containsExactly(ability, action, alerting);
    }

    @Test
    void an_open_claim_reached_by_a_lab_pass_is_settled_and_no_longer_pending() {
        history.self("metrics", Rung.ABILITY, "I wrote some queries");
        history.lab("metrics", Rung.ABILITY);

        LadderState state = history.fold(CATALOG);

        assertThat(level(state, "metrics").confirmed()).isEqualTo(Rung.ABILITY);
        assertThat(level(state, "metrics").pending()).isEmpty();
        assertThat(state.openClaims()).isEmpty();
    }

    @Test
    void a_retired_topic_keeps_its_history_after_the_active_topics_without_a_next_step() {
        history.self("nagios", Rung.KNOWLEDGE, "");

        LadderState state = history.fold(CATALOG);

        assertThat(state.topics()).extracting(level -> level.topic().id())
                .containsExactly("metrics", "alerting", "nagios");
        TopicLevel nagios = level(state, "nagios");
        assertThat(nagios.topic().retired()).isTrue();
        assertThat(nagios.confirmed()).isEqualTo(Rung.KNOWLEDGE);
        assertThat(nagios.next()).isEmpty();
    }

    @Test
    void a_topic_missing_from_the_catalog_keeps_its_history_as_a_retired_topic() {
        history.self("cfengine", Rung.DATA, "");

        TopicLevel cfengine = level(history.fold(CATALOG), "cfengine");

        assertThat(cfengine.topic().retired()).isTrue();
        assertThat(cfengine.topic().name()).isEqualTo("cfengine");
        assertThat(cfengine.confirmed()).isEqualTo(Rung.DATA);
        assertThat(cfengine.next()).isEmpty();
    }

    @Test
    void folding_another_learners_entry_is_refused() {
        Assessment bobs = new LadderPolicy().assess(Claim.self("bob", "metrics", Rung.DATA, "", List.of(), ""),
                UUID.randomUUID(), Instant.now());

        assertThatThrownBy(() -> LadderState.fold("alice", CATALOG, List.of(bobs)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to 'bob', not to 'alice'");
    }

    @Test
    void topics_are_kept_apart() {
        history.mentor("metrics", Rung.ACTION);

        LadderState state = history.fold(CATALOG);

        assertThat(level(state, "alerting").confirmedRung()).isEmpty();
        assertThat(level(state, "alerting").history()).isEmpty();
    }

    private static TopicLevel level(LadderState state, String topicId) {
        return state.topic(topicId).orElseThrow(() -> new AssertionError("no level for " + topicId));
    }
}
