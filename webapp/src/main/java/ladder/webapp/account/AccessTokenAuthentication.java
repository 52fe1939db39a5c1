package ladder.webapp.account;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A request signed in with a personal access token: the account's user (name and current roles, like a
 * password sign-in, so every access rule and {@link CurrentUser} work unchanged), the account and token ids,
 * and the token's scope, which the API chain's rules read.
 */
final class AccessTokenAuthentication extends AbstractAuthenticationToken {

    private final UserDetails user;
    private final long accountId;
    private final long tokenId;
    private final TokenScope scope;

    AccessTokenAuthentication(UserDetails user, List<? extends GrantedAuthority> authorities, long accountId,
            long tokenId, TokenScope scope) {
        super(authorities);
        this.user = user;
        this.accountId = accountId;
        this.tokenId = tokenId;
        this.scope = scope;
        setAuthenticated(true);
    }

    @Override
    public @Nullable Object getCredentials() {
        return null; // the secret is never kept past the check
    }

    @Override
    public Object getPrincipal() {
        return user;
    }

    long accountId() { return accountId; }
    long tokenId() { return tokenId; }
    TokenScope scope() { return scope; }

    /** Whether a request signed in this way is a token of one of these scopes. */
    static boolean isTokenOf(@Nullable Object authentication, TokenScope... scopes) {
        if (authentication instanceof AccessTokenAuthentication token) {
            for (TokenScope scope : scopes) {
                if (token.scope == scope) {
                    return true;
                }
            }
        }
        return false;
    }
}
