package ladder.webapp.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts sign-ins as {@code ladder.accounts.signins} by {@code result}: success (a person signing in on the
 * login page; API calls authenticate on every request and are not counted), failure (any refused
 * credentials, login page or API) and locked (refused because the account is throttled). No user name is
 * ever a tag: the login-failure alert needs the rate, not who.
 */
@Component
class SignInMeters {

    private final Counter success;
    private final Counter failure;
    private final Counter locked;

    SignInMeters(MeterRegistry registry) {
        this.success = counter(registry, "success");
        this.failure = counter(registry, "failure");
        this.locked = counter(registry, "locked");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("ladder.accounts.signins").description("Sign-ins by result")
                .tag("result", result).register(registry);
    }

    @EventListener
    void succeeded(InteractiveAuthenticationSuccessEvent event) {
        success.increment();
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        (event.getException() instanceof LockedException ? locked : failure).increment();
    }
}
