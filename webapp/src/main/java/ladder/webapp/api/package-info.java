/**
 * What every REST endpoint shares: the JSON error body and the mapping of common failures
 * (unreadable JSON, wrong method, denied access) to clear HTTP answers.
 */
@NullMarked
package ladder.webapp.api;

import org.jspecify.annotations.NullMarked;
