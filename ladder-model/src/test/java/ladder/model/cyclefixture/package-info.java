/** Two tiny packages with a deliberate cycle, so that {@code PackageCyclesTest} shows its rule fails on one. */
@NullMarked
package ladder.model.cyclefixture;

import org.jspecify.annotations.NullMarked;
