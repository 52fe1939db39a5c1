package ladder.webapp.ladder;

/**
 * A learner finished the guided assessment (every active topic in one sitting) and asked for review:
 * the seed roadmap's {@code current_level_assessed} goal can count as done.
 *
 * @param accountId the learner's account id
 * @param handle    the learner's handle, e.g. {@code @ada}
 */
public record GuidedAssessmentSubmitted(long accountId, String handle) {
}
