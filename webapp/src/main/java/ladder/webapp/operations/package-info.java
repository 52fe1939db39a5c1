/**
 * Operating Ladder: an online backup of the embedded H2 database for admins. Restoring is
 * {@code ./ladder restore FILE} with the app stopped; see docs/operations.md.
 */
@NullMarked
package ladder.webapp.operations;

import org.jspecify.annotations.NullMarked;
