/**
 * Ladder's hands-on labs: the catalog of lab folders, the runtimes that start their components,
 * the check engine that verifies a learner's work, and the lab author's CLI.
 */
@NullMarked
package ladder.labs;

import org.jspecify.annotations.NullMarked;
