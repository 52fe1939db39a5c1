/**
 * A hands-on lab's data and the rules of its format: its definition (components, checks, which refuses checks that
 * wait for each other in a circle), workspace paths, placeholders, hint tiers, and the results of its checks.
 * Parsing and running labs live in module {@code labs}.
 */
@NullMarked
package ladder.model.lab;

import org.jspecify.annotations.NullMarked;
