package ladder.webapp.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What accounts need of the database, run against H2 and against a real PostgreSQL by the two
 * subclasses: migrations apply, constraints hold, versions detect concurrent edits.
 */
abstract class AccountPersistenceContract {

    @Autowired AccountService accounts;
    @Autowired AccountRepository repository;
    @Autowired Flyway flyway;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccessTokens tokens;
    @Autowired AccessTokenRepository tokenRepository;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static NewAccount newAccount(String username, Role... roles) {
        return new NewAccount(username, "Name of " + username, "@" + username, EnumSet.copyOf(List.of(roles)),
                "a-long-enough-password");
    }

    @Test
    void every_migration_is_applied() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).filteredOn(info -> info.getVersion() != null) // PostgreSQL lists the schema creation too
                .extracting(info -> info.getVersion().getVersion()).contains("1", "2", "3", "4", "5");
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void a_token_is_found_by_its_hash_its_use_recorded_and_it_goes_with_its_account() {
        AccountView owner = accounts.create(newAccount(unique("tok"), Role.LEARNER));
        NewAccessToken made = tokens.create(owner, "ci", 3, TokenScope.WRITE);

        AccessTokens.Holder holder = tokens.verify(made.secret()).orElseThrow();
        assertThat(holder.token().id()).isEqualTo(made.token().id());
        assertThat(tokenRepository.findById(made.token().id()).orElseThrow().getLastUsedAt()).isNotNull();
        assertThat(tokens.verify(made.secret() + "x")).isEmpty();
        assertThatThrownBy(() -> jdbc.update("insert into access_token (account_id, name, secret_hash, scope, created_at, "
                + "expires_at) select account_id, 'copy', secret_hash, scope, created_at, expires_at from access_token "
                + "where id = ?", made.token().id())).isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("delete from account_role where account_id = ?", owner.id());
        jdbc.update("delete from account where id = ?", owner.id());
        assertThat(tokenRepository.findById(made.token().id())).isEmpty();
    }

    @Test
    void an_account_is_stored_with_its_roles_and_a_hashed_password() {
        String username = unique("ada");
        accounts.create(newAccount(username, Role.LEARNER, Role.MENTOR));

        Account stored = repository.findByUsername(username).orElseThrow();
        assertThat(stored.getRoles()).containsExactlyInAnyOrder(Role.LEARNER, Role.MENTOR);
        assertThat(stored.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("a-long-enough-password");
        assertThat(jdbc.queryForObject("select count(*) from account_role r join account a on a.id = r.account_id "
                + "where a.username = ?", Integer.class, username)).isEqualTo(2);
    }

    @Test
    void a_taken_username_or_handle_is_refused() {
        String username = unique("bob");
        accounts.create(newAccount(username, Role.LEARNER));

        assertThatThrownBy(() -> accounts.create(newAccount(username, Role.LEARNER)))
                .isInstanceOf(AccountNameConflictException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> accounts.create(new NewAccount(unique("other"), "Other", "@" + username,
                Set.of(Role.LEARNER), "a-long-enough-password")))
                .isInstanceOf(AccountNameConflictException.class).hasMessageContaining("handle");
    }

    @Test
    void the_database_itself_refuses_a_duplicate_handle_or_username_in_any_case() {
        String username = unique("cy");
        accounts.create(newAccount(username, Role.LEARNER));
        String sql = "insert into account (username, username_key, display_name, handle, handle_key, password_hash, "
                + "enabled, created_at, version) values (?, ?, 'x', ?, ?, 'x', true, current_timestamp, 0)";
        String other = unique("dup");

        assertThatThrownBy(() -> jdbc.update(sql, other, other, "@" + username.toUpperCase(), "@" + username))
                .hasMessageContaining("account_handle_key_unique".substring(0, 7));
        assertThatThrownBy(() -> jdbc.update(sql, username.toUpperCase(), username, "@" + other, "@" + other))
                .hasMessageContaining("account_username_key_unique".substring(0, 7));
    }

    @Test
    void a_handle_is_found_in_any_case_and_refused_when_taken_in_another() {
        String username = unique("Hal").toLowerCase();
        accounts.create(new NewAccount(username, "Hal", "@Hal" + username, Set.of(Role.LEARNER), "a-long-enough-password"));

        assertThat(accounts.findByHandle("@HAL" + username.toUpperCase())).hasValueSatisfying(
                found -> assertThat(found.username()).isEqualTo(username));
        assertThatThrownBy(() -> accounts.create(new NewAccount(unique("other"), "Other", "@hal" + username,
                Set.of(Role.LEARNER), "a-long-enough-password")))
                .isInstanceOf(AccountNameConflictException.class).hasMessageContaining("ignoring case");
    }

    @Test
    void an_edit_made_on_a_stale_version_is_refused_with_a_clear_message() {
        String username = unique("dee");
        AccountView read = accounts.create(newAccount(username, Role.LEARNER));
        accounts.update(username, new AccountChanges("First edit", null, null, null, null, read.version()));

        assertThatThrownBy(() -> accounts.update(username,
                new AccountChanges("Second edit", null, null, null, null, read.version())))
                .isInstanceOf(AccountConflictException.class)
                .hasMessageContaining("changed by someone else");
        assertThat(accounts.find(username).orElseThrow().displayName()).isEqualTo("First edit");
    }

    @Test
    void two_admins_revoking_each_other_at_once_leave_one_enabled() throws Exception {
        for (int round = 0; round < 3; round++) {
            String first = unique("adm");
            String second = unique("adm");
            accounts.create(newAccount(first, Role.ADMIN));
            accounts.create(newAccount(second, Role.ADMIN));
            accounts.update("admin", new AccountChanges(null, null, Set.of(Role.LEARNER), null, null));
            try (var threads = Executors.newFixedThreadPool(2)) {
                var start = new CountDownLatch(1);
                var a = threads.submit(() -> { start.await(); return revoke(second); });
                var b = threads.submit(() -> { start.await(); return revoke(first); });
                start.countDown();
                a.get();
                b.get();
            }
            assertThat(List.of(first, second)).filteredOn(name -> accounts.find(name).orElseThrow().enabled())
                    .as("enabled admins after both tried").hasSize(1);
            accounts.update("admin", new AccountChanges(null, null, Set.of(Role.ADMIN), null, null));
            accounts.update(first, new AccountChanges(null, null, Set.of(Role.LEARNER), false, null));
            accounts.update(second, new AccountChanges(null, null, Set.of(Role.LEARNER), false, null));
        }
    }

    private String revoke(String username) {
        try {
            accounts.update(username, new AccountChanges(null, null, null, false, null));
            return "revoked";
        } catch (AccountException | DataAccessException e) {
            return e.getMessage();
        }
    }
}
