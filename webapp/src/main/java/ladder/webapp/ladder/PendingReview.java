package ladder.webapp.ladder;

import ladder.model.ladder.Assessment;
import ladder.model.ladder.Topic;

/** An open claim in a mentor's review queue, with whose it is and on what. */
public record PendingReview(Assessment claim, Learner learner, Topic topic) {
}
