package ladder.webapp.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in with {@code Authorization: Bearer <personal access token>}, placed before
 * {@link BasicAuthenticationFilter} in the stateless chains ({@code /api/**}, {@code /actuator/**}). A request
 * without a Bearer header passes untouched (to HTTP Basic); a Bearer header that is no live token of an
 * enabled account gets 401 at once, one answer for unknown, revoked, expired and disabled alike. A token accepted
 * a moment ago is taken from {@link VerifiedTokens} without a transaction. It never creates an HTTP session.
 */
final class AccessTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";
    static final String REFUSED = "the token is not valid: unknown, revoked or expired, or its account is disabled";

    private final AccessTokens tokens;
    private final VerifiedTokens verified;
    private final Clock clock;
    private final Refusal refusal;

    /** How a refused token is answered (the chain's JSON 401). */
    interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response, String message) throws IOException;
    }

    AccessTokenFilter(AccessTokens tokens, VerifiedTokens verified, Clock clock, Refusal refusal) {
        this.tokens = tokens;
        this.verified = verified;
        this.clock = clock;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(BEARER.length()).strip();
        Optional<VerifiedTokens.Verified> holder = verify(secret);
        if (holder.isEmpty()) {
            refusal.refuse(request, response, REFUSED);
            return;
        }
        VerifiedTokens.Verified token = holder.get();
        var authentication = new AccessTokenAuthentication(token.user(), token.authorities(), token.token().accountId(),
                token.token().id(), token.token().scope());
        // read at each request: Vaadin installs its own strategy when the context starts
        SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(authentication);
        strategy.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<VerifiedTokens.Verified> verify(String secret) {
        if (!secret.startsWith(AccessTokens.PREFIX)) {
            return Optional.empty();
        }
        String hash = AccessTokens.hash(secret);
        Optional<VerifiedTokens.Verified> known = verified.find(hash, clock.instant());
        if (known.isPresent()) {
            return known;
        }
        long mark = verified.mark();
        Optional<VerifiedTokens.Verified> checked = tokens.verify(secret).map(VerifiedTokens.Verified::of);
        checked.ifPresent(accepted -> verified.remember(hash, accepted, mark));
        return checked;
    }
}
