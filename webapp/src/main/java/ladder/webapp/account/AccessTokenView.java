package ladder.webapp.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A personal access token as views and the API show it: never its secret, nor the secret's hash. */
public record AccessTokenView(long id, long accountId, String ownerUsername, String name, TokenScope scope,
        Instant createdAt, Instant expiresAt, @Nullable Instant lastUsedAt) {

    static AccessTokenView of(AccessToken token, String ownerUsername) {
        return new AccessTokenView(token.getId(), token.getAccountId(), ownerUsername, token.getName(),
                token.getScope(), token.getCreatedAt(), token.getExpiresAt(), token.getLastUsedAt());
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
