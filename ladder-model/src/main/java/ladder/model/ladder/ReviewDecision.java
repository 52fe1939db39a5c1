package ladder.model.ladder;

import org.jspecify.annotations.Nullable;

/** A mentor's decision on an earlier assessment, applied with {@link LadderPolicy#review}. */
public sealed interface ReviewDecision {

    /**
     * Confirm a pending claim at the rung claimed.
     *
     * @param comment an optional comment for the learner
     */
    record Confirm(@Nullable String comment) implements ReviewDecision {
    }

    /**
     * Set the learner's rung to another rung than the one reviewed: higher or lower. Applies to a
     * pending claim and, as a correction, to an entry that counted (confirmed or adjusted).
     *
     * @param rung    the rung the learner is placed on
     * @param comment why, for the learner; required
     */
    record Adjust(Rung rung, String comment) implements ReviewDecision {
        public Adjust {
            Claim.requireNonBlank(comment, "an adjustment's comment");
        }
    }

    /**
     * Decline a pending claim; the learner's confirmed rung does not change.
     *
     * @param reason why, for the learner; required
     */
    record Decline(String reason) implements ReviewDecision {
        public Decline {
            Claim.requireNonBlank(reason, "a decline's reason");
        }
    }
}
