/**
 * Lab folders on disk: reading and validating {@code lab.yaml} with errors that name the file, line
 * and field, and listing the catalog.
 */
@NullMarked
package ladder.labs.catalog;

import org.jspecify.annotations.NullMarked;
