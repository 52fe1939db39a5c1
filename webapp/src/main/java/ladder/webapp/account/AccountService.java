package ladder.webapp.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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
    private final Clock clock;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** Creates an account; throws {@link AccountException} on bad input, {@link DuplicateAccountException} when taken. */
    public AccountView create(NewAccount request) {
        String username = validUsername(request.username());
        String displayName = validDisplayName(request.displayName());
        String handle = validHandle(request.handle());
        Set<Role> roles = validRoles(request.roles());
        validPassword(request.password());
        if (accounts.existsByUsername(username)) {
            throw new DuplicateAccountException("username '" + username + "' is already taken");
        }
        if (accounts.existsByHandle(handle)) {
            throw new DuplicateAccountException("handle '" + handle + "' is already taken");
        }
        Account account = new Account(username, displayName, handle, passwordEncoder.encode(request.password()),
                roles, clock.instant());
        return AccountView.of(accounts.saveAndFlush(account));
    }

    /** Applies the non-null fields of {@code changes}; an admin can never remove the last enabled admin. */
    public AccountView update(String username, AccountChanges changes) {
        Account account = require(username);
        if (changes.expectedVersion() != null && changes.expectedVersion() != account.getVersion()) {
            throw new AccountConflictException("'" + username + "' was changed by someone else meanwhile: "
                    + "reload it and make your change again");
        }
        if (changes.displayName() != null) {
            account.setDisplayName(validDisplayName(changes.displayName()));
        }
        if (changes.handle() != null) {
            String handle = validHandle(changes.handle());
            if (!handle.equals(account.getHandle()) && accounts.existsByHandle(handle)) {
                throw new DuplicateAccountException("handle '" + handle + "' is already taken");
            }
            account.setHandle(handle);
        }
        boolean wasActiveAdmin = account.isEnabled() && account.hasRole(Role.ADMIN);
        if (changes.roles() != null) {
            account.setRoles(validRoles(changes.roles()));
        }
        if (changes.enabled() != null) {
            account.setEnabled(changes.enabled());
            if (changes.enabled()) {
                account.clearLock(); // re-enabling also lifts a lock
            }
        }
        if (changes.password() != null) {
            validPassword(changes.password());
            account.setPasswordHash(passwordEncoder.encode(changes.password()));
        }
        boolean isActiveAdmin = account.isEnabled() && account.hasRole(Role.ADMIN);
        if (wasActiveAdmin && !isActiveAdmin && countActiveAdmins() <= 1) {
            throw new AccountException("'" + username + "' is the last enabled admin: make another admin first");
        }
        return AccountView.of(accounts.saveAndFlush(account));
    }

    /** Changes one's own password after checking the current one. */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        Account account = require(username);
        if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
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

    @Transactional(readOnly = true)
    public Optional<AccountView> findByHandle(String handle) {
        return accounts.findByHandle(handle.startsWith("@") ? handle : "@" + handle).map(AccountView::of);
    }

    @Transactional(readOnly = true)
    public long count() {
        return accounts.count();
    }

    private long countActiveAdmins() {
        return accounts.findAll().stream().filter(a -> a.isEnabled() && a.hasRole(Role.ADMIN)).count();
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
