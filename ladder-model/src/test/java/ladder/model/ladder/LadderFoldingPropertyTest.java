package ladder.model.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random histories of one learner on one topic, built only through {@link LadderPolicy}. */
class LadderFoldingPropertyTest {

    private static final TopicCatalog CATALOG = TopicCatalog.parse(
            "id\tname\tarea\tdescription\nmetrics\tMetrics\tObservability\t\n", "test");

    private final LadderPolicy policy = new LadderPolicy();

    sealed interface Step {
    }

    record SelfClaim(Rung rung, boolean evidence) implements Step {
    }

    record LabPass(Rung labMaximum, Rung rung) implements Step {
    }

    record MentorAssessment(Rung rung) implements Step {
    }

    /** A mentor's decision on the latest entry: 0 confirm, 1 decline, 2 adjust to {@code rung}. */
    record ReviewLatest(int kind, Rung rung) implements Step {
    }

    @Property(tries = 200)
    void without_adjustments_the_confirmed_rung_never_goes_down(@ForAll("withoutAdjustments") List<Step> steps) {
        List<Assessment> history = build(steps);

        Rung previous = null;
        for (int end = 0; end <= history.size(); end++) {
            Rung confirmed = fold(history.subList(0, end)).confirmed();
            if (previous != null) {
                assertThat(confirmed).isNotNull();
                assertThat(confirmed.isAtLeast(previous)).as("after %d entries", end).isTrue();
            }
            previous = confirmed;
        }
    }

    @Property(tries = 200)
    void a_rung_above_knowledge_is_always_backed_by_a_lab_or_a_mentor_and_above_ability_by_a_mentor(
            @ForAll("anySteps") List<Step> steps) {
        List<Assessment> history = build(steps);
        Rung confirmed = fold(history).confirmed();

        if (confirmed != null && confirmed.compareTo(LadderPolicy.SELF_ASSESSMENT_LIMIT) > 0) {
            List<Source> backing = history.stream()
                    .filter(entry -> entry.counts() && entry.rung() == confirmed)
                    .map(Assessment::source)
                    .toList();
            assertThat(backing).isNotEmpty().doesNotContain(Source.SELF);
            if (confirmed.compareTo(LadderPolicy.LAB_LIMIT) > 0) {
                assertThat(backing).contains(Source.MENTOR);
            }
        }
    }

    @Property(tries = 200)
    void every_open_claim_is_above_the_confirmed_rung_and_unreviewed(@ForAll("anySteps") List<Step> steps) {
        List<Assessment> history = build(steps);
        TopicLevel level = fold(history);

        for (Assessment claim : level.openClaims()) {
            assertThat(claim.state()).isEqualTo(AssessmentState.PENDING_REVIEW);
            assertThat(history).noneMatch(entry -> claim.id().equals(entry.reviewOf()));
            Rung confirmed = level.confirmed();
            assertThat(confirmed == null || claim.rung().compareTo(confirmed) > 0).isTrue();
        }
    }

    @Property(tries = 200)
    void the_next_step_is_the_rung_right_above_the_confirmed_one(@ForAll("anySteps") List<Step> steps) {
        TopicLevel level = fold(build(steps));

        Rung expected = level.confirmed() == null ? Rung.SYMBOLS : level.confirmed().next().orElse(null);
        assertThat(level.nextStep() == null ? null : level.nextStep().rung()).isEqualTo(expected);
    }

    private TopicLevel fold(List<Assessment> history) {
        return LadderState.fold("alice", CATALOG, history).topic("metrics").orElseThrow();
    }

    private List<Assessment> build(List<Step> steps) {
        List<Assessment> history = new ArrayList<>();
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        for (Step step : steps) {
            at = at.plusSeconds(60);
            try {
                history.add(switch (step) {
                    case SelfClaim(Rung rung, boolean evidence) -> policy.assess(
                            Claim.self("alice", "metrics", rung, evidence ? "evidence" : "", List.of(), ""),
                            UUID.randomUUID(), at);
                    case LabPass(Rung labMaximum, Rung rung) -> policy.assess(
                            Claim.lab("lab", labMaximum, "alice", "metrics", rung, "passed"), UUID.randomUUID(), at);
                    case MentorAssessment(Rung rung) -> policy.assess(
                            Claim.mentor("bob", "alice", "metrics", rung, "", List.of(), ""), UUID.randomUUID(), at);
                    case ReviewLatest(int kind, Rung rung) -> {
                        if (history.isEmpty()) {
                            throw new ClaimRefusedException("nothing to review");
                        }
                        ReviewDecision decision = switch (kind) {
                            case 0 -> new ReviewDecision.Confirm(null);
                            case 1 -> new ReviewDecision.Decline("no");
                            default -> new ReviewDecision.Adjust(rung, "adjusted");
                        };
                        yield policy.review(history, history.getLast().id(), "bob", decision, UUID.randomUUID(), at);
                    }
                });
            } catch (ClaimRefusedException refused) {
                // refused claims and reviews append nothing, as in the app
            }
        }
        return history;
    }

    @Provide
    Arbitrary<List<Step>> withoutAdjustments() {
        return steps(1);
    }

    @Provide
    Arbitrary<List<Step>> anySteps() {
        return steps(2);
    }

    private static Arbitrary<List<Step>> steps(int maxReviewKind) {
        Arbitrary<Rung> rungs = Arbitraries.of(Rung.class);
        Arbitrary<Step> step = Arbitraries.oneOf(
                Combinators.combine(rungs, Arbitraries.of(true, false)).as(SelfClaim::new),
                Combinators.combine(rungs, rungs).as(LabPass::new),
                rungs.map(MentorAssessment::new),
                Combinators.combine(Arbitraries.integers().between(0, maxReviewKind), rungs).as(ReviewLatest::new));
        return step.list().ofMaxSize(25);
    }
}
