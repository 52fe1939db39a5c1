/**
 * The knowledge ladder (Klaus North): rungs, topics, the policy that decides what a claim needs,
 * and a learner's ladder folded from an append-only history of assessments, with its exports.
 */
@NullMarked
package ladder.model.ladder;

import org.jspecify.annotations.NullMarked;
