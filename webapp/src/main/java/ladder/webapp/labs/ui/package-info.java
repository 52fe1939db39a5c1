/**
 * The labs' views: the catalog and one session (progress through push, instructions, the workspace
 * editor, checks). They call {@link ladder.webapp.labs.LabService} directly.
 */
@NullMarked
package ladder.webapp.labs.ui;

import org.jspecify.annotations.NullMarked;
