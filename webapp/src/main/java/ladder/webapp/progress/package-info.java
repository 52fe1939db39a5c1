/**
 * The team's progress across features: the mentor's team dashboard (learners × goals, learners × topics,
 * labs passed, the review queue's count, an activity feed) and a learner's next steps on the home view.
 * Reads the roadmap, ladder and labs features through their services; nothing depends on it.
 */
@NullMarked
package ladder.webapp.progress;

import org.jspecify.annotations.NullMarked;
