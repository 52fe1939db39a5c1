package ladder.webapp.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migration that makes usernames and handles unique ignoring case, on a database that already holds
 * accounts: without clashes it applies and keeps every account; with clashes it stops and names them all.
 * On H2, and on PostgreSQL when {@code LADDER_TEST_POSTGRES_URL} names one.
 */
class CaseInsensitiveNamesMigrationTest {

    record Database(DriverManagerDataSource dataSource, String schema) {
        static Database of(String kind) {
            String schema = "m_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            if (kind.equals("h2")) {
                return new Database(new DriverManagerDataSource("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1", "sa", ""),
                        "PUBLIC");
            }
            String url = System.getenv("LADDER_TEST_POSTGRES_URL");
            assumeThat(url).as("LADDER_TEST_POSTGRES_URL names a PostgreSQL").isNotNull();
            return new Database(new DriverManagerDataSource(url, System.getenv("LADDER_TEST_POSTGRES_USERNAME"),
                    System.getenv("LADDER_TEST_POSTGRES_PASSWORD")), schema);
        }

        Flyway flyway(String target) {
            var config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .schemas(schema).defaultSchema(schema).createSchemas(true);
            return (target == null ? config : config.target(target)).load();
        }

        void account(String username, String handle) {
            new JdbcTemplate(dataSource).update("insert into " + schema + ".account (username, display_name, handle, "
                    + "password_hash, enabled, failed_logins, created_at, version) "
                    + "values (?, 'x', ?, 'x', true, 0, current_timestamp, 0)", username, handle);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void accounts_without_clashes_are_kept_and_then_unique_ignoring_case(String kind) {
        Database db = Database.of(kind);
        db.flyway("2").migrate();
        db.account("ada", "@Ada");
        db.account("bob", "@bob");

        db.flyway(null).migrate();

        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        assertThat(jdbc.queryForObject("select handle from " + db.schema() + ".account where username = 'ada'",
                String.class)).isEqualTo("@Ada");
        assertThatThrownBy(() -> jdbc.update("insert into " + db.schema() + ".account (username, username_key, "
                + "display_name, handle, handle_key, password_hash, enabled, created_at, version) "
                + "values ('ada2', 'ada2', 'x', '@ADA', '@ada', 'x', true, current_timestamp, 0)"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void clashing_accounts_stop_the_migration_with_every_clash_named(String kind) {
        Database db = Database.of(kind);
        db.flyway("2").migrate();
        db.account("ada", "@ada");
        db.account("ada2", "@Ada");
        db.account("ada3", "@ADA");
        db.account("bob", "@bob");
        db.account("cy", "@cy");
        db.account("cy2", "@Cy");

        assertThatThrownBy(() -> db.flyway(null).migrate())
                .rootCause()
                .hasMessageContaining("differ only in case")
                .hasMessageContaining("@ada (ada), @Ada (ada2), @ADA (ada3)")
                .hasMessageContaining("@cy (cy), @Cy (cy2)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("@bob"));
    }
}
