/**
 * Ladder's web app. Each sub-package is a Spring Modulith module: the features account, roadmap, ladder,
 * progress, labs and operations (each with its service and, where it has views, a {@code ui} package), the
 * REST API's shared error answers ({@code api}) and the UI shell ({@code ui}). See docs/architecture.md.
 */
@NullMarked
package ladder.webapp;

import org.jspecify.annotations.NullMarked;
