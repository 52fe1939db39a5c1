package ladder.webapp.account;

import java.util.Set;

/** What it takes to create an account; validated by {@link AccountService#create}. */
public record NewAccount(String username, String displayName, String handle, Set<Role> roles, String password) {
}
