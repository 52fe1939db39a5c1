/**
 * Ladder's web app. Each sub-package is a feature (account, roadmap, ladder, progress, labs) with
 * its entities, repository, service and {@code ui} views; {@code ui} itself is the shell.
 */
@NullMarked
package ladder.webapp;

import org.jspecify.annotations.NullMarked;
