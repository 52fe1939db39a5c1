/**
 * The knowledge ladder feature: topics, learners' append-only assessment histories, mentors' reviews,
 * and the REST API over them. The rules themselves live in {@code ladder.model.ladder}.
 */
@NullMarked
package ladder.webapp.ladder;

import org.jspecify.annotations.NullMarked;
