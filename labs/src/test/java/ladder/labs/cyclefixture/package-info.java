/**
 * Three tiny packages with a deliberate cycle (orders ↔ billing), so that {@code PackageCyclesTest} shows its rule
 * fails on a cycle. Test sources only.
 */
@NullMarked
package ladder.labs.cyclefixture;

import org.jspecify.annotations.NullMarked;
