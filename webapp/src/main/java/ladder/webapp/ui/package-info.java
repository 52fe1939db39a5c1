/**
 * The shell: main layout with role-aware navigation, the home view with the cards features contribute,
 * the error view and the notifications every feature's views show.
 */
@NullMarked
package ladder.webapp.ui;

import org.jspecify.annotations.NullMarked;
