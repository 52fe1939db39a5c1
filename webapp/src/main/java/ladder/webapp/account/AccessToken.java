package ladder.webapp.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A personal access token: what an account's scripts sign in with instead of a password. Only the SHA-256 of
 * the secret is stored; the secret itself is shown once, when the token is made. Never changed after that,
 * only deleted (revoked), so it carries no {@code @Version}; {@code lastUsedAt} is written by a bulk update.
 */
@Entity
@Table(name = "access_token")
class AccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_hash", nullable = false, unique = true)
    private String secretHash;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    private TokenScope scope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    protected AccessToken() { } // for JPA

    AccessToken(long accountId, String name, String secretHash, TokenScope scope, Instant createdAt, Instant expiresAt) {
        this.accountId = accountId;
        this.name = name;
        this.secretHash = secretHash;
        this.scope = scope;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    long getId() { return id == null ? 0 : id; }
    long getAccountId() { return accountId; }
    String getName() { return name; }
    TokenScope getScope() { return scope; }
    Instant getCreatedAt() { return createdAt; }
    Instant getExpiresAt() { return expiresAt; }
    @Nullable Instant getLastUsedAt() { return lastUsedAt; }
}
