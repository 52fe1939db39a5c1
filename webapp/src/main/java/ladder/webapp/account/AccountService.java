package ladder.webapp.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: creating, changing and reading them. Every rule on usernames, handles and passwords
 * lives here, so the views and the API give the same answers.
 */
@Service
@Transactional
public class AccountService {

    /** Shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    /** BCrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern HANDLE = Pattern.compile("@[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final AccountSessions sessions;
    private final AccessTokens tokens;
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle,
            AccountSessions sessions, AccessTokens tokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * Creates an account; throws {@link AccountException} on bad input, {@link AccountNameConflictException} when the
     * username or handle is taken, ignoring case (also when a concurrent request took it a moment earlier).
     */
    public AccountView create(NewAccount request) {
        String username = validUsername(request.username());
        String displayName = validDisplayName(request.displayName());
        String handle = validHandle(request.handle());
        Set<Role> roles = validRoles(request.roles());
        validPassword(request.password());
        if (accounts.existsByUsernameKey(Account.key(username))) {
            throw new AccountNameConflictException("username '" + username + "' is already taken (ignoring case)");
        }
        requireFreeHandle(handle);
        Account account = new Account(username, displayName, handle, passwordEncoder.encode(request.password()),
                roles, clock.instant());
        try {
            return AccountView.of(accounts.saveAndFlush(account));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            throw new AccountNameConflictException("username '" + username + "' or handle '" + handle
                    + "' was taken a moment ago by another request");
        }
    }

    /**
     * Applies the non-null fields of {@code changes}; an admin can never remove the last enabled admin. Disabling
     * the account, changing its roles or resetting its password ends its open sessions; disabling it or
     * resetting its password also revokes its personal access tokens (re-enabling brings none back).
     */
    public AccountView update(String username, AccountChanges changes) {
        Account account = require(username);
        if (changes.expectedVersion() != null && changes.expectedVersion() != account.getVersion()) {
            throw conflict(username);
        }
        boolean wasActiveAdmin = account.isEnabled() && account.hasRole(Role.ADMIN);
        // Counted before anything changes (a count after the change is flushed would miss this admin), with the
        // enabled admins' rows locked, so two admins revoking each other at once cannot leave none.
        long activeAdmins = wasActiveAdmin ? accounts.lockEnabledWithRole(Role.ADMIN).size() : 0;
        if (changes.displayName() != null) {
            account.setDisplayName(validDisplayName(changes.displayName()));
        }
        if (changes.handle() != null) {
            String handle = validHandle(changes.handle());
            if (!Account.key(handle).equals(Account.key(account.getHandle()))) {
                requireFreeHandle(handle);
            }
            account.setHandle(handle);
        }
        boolean endSessions = false;
        boolean revokeTokens = false;
        if (changes.roles() != null) {
            Set<Role> roles = validRoles(changes.roles());
            endSessions = !roles.equals(account.getRoles());
            account.setRoles(roles);
        }
        if (changes.enabled() != null) {
            revokeTokens = account.isEnabled() && !changes.enabled();
            endSessions |= revokeTokens;
            account.setEnabled(changes.enabled());
            if (changes.enabled()) {
                throttle.forget(username); // re-enabling also lifts a lock
            }
        }
        if (changes.password() != null) {
            validPassword(changes.password());
            account.setPasswordHash(passwordEncoder.encode(changes.password()));
            throttle.forget(username);
            endSessions = true;
            revokeTokens = true;
        }
        boolean isActiveAdmin = account.isEnabled() && account.hasRole(Role.ADMIN);
        if (wasActiveAdmin && !isActiveAdmin && activeAdmins <= 1) {
            throw new AccountException("'" + username + "' is the last enabled admin: make another admin first");
        }
        AccountView saved;
        try {
            saved = AccountView.of(accounts.saveAndFlush(account));
        } catch (ConcurrencyFailureException e) {
            throw conflict(username);
        } catch (DataIntegrityViolationException e) {
            throw new AccountNameConflictException("handle '" + account.getHandle() + "' was taken a moment ago by "
                    + "another request");
        }
        if (revokeTokens) {
            tokens.revokeAll(account.getId() == null ? 0 : account.getId()); // in this transaction: both or neither
        }
        tokens.accountChanged(account.getId() == null ? 0 : account.getId()); // a token acts with the roles as now
        if (endSessions) {
            sessions.endAfterCommit(username);
        }
        return saved;
    }

    /**
     * Changes one's own password after checking the current one; guesses of the current one are throttled
     * like sign-ins. The account's access tokens stay (the owner sees and revokes them in the Tokens view); an
     * admin's reset revokes them.
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        Account account = require(username);
        LoginThrottle.Attempt attempt = throttle.attempt(LoginThrottle.passwordChange(username));
        Duration lock = attempt.refused();
        if (!lock.isZero()) {
            throw new AccountException("the current password was wrong too many times in a row: try again in "
                    + Math.max(1, lock.toSeconds()) + " s");
        }
        boolean right = false;
        try {
            right = passwordEncoder.matches(currentPassword, account.getPasswordHash());
        } finally {
            attempt.end(right);
        }
        if (!right) {
            throw new AccountException("the current password is not right");
        }
        if (currentPassword.equals(newPassword)) {
            throw new AccountException("the new password must differ from the current one");
        }
        validPassword(newPassword);
        account.setPasswordHash(passwordEncoder.encode(newPassword));
    }

    @Transactional(readOnly = true)
    public List<AccountView> list() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(AccountView::of).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> find(String username) {
        return accounts.findByUsername(username).map(AccountView::of);
    }

    /** The account with this id: what access checks compare, never names. */
    @Transactional(readOnly = true)
    public Optional<AccountView> find(long id) {
        return accounts.findById(id).map(AccountView::of);
    }

    /** The account with this handle, in any case ({@code @Ada} is {@code @ada}); the {@code @} may be left out. */
    @Transactional(readOnly = true)
    public Optional<AccountView> findByHandle(String handle) {
        String stripped = handle.strip();
        return accounts.findByHandleKey(Account.key(stripped.startsWith("@") ? stripped : "@" + stripped))
                .map(AccountView::of);
    }

    /**
     * Whether {@code account} is the account of one of these handles (in any case): what "a participant may"
     * rules ask. Compared by account id, never by the handle's spelling.
     */
    @Transactional(readOnly = true)
    public boolean isAnyOf(AccountView account, Collection<String> handles) {
        return handles.stream().map(this::findByHandle).flatMap(Optional::stream)
                .anyMatch(found -> found.id() == account.id());
    }

    @Transactional(readOnly = true)
    public long count() {
        return accounts.count();
    }

    private void requireFreeHandle(String handle) {
        accounts.findByHandleKey(Account.key(handle)).ifPresent(holder -> {
            throw new AccountNameConflictException("handle '" + handle + "' is already taken"
                    + (holder.getHandle().equals(handle) ? "" : " as '" + holder.getHandle() + "'")
                    + " (handles are unique ignoring case)");
        });
    }

    private static AccountConflictException conflict(String username) {
        return new AccountConflictException("'" + username + "' was changed by someone else meanwhile: "
                + "reload it and make your change again");
    }

    private Account require(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> new NoSuchAccountException("no account '" + username + "'"));
    }

    static String validUsername(@Nullable String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountException("username must be 2 to 64 characters: lowercase letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        return username;
    }

    static String validDisplayName(@Nullable String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 128) {
            throw new AccountException("display name must be 1 to 128 characters");
        }
        return displayName.strip();
    }

    static String validHandle(@Nullable String handle) {
        if (handle == null) {
            throw new AccountException("handle is required, e.g. @ada");
        }
        String withAt = handle.strip().startsWith("@") ? handle.strip() : "@" + handle.strip();
        if (!HANDLE.matcher(withAt).matches()) {
            throw new AccountException("handle must look like @name: letters, digits, '.', '_' or '-', at most 63 after the @");
        }
        return withAt;
    }

    static Set<Role> validRoles(@Nullable Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new AccountException("an account needs at least one role: LEARNER, MENTOR or ADMIN");
        }
        return EnumSet.copyOf(roles);
    }

    static void validPassword(@Nullable String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new AccountException("password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
    }
}
