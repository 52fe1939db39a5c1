package ladder.webapp.account;

import java.time.Instant;
import java.util.Set;

/** What other features and the API may read of an account: never the password hash. */
public record AccountView(
        long id, String username, String displayName, String handle, Set<Role> roles, boolean enabled,
        Instant createdAt, long version) {

    static AccountView of(Account account) {
        return new AccountView(account.getId() == null ? 0 : account.getId(), account.getUsername(),
                account.getDisplayName(), account.getHandle(), account.getRoles(), account.isEnabled(),
                account.getCreatedAt(), account.getVersion());
    }

    /** Whether {@code handle} names this account: in any case ({@code @Ada} is {@code @ada}), the {@code @} optional. */
    public boolean hasHandle(String handle) {
        String stripped = handle.strip();
        return Account.key(stripped.startsWith("@") ? stripped : "@" + stripped).equals(Account.key(this.handle));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /**
     * The one rule for "mentor or admin", who review, edit roadmaps and see every learner: an enabled account
     * with either role.
     */
    public boolean isMentorOrAdmin() {
        return enabled && (hasRole(Role.MENTOR) || hasRole(Role.ADMIN));
    }
}
