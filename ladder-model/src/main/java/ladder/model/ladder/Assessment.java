package ladder.model.ladder;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry in a learner's append-only assessment history. Entries are never changed or removed:
 * a mentor's review of a pending claim is a new entry whose {@code reviewOf} names the claim.
 *
 * <p>Create entries with {@link LadderPolicy#assess} (for claims) and {@link LadderPolicy#review}
 * (for review decisions), which apply the ladder's rules; the constructor only checks the shape.
 *
 * @param id            unique id of this entry
 * @param learner       the learner's handle
 * @param topicId       the topic's id
 * @param rung          the rung this entry is about
 * @param source        who made it; {@link Source#MENTOR} for every review decision
 * @param state         what it means for the ladder, see {@link AssessmentState}
 * @param evidence      evidence text, empty when there is none; a review carries the claim's evidence over
 * @param links         links to evidence, possibly empty
 * @param note          the claimant's note, empty when there is none
 * @param assessor      who stands behind it: the learner, a mentor's handle or a lab id
 * @param at            when it was appended
 * @param reviewOf      for a review decision the id of the reviewed entry (always for declined and
 *                      adjusted entries), otherwise {@code null}
 * @param reviewComment the mentor's comment or reason for a review decision, otherwise {@code null}
 */
public record Assessment(
        UUID id,
        String learner,
        String topicId,
        Rung rung,
        Source source,
        AssessmentState state,
        String evidence,
        List<String> links,
        String note,
        String assessor,
        Instant at,
        @Nullable UUID reviewOf,
        @Nullable String reviewComment) {

    /**
     * @throws IllegalArgumentException when a handle is blank, the topic id is not a slug, a declined or
     *                                  adjusted entry names no reviewed entry, or a pending one names one
     */
    public Assessment {
        Objects.requireNonNull(id, "id");
        Claim.requireNonBlank(learner, "learner");
        Claim.requireSlug(topicId);
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(evidence, "evidence");
        links = List.copyOf(links);
        Objects.requireNonNull(note, "note");
        Claim.requireNonBlank(assessor, "assessor");
        Objects.requireNonNull(at, "at");
        boolean reviewDecision = state == AssessmentState.DECLINED || state == AssessmentState.ADJUSTED;
        if (reviewDecision && reviewOf == null) {
            throw new IllegalArgumentException("a " + state + " entry must name the entry it reviews");
        }
        if (state == AssessmentState.PENDING_REVIEW && reviewOf != null) {
            throw new IllegalArgumentException("a pending claim cannot review another entry");
        }
    }

    /** Whether this entry is a mentor's decision on an earlier entry. */
    public boolean isReview() {
        return reviewOf != null;
    }

    /** Whether this entry moves the confirmed rung (confirmed or adjusted). */
    public boolean counts() {
        return state == AssessmentState.CONFIRMED || state == AssessmentState.ADJUSTED;
    }
}
