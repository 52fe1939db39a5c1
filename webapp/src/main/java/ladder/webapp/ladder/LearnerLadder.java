package ladder.webapp.ladder;

import ladder.model.ladder.LadderState;

/** One learner's ladder, for the mentors' team view. */
public record LearnerLadder(Learner learner, LadderState ladder) {
}
