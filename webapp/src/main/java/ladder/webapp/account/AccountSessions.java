package ladder.webapp.account;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends an account's open UI sessions through Spring Security's {@link SessionRegistry}: the session is marked
 * expired, and on its next request (every Vaadin interaction is one) the {@code ConcurrentSessionFilter}
 * logs it out and sends the browser to the login view. Used when an admin disables an account, changes its
 * roles or resets its password, so nobody keeps working with what they were allowed when they signed in.
 */
@Component
class AccountSessions {

    private final SessionRegistry registry;

    AccountSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends the sessions of {@code username} once the current transaction commits (at once without one). */
    void endAfterCommit(String username) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            end(username);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                end(username);
            }
        });
    }

    void end(String username) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equals(username)) {
                registry.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
