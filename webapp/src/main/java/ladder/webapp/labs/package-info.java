/**
 * Labs in the browser: the catalog, a learner's lab sessions on the {@code labs} module's runtime,
 * their check runs, the REST API, and the proxy to a session's component UIs.
 * A passed lab is published as {@link ladder.webapp.labs.LabPassed} for the ladder and the roadmap.
 */
@NullMarked
package ladder.webapp.labs;

import org.jspecify.annotations.NullMarked;
