/** The team dashboard view. */
@NullMarked
package ladder.webapp.progress.ui;

import org.jspecify.annotations.NullMarked;
