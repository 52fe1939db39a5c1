package ladder.webapp.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs in with an account's username and password, for the login view and for HTTP Basic alike,
 * and feeds every outcome to the {@link LoginThrottle}.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private static final String BAD_CREDENTIALS = "Wrong username or password";

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
        Optional<Account> found = accounts.findByUsername(username);
        if (found.isEmpty()) {
            passwordEncoder.matches(password, dummyHash);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        Account account = found.get();
        Duration lock = throttle.remainingLock(account);
        if (!lock.isZero()) {
            throw new LockedException("Too many failed sign-ins: try again in " + Math.max(1, lock.toSeconds()) + " s");
        }
        if (!passwordEncoder.matches(password, account.getPasswordHash())) {
            throttle.recordFailure(username);
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        if (!account.isEnabled()) {
            throw new DisabledException("This account is disabled: ask an admin");
        }
        if (account.getFailedLogins() > 0) {
            throttle.recordSuccess(username);
        }
        List<SimpleGrantedAuthority> authorities = account.getRoles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        UserDetails principal = User.withUsername(username).password("").authorities(authorities).build();
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
