package ladder.model.ladder;

import java.util.Objects;

/**
 * What {@link LadderPolicy} decided about a {@link Claim}.
 *
 * @param state  the outcome
 * @param rung   the rung the decision is about: the claimed rung, or a lower one when a lab claim
 *               was capped to what the lab can prove
 * @param reason a sentence for the person who made the claim, saying why
 */
public record ClaimDecision(State state, Rung rung, String reason) {

    /** The outcome of a claim. */
    public enum State {
        /** The claim stands at once and counts on the ladder. */
        CONFIRMED,
        /** The claim is recorded and waits for a mentor's review; it does not count yet. */
        PENDING_REVIEW,
        /** The claim is not recorded; {@link ClaimDecision#reason()} says what is missing. */
        REFUSED
    }

    public ClaimDecision {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(rung, "rung");
        Claim.requireNonBlank(reason, "reason");
    }

    /** Whether the claim is recorded (confirmed or pending), as opposed to refused. */
    public boolean isRecorded() {
        return state != State.REFUSED;
    }
}
