package ladder.webapp.account;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs in with an account's username and password, for the login view and for HTTP Basic alike. Every
 * attempt first passes the {@link LoginThrottle}; every failure then looks the same from outside, whether the
 * account exists, is disabled or the password is wrong: the same message, and the same work (one BCrypt check,
 * against a dummy hash of the same cost when there is no account).
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Wrong username or password";

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final String dummyHash;

    AccountAuthenticationProvider(AccountRepository accounts, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.dummyHash = passwordEncoder.encode("not a password of anyone's"); // equal work for unknown users
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        LoginThrottle.Attempt attempt = throttle.attempt(LoginThrottle.signIn(username, address(authentication)));
        if (!attempt.refused().isZero()) {
            throw new LockedException(LoginThrottle.lockMessage(attempt.refused()));
        }
        boolean signedIn = false;
        Account account;
        try {
            Optional<Account> found = accounts.findByUsernameKey(Account.key(username));
            boolean rightPassword = passwordEncoder.matches(password,
                    found.map(Account::getPasswordHash).orElse(dummyHash));
            if (found.isEmpty() || !rightPassword || !found.get().isEnabled()) {
                throw new BadCredentialsException(BAD_CREDENTIALS); // disabled says no more than a wrong password
            }
            account = found.get();
            signedIn = true;
        } finally {
            attempt.end(signedIn);
        }
        List<SimpleGrantedAuthority> authorities = account.getRoles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        UserDetails principal = User.withUsername(account.getUsername()).password("").authorities(authorities).build();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    /** The client address as Spring Security recorded it for form login and HTTP Basic alike. */
    private static @Nullable String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
