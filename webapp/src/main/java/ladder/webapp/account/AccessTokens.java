package ladder.webapp.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: made by their account (the secret shown once), listed without secrets, revoked by
 * their owner or an admin, and checked on each API request for a fraction of a millisecond instead of a BCrypt
 * verification. A secret is {@value #PREFIX} and 32 random bytes in URL-safe Base64 (256 bits: a fast hash
 * is the right one, nothing to guess and no dictionary to try); only its SHA-256 is stored, and a lookup by
 * that hash is the whole check ({@link VerifiedTokens} keeps an accepted one for a few seconds). A token ends at its expiry, when revoked, and with its account's disabling
 * or password reset ({@link AccountService#update}); it always acts with its account's roles as they are now.
 */
@Service
@Transactional
public class AccessTokens {

    /** What every secret starts with, so a leaked one is found by scanning (and told from a password). */
    public static final String PREFIX = "ldr_pat_";
    public static final int MAX_NAME_LENGTH = 64;
    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;
    /** A use is recorded at most this often per token: no write on every request of a busy script. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final AccessTokenRepository tokens;
    private final AccountRepository accounts;
    private final VerifiedTokens verified;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessTokens(AccessTokenRepository tokens, AccountRepository accounts, VerifiedTokens verified, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.verified = verified;
        this.clock = clock;
    }

    /**
     * Makes a token for {@code owner}; {@code expiresInDays} null means {@value #DEFAULT_DAYS}. Throws
     * {@link AccountException} on a blank or long name, days outside 1–{@value #MAX_DAYS}, a metrics token of
     * an account that is no admin, or a disabled owner.
     */
    public NewAccessToken create(AccountView owner, @Nullable String name, @Nullable Integer expiresInDays,
            TokenScope scope) {
        Account account = accounts.findById(owner.id()).filter(Account::isEnabled)
                .orElseThrow(() -> new AccountException("only an enabled account can make tokens"));
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new AccountException("a token needs a name of 1 to " + MAX_NAME_LENGTH + " characters, "
                    + "e.g. what will use it");
        }
        int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        if (days < 1 || days > MAX_DAYS) {
            throw new AccountException("expiresInDays must be 1 to " + MAX_DAYS + ": every token expires");
        }
        if (scope == TokenScope.METRICS && !account.hasRole(Role.ADMIN)) {
            throw new AccountException("only an admin can make a metrics token: the scrape is open to admins only");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        AccessToken token = tokens.saveAndFlush(new AccessToken(owner.id(), name.strip(), hash(secret), scope, now,
                now.plus(Duration.ofDays(days))));
        return new NewAccessToken(AccessTokenView.of(token, account.getUsername()), secret);
    }

    /** The tokens of one account, oldest first. */
    @Transactional(readOnly = true)
    public List<AccessTokenView> of(AccountView owner) {
        return tokens.findAllByAccountIdOrderByCreatedAtAscIdAsc(owner.id()).stream()
                .map(token -> AccessTokenView.of(token, owner.username())).toList();
    }

    /** Every account's tokens, for an admin (by owner, then oldest first); throws for anyone else. */
    @Transactional(readOnly = true)
    public List<AccessTokenView> all(AccountView admin) {
        requireAdmin(admin);
        Map<Long, String> names = new HashMap<>();
        accounts.findAll().forEach(account -> names.put(account.getId(), account.getUsername()));
        return tokens.findAllByOrderByAccountIdAscCreatedAtAscIdAsc().stream()
                .map(token -> AccessTokenView.of(token, names.getOrDefault(token.getAccountId(), "?"))).toList();
    }

    /**
     * Revokes (deletes) a token of {@code actor}'s own, or anyone's when {@code actor} is an enabled admin
     * (compared by account id); any other token is reported as missing, the same as one that does not exist.
     */
    public void revoke(AccountView actor, long tokenId) {
        Account current = accounts.findById(actor.id()).filter(Account::isEnabled)
                .orElseThrow(() -> new NoSuchTokenException("no token " + tokenId));
        AccessToken token = tokens.findById(tokenId)
                .filter(found -> found.getAccountId() == actor.id() || current.hasRole(Role.ADMIN))
                .orElseThrow(() -> new NoSuchTokenException("no token " + tokenId + " of yours"));
        tokens.delete(token);
        verified.forgetToken(tokenId);
    }

    /** Deletes every token of the account: it was disabled or its password reset. */
    void revokeAll(long accountId) {
        tokens.deleteAllOfAccount(accountId);
        verified.forgetAccount(accountId);
    }

    /** The account changed (roles, enabled, password, handle): its tokens are checked against it again. */
    void accountChanged(long accountId) {
        verified.forgetAccount(accountId);
    }

    /** What a valid secret signs in as: the token and its account as they are now. */
    record Holder(AccessTokenView token, Account account) {
    }

    /**
     * The token and account of {@code secret}, if the secret is a live token's (not expired, not revoked) and
     * its account is enabled. Records the use (at most once a {@link #LAST_USED_RESOLUTION}).
     */
    Optional<Holder> verify(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<AccessToken> found = tokens.findBySecretHash(hash(secret)).filter(t -> t.getExpiresAt().isAfter(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccessToken token = found.get();
        Optional<Account> account = accounts.findById(token.getAccountId()).filter(Account::isEnabled);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Instant since = now.minus(LAST_USED_RESOLUTION);
        if (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(since)) {
            tokens.markUsed(token.getId(), now, since);
        }
        return Optional.of(new Holder(AccessTokenView.of(token, account.get().getUsername()), account.get()));
    }

    private static void requireAdmin(AccountView account) {
        if (!account.enabled() || !account.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("only admins see everyone's tokens");
        }
    }

    /** Hex SHA-256 of the secret's UTF-8 bytes: what is stored and looked up. */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
