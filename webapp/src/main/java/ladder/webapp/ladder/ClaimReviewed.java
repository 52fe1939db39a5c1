package ladder.webapp.ladder;

/**
 * A mentor decided on a learner's claim (confirmed, adjusted or declined): a goal whose criteria name a
 * level on a topic may be met now.
 *
 * @param learnerId the learner's account id
 * @param handle    the learner's handle, e.g. {@code @ada}
 */
public record ClaimReviewed(long learnerId, String handle) {
}
