/**
 * The shell: main layout with role-aware navigation, the home view and error handling.
 */
@NullMarked
package ladder.webapp.ui;

import org.jspecify.annotations.NullMarked;
