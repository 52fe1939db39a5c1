/**
 * The labs benchmark ({@code ./ladder bench}): each catalog lab started through the engine and, in the
 * same run, the same processes started and verified by hand, with the figures for docs/performance.md.
 */
@NullMarked
package ladder.labs.bench;

import org.jspecify.annotations.NullMarked;
