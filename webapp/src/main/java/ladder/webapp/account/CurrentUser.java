package ladder.webapp.account;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in, for views and services of every feature. */
@Component
public class CurrentUser {

    private final AccountService accounts;

    CurrentUser(AccountService accounts) {
        this.accounts = accounts;
    }

    /**
     * The signed-in account as the database has it now (its current roles), if a person (not the scrape account)
     * is signed in and the account is still enabled.
     */
    public Optional<AccountView> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return accounts.find(authentication.getName()).filter(AccountView::enabled);
    }

    /** The signed-in account; throws when nobody is. */
    public AccountView require() {
        return get().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }
}
