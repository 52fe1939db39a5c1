/**
 * The lab author's command line: list the catalog, validate a lab, run a lab with or without its
 * solution and print every check's result (as a table or JSON).
 */
@NullMarked
package ladder.labs.cli;

import org.jspecify.annotations.NullMarked;
