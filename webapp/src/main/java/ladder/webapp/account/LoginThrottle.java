package ladder.webapp.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing for one account: the first few failed sign-ins in a row are free, then
 * each further failure locks the account for twice as long as the one before, up to 15 minutes.
 * A successful sign-in resets the count.
 */
@Component
class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

    private final AccountRepository accounts;
    private final Clock clock;

    LoginThrottle(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    static Duration lockFor(int failuresInARow) {
        if (failuresInARow < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failuresInARow - FREE_ATTEMPTS, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    // Its own transaction: the sign-in that failed throws, and the count must stay.
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordFailure(String username) {
        if (accounts.incrementFailedLogins(username) == 0) {
            return;
        }
        accounts.findByUsername(username).ifPresent(account -> {
            Duration lock = lockFor(account.getFailedLogins());
            if (!lock.isZero()) {
                accounts.lockUntil(username, clock.instant().plus(lock));
            }
        });
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordSuccess(String username) {
        accounts.resetFailedLogins(username);
    }

    /** How long until {@code account} may try again, or zero. */
    Duration remainingLock(Account account) {
        Instant until = account.getLockedUntil();
        Instant now = clock.instant();
        return until == null || !until.isAfter(now) ? Duration.ZERO : Duration.between(now, until);
    }
}
