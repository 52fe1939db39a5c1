package ladder.model.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LadderReviewTest {

    private final LadderPolicy policy = new LadderPolicy();
    private final History history = new History();

    @Test
    void confirming_a_pending_claim_appends_a_mentor_entry_that_names_the_claim_and_keeps_its_evidence() {
        Assessment claim = history.self("alerting", Rung.ABILITY, "wrote the disk-full alert");
        List<Assessment> before = history.entries();

        Assessment confirmation = history.review(claim, new ReviewDecision.Confirm("nice routing"));

        assertThat(confirmation.state()).isEqualTo(AssessmentState.CONFIRMED);
        assertThat(confirmation.source()).isEqualTo(Source.MENTOR);
        assertThat(confirmation.assessor()).isEqualTo("bob");
        assertThat(confirmation.rung()).isEqualTo(Rung.ABILITY);
        assertThat(confirmation.reviewOf()).isEqualTo(claim.id());
        assertThat(confirmation.reviewComment()).isEqualTo("nice routing");
        assertThat(confirmation.evidence()).isEqualTo("wrote the disk-full alert");
        assertThat(history.entries()).startsWith(before.toArray(Assessment[]::new)).hasSize(before.size() + 1);
    }

    @Test
    void a_confirmation_without_a_comment_has_no_review_comment() {
        Assessment claim = history.self("alerting", Rung.ABILITY, "evidence");

        assertThat(history.review(claim, new ReviewDecision.Confirm(" ")).reviewComment()).isNull();
    }

    @Test
    void adjusting_a_claim_records_the_mentors_rung_and_comment() {
        Assessment claim = history.self("slo", Rung.COMPETENCE, "I defined our SLOs");

        Assessment adjusted = history.review(claim, new ReviewDecision.Adjust(Rung.ACTION, "others do not rely on it yet"));

        assertThat(adjusted.state()).isEqualTo(AssessmentState.ADJUSTED);
        assertThat(adjusted.rung()).isEqualTo(Rung.ACTION);
        assertThat(adjusted.reviewComment()).isEqualTo("others do not rely on it yet");
        assertThat(adjusted.reviewOf()).isEqualTo(claim.id());
    }

    @Test
    void declining_a_claim_records_the_reason() {
        Assessment claim = history.self("tracing", Rung.ABILITY, "read about it");

        Assessment declined = history.review(claim, new ReviewDecision.Decline("reading is knowledge; run the lab"));

        assertThat(declined.state()).isEqualTo(AssessmentState.DECLINED);
        assertThat(declined.rung()).isEqualTo(Rung.ABILITY);
        assertThat(declined.reviewComment()).isEqualTo("reading is knowledge; run the lab");
    }

    @Test
    void a_decline_needs_a_reason_and_an_adjustment_needs_a_comment() {
        assertThatThrownBy(() -> new ReviewDecision.Decline(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new ReviewDecision.Adjust(Rung.DATA, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("comment");
    }

    @Test
    void a_claim_already_reviewed_cannot_be_confirmed_or_declined_again() {
        Assessment claim = history.self("alerting", Rung.ABILITY, "evidence");
        history.review(claim, new ReviewDecision.Decline("not enough"));

        assertThatThrownBy(() -> history.review(claim, new ReviewDecision.Confirm(null)))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessageContaining("already reviewed");
        assertThatThrownBy(() -> history.review(claim, new ReviewDecision.Decline("again")))
                .isInstanceOf(ClaimRefusedException.class);
    }

    @Test
    void a_confirmed_entry_cannot_be_confirmed_or_declined_but_can_be_adjusted_as_a_correction() {
        Assessment mentorAssessment = history.mentor("linux", Rung.COMPETENCE);

        assertThatThrownBy(() -> history.review(mentorAssessment, new ReviewDecision.Decline("wrong")))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessageContaining("confirmed");
        Assessment correction = history.review(mentorAssessment,
                new ReviewDecision.Adjust(Rung.ABILITY, "meant ability, clicked the wrong rung"));

        assertThat(correction.state()).isEqualTo(AssessmentState.ADJUSTED);
    }

    @Test
    void a_declined_entry_cannot_be_adjusted() {
        Assessment claim = history.self("alerting", Rung.ABILITY, "evidence");
        Assessment decline = history.review(claim, new ReviewDecision.Decline("no"));

        assertThatThrownBy(() -> history.review(decline, new ReviewDecision.Adjust(Rung.DATA, "hm")))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessageContaining("declined");
    }

    @Test
    void adjusting_to_the_rung_already_claimed_is_refused_in_favour_of_confirming() {
        Assessment claim = history.self("alerting", Rung.ACTION, "evidence");

        assertThatThrownBy(() -> history.review(claim, new ReviewDecision.Adjust(Rung.ACTION, "ok")))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessageContaining("confirm the claim instead");
    }

    @Test
    void a_learner_who_is_also_a_mentor_cannot_review_their_own_claim() {
        Assessment claim = history.self("alerting", Rung.ACTION, "evidence");

        assertThatThrownBy(() -> policy.review(history.entries(), claim.id(), "alice",
                new ReviewDecision.Confirm(null), UUID.randomUUID(), Instant.now()))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessageContaining("own assessment");
    }

    @Test
    void reviewing_an_id_missing_from_the_history_is_refused_naming_the_id() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> policy.review(history.entries(), missing, "bob",
                new ReviewDecision.Confirm(null), UUID.randomUUID(), Instant.now()))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void a_declined_or_adjusted_entry_must_name_what_it_reviews_and_a_pending_one_must_not() {
        for (AssessmentState state : List.of(AssessmentState.DECLINED, AssessmentState.ADJUSTED)) {
            assertThatThrownBy(() -> entry(state, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must name the entry it reviews");
        }
        assertThatThrownBy(() -> entry(AssessmentState.PENDING_REVIEW, UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot review");
    }

    private static Assessment entry(AssessmentState state, @Nullable UUID reviewOf) {
        return new Assessment(UUID.randomUUID(), "alice", "metrics", Rung.ABILITY, Source.MENTOR, state, "", List.of(),
                "", "bob", Instant.now(), reviewOf, "why");
    }
}
