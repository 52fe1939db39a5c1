/**
 * Flyway's Java migrations, beside the SQL ones in {@code db/migration}: for the steps that need more than
 * SQL says portably on H2 and PostgreSQL, such as a clear message about data that stops a migration.
 */
@NullMarked
package db.migration;

import org.jspecify.annotations.NullMarked;
