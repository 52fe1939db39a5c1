package ladder.model.ladder;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import ladder.model.ladder.ClaimDecision.State;

import org.jspecify.annotations.Nullable;

/**
 * The ladder's rules: what a claim needs, what state it is recorded with, and how a mentor's
 * review turns into a new entry of the history. Stateless and thread-safe.
 *
 * <h2>Claims</h2>
 * Claims are cumulative: a claim at a rung includes every rung below it.
 * <ul>
 *   <li>{@link Source#SELF}: up to {@link Rung#KNOWLEDGE} a self-assessment stands and is confirmed
 *       at once, with or without evidence. From {@link Rung#ABILITY} up it needs non-blank evidence
 *       text and then waits for a mentor's review ({@code PENDING_REVIEW}); without evidence text
 *       it is refused.</li>
 *   <li>{@link Source#MENTOR}: a mentor's own assessment is confirmed at once at any rung, with or
 *       without evidence text; a mentor's assessment of themselves is refused.</li>
 *   <li>{@link Source#LAB}: a passed lab proves at most the rung its definition names, and never
 *       more than {@link Rung#ABILITY}, because {@link Rung#ACTION} and above need a mentor's
 *       confirmation. A lab claim above that limit is <em>capped</em>, not refused: it is confirmed
 *       at the limit and the reason says so, because the lab was passed and that evidence should not
 *       be lost. The decision's {@link ClaimDecision#rung()} is the rung recorded.</li>
 * </ul>
 *
 * <h2>Reviews</h2>
 * A mentor (never the learner themselves) decides on an open pending claim: confirm it, decline it
 * with a reason, or adjust it to another rung with a comment. Adjust also corrects an entry that
 * counted (confirmed or adjusted), which is how a mentor lowers a rung. Every decision is a new
 * {@link Assessment} naming the reviewed one; nothing is overwritten.
 */
public final class LadderPolicy {

    /** The highest rung a learner's own word can confirm. */
    public static final Rung SELF_ASSESSMENT_LIMIT = Rung.KNOWLEDGE;

    /** The highest rung a lab can prove, whatever its definition names. */
    public static final Rung LAB_LIMIT = Rung.ABILITY;

    /**
     * Decides what happens to a claim, without recording it: for previews ("what does this need?")
     * and as the first step of {@link #assess}.
     */
    public ClaimDecision decide(Claim claim) {
        Rung rung = claim.rung();
        return switch (claim.source()) {
            case SELF -> decideSelf(claim, rung);
            case MENTOR -> claim.assessor().equals(claim.learner())
                    ? new ClaimDecision(State.REFUSED, rung,
                            "A mentor cannot assess themselves; ask another mentor.")
                    : new ClaimDecision(State.CONFIRMED, rung,
                            "A mentor's assessment stands at once.");
            case LAB -> decideLab(claim, rung);
        };
    }

    private static ClaimDecision decideSelf(Claim claim, Rung rung) {
        if (SELF_ASSESSMENT_LIMIT.isAtLeast(rung)) {
            return new ClaimDecision(State.CONFIRMED, rung,
                    "Up to " + SELF_ASSESSMENT_LIMIT.displayName() + " a self-assessment stands.");
        }
        boolean hasEvidence = !claim.evidence().isBlank();
        if (rung == Rung.ABILITY) {
            return hasEvidence
                    ? new ClaimDecision(State.PENDING_REVIEW, rung,
                            "Ability needs evidence: a mentor reviews yours (passing a lab proves it at once).")
                    : new ClaimDecision(State.REFUSED, rung,
                            "Ability needs evidence: describe what you built, ran or debugged, or pass a lab.");
        }
        return hasEvidence
                ? new ClaimDecision(State.PENDING_REVIEW, rung,
                        rung.displayName() + " needs a mentor's confirmation: a mentor reviews your evidence.")
                : new ClaimDecision(State.REFUSED, rung,
                        rung.displayName() + " needs a mentor's confirmation: describe the evidence"
                                + " a mentor should review.");
    }

    private static ClaimDecision decideLab(Claim claim, Rung rung) {
        Rung labMaximum = Objects.requireNonNull(claim.labMaximum());
        Rung limit = LAB_LIMIT.isAtLeast(labMaximum) ? labMaximum : LAB_LIMIT;
        if (limit.isAtLeast(rung)) {
            return new ClaimDecision(State.CONFIRMED, rung, "A passed lab proves " + rung.displayName() + ".");
        }
        String why = rung.compareTo(LAB_LIMIT) > 0
                ? "this lab proves at most " + limit.displayName() + "; " + rung.displayName()
                        + " needs a mentor's confirmation"
                : "this lab proves at most " + limit.displayName();
        return new ClaimDecision(State.CONFIRMED, limit,
                "Recorded at " + limit.displayName() + " instead of " + rung.displayName() + ": " + why + ".");
    }

    /**
     * Decides on a claim and, unless it is refused, returns the entry to append to the history.
     *
     * @param id the new entry's id
     * @param at when the entry is appended
     * @throws ClaimRefusedException with the decision's reason when the claim is refused
     */
    public Assessment assess(Claim claim, UUID id, Instant at) {
        ClaimDecision decision = decide(claim);
        AssessmentState state = switch (decision.state()) {
            case CONFIRMED -> AssessmentState.CONFIRMED;
            case PENDING_REVIEW -> AssessmentState.PENDING_REVIEW;
            case REFUSED -> throw new ClaimRefusedException(decision.reason());
        };
        String note = decision.rung() == claim.rung()
                ? claim.note()
                : (claim.note().isBlank() ? "" : claim.note() + "\n") + decision.reason();
        return new Assessment(id, claim.learner(), claim.topicId(), decision.rung(), claim.source(), state,
                claim.evidence(), claim.links(), note, claim.assessor(), at, null, null);
    }

    /**
     * Applies a mentor's decision on an earlier entry and returns the new entry to append.
     * Confirm and decline need an open claim: a {@code PENDING_REVIEW} entry no later entry has
     * reviewed. Adjust needs an open claim or an entry that counted, and a rung other than its rung.
     *
     * @param history    the learner's history, in the order appended; must contain {@code reviewedId}
     * @param reviewedId the id of the entry decided on
     * @param mentor     the reviewing mentor's handle; must not be the learner's
     * @param decision   what the mentor decided
     * @param id         the new entry's id
     * @param at         when the new entry is appended
     * @throws ClaimRefusedException when the entry is missing, already reviewed, not reviewable by
     *                               this decision, or the mentor is the learner
     */
    public Assessment review(List<Assessment> history, UUID reviewedId, String mentor, ReviewDecision decision,
                             UUID id, Instant at) {
        Claim.requireNonBlank(mentor, "mentor");
        Assessment reviewed = history.stream()
                .filter(entry -> entry.id().equals(reviewedId))
                .findFirst()
                .orElseThrow(() -> new ClaimRefusedException("There is no assessment " + reviewedId + " to review."));
        if (reviewed.learner().equals(mentor)) {
            throw new ClaimRefusedException("A mentor cannot review their own assessment; ask another mentor.");
        }
        boolean open = reviewed.state() == AssessmentState.PENDING_REVIEW
                && history.stream().noneMatch(entry -> reviewedId.equals(entry.reviewOf()));
        return switch (decision) {
            case ReviewDecision.Confirm confirm -> {
                requireOpen(open, reviewed);
                yield reviewEntry(reviewed, reviewed.rung(), AssessmentState.CONFIRMED, mentor, id, at,
                        confirm.comment());
            }
            case ReviewDecision.Decline decline -> {
                requireOpen(open, reviewed);
                yield reviewEntry(reviewed, reviewed.rung(), AssessmentState.DECLINED, mentor, id, at,
                        decline.reason());
            }
            case ReviewDecision.Adjust adjust -> {
                if (!open && !reviewed.counts()) {
                    throw new ClaimRefusedException("Only an open claim or an assessment that counts can be"
                            + " adjusted; this one is " + describe(reviewed) + ".");
                }
                if (adjust.rung() == reviewed.rung()) {
                    throw new ClaimRefusedException("Adjusting to the same rung (" + adjust.rung().displayName()
                            + ") changes nothing; confirm the claim instead.");
                }
                yield reviewEntry(reviewed, adjust.rung(), AssessmentState.ADJUSTED, mentor, id, at,
                        adjust.comment());
            }
        };
    }

    private static void requireOpen(boolean open, Assessment reviewed) {
        if (!open) {
            throw new ClaimRefusedException("Only an open claim can be confirmed or declined; this one is "
                    + describe(reviewed) + ".");
        }
    }

    private static String describe(Assessment entry) {
        return entry.state() == AssessmentState.PENDING_REVIEW
                ? "already reviewed"
                : entry.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Assessment reviewEntry(Assessment reviewed, Rung rung, AssessmentState state, String mentor,
                                          UUID id, Instant at, @Nullable String comment) {
        return new Assessment(id, reviewed.learner(), reviewed.topicId(), rung, Source.MENTOR, state,
                reviewed.evidence(), reviewed.links(), reviewed.note(), mentor, at, reviewed.id(),
                comment == null || comment.isBlank() ? null : comment);
    }
}
