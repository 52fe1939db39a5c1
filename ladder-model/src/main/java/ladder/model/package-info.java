/**
 * Ladder's domain model in plain Java: the knowledge ladder's rules, the roadmap graph with its
 * DOT import and export, and the plain data of lab definitions. No framework lives here.
 */
@NullMarked
package ladder.model;

import org.jspecify.annotations.NullMarked;
