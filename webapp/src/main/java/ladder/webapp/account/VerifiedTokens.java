package ladder.webapp.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tokens that passed {@link AccessTokens#verify} a moment ago, by the secret's SHA-256, for at most
 * {@link #KEPT} each: a busy script's requests skip the transaction and the two queries of the check (the token
 * by its hash, the account with its roles). Only accepted tokens are kept (an unknown secret always reaches the
 * database, so guessing cannot fill the cache). Whatever can end or change a token is forgotten at once and again
 * after its transaction ends, so a revoked token, a disabled or reset account, a role change are refused or
 * applied from the next request: revoking ({@link #forgetToken}), and any change of an account through
 * {@link AccountService} ({@link #forgetAccount}). A token's expiry is checked on every use. A change made behind
 * the app's back (SQL on its database) is seen within {@link #KEPT}.
 */
@Component
class VerifiedTokens {

    /** How long an accepted token is trusted without asking the database again. */
    static final Duration KEPT = Duration.ofSeconds(30);

    /** An accepted token as a request signs in with it; no JPA entity, nothing of the secret but its hash as key. */
    record Verified(AccessTokenView token, UserDetails user, List<SimpleGrantedAuthority> authorities) {

        static Verified of(AccessTokens.Holder holder) {
            Account account = holder.account();
            List<SimpleGrantedAuthority> authorities = account.getRoles().stream()
                    .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
            UserDetails user = User.withUsername(account.getUsername()).password("").authorities(authorities).build();
            return new Verified(holder.token(), user, authorities);
        }
    }

    private final Cache<String, Verified> accepted = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(KEPT).build();
    /** Counts what was forgotten: a check that read the database before a forget must not be remembered after it. */
    private final AtomicLong forgets = new AtomicLong();

    /** The accepted token of this hash, unless it expired by {@code now}. */
    Optional<Verified> find(String secretHash, Instant now) {
        Verified verified = accepted.getIfPresent(secretHash);
        if (verified == null) {
            return Optional.empty();
        }
        if (verified.token().expiredAt(now)) {
            accepted.invalidate(secretHash);
            return Optional.empty();
        }
        return Optional.of(verified);
    }

    /** Where a check begins: pass it to {@link #remember} with what the database answered. */
    long mark() {
        return forgets.get();
    }

    /**
     * Keeps a token the database accepted, unless something was forgotten since {@code mark} (then the answer may
     * predate a revocation: it serves its own request only). Put first and checked after, so a forget that runs in
     * between is never undone.
     */
    void remember(String secretHash, Verified verified, long mark) {
        accepted.put(secretHash, verified);
        if (forgets.get() != mark) {
            accepted.invalidate(secretHash);
        }
    }

    /** The token was revoked. */
    void forgetToken(long tokenId) {
        forget(verified -> verified.token().id() == tokenId);
    }

    /** The account changed (disabled, roles, password, handle) or its tokens were revoked. */
    void forgetAccount(long accountId) {
        forget(verified -> verified.token().accountId() == accountId);
    }

    private void forget(Predicate<Verified> which) {
        forgetNow(which);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // a request that reads the database before the change commits would find the old state: forget again
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetNow(which);
                }
            });
        }
    }

    private void forgetNow(Predicate<Verified> which) {
        forgets.incrementAndGet();
        accepted.asMap().values().removeIf(which);
    }
}
