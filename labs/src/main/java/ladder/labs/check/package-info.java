/**
 * The check engine: runs a lab's checks against a running session (in parallel where {@code needs}
 * allow, polling until pass or time-out) and says what each saw against what it expected.
 */
@NullMarked
package ladder.labs.check;

import org.jspecify.annotations.NullMarked;
