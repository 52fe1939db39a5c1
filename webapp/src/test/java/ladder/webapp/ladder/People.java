package ladder.webapp.ladder;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Test accounts with unique names (test contexts are shared), and acting as one of them. */
final class People {

    static final String PASSWORD = "a-long-enough-password";

    private People() {
    }

    /**
     * Creates an account with these roles; returns its username, which is also its handle without the @.
     * Usernames start with "t": they sort after the accounts other tests look for in the accounts grid.
     */
    static String create(AccountService accounts, String prefix, Role... roles) {
        String username = "t" + prefix + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Name of " + username, "@" + username,
                EnumSet.copyOf(List.of(roles)), PASSWORD));
        return username;
    }

    /** Runs {@code action} signed in as {@code username}. */
    static <T> T as(String username, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.NO_AUTHORITIES));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }
}
