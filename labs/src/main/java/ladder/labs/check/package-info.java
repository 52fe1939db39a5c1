/**
 * The check engine: runs a lab's checks against a running session (in parallel where {@code needs}
 * allow, polling until pass or time-out), says what each saw against what it expected, and gives each failing
 * check's hint at the tier the session has reached.
 */
@NullMarked
package ladder.labs.check;

import org.jspecify.annotations.NullMarked;
