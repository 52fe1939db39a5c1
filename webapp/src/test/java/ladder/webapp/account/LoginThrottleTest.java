package ladder.webapp.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The throttle's rules, on its own: counted from the start of an attempt, per username and address, atomically. */
class LoginThrottleTest {

    final LoginThrottle throttle = new LoginThrottle(Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void five_failures_in_a_row_lock_the_key_and_a_reset_by_an_admin_lifts_it() {
        String key = LoginThrottle.signIn("ada", "192.0.2.1");
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            LoginThrottle.Attempt attempt = throttle.attempt(key);
            assertThat(attempt.refused()).isZero();
            attempt.end(false);
        }
        assertThat(throttle.attempt(key).refused()).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.attempt(LoginThrottle.signIn("ada", "192.0.2.2")).refused()).as("another address").isZero();

        throttle.forget("ADA");
        assertThat(throttle.attempt(key).refused()).isZero();
    }

    @Test
    void usernames_count_in_any_case_and_ipv6_addresses_by_their_64_bit_network() {
        assertThat(LoginThrottle.signIn("Ada", "192.0.2.1")).isEqualTo(LoginThrottle.signIn("ada", "192.0.2.1"));
        assertThat(LoginThrottle.signIn("ada", "2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.signIn("ada", "2001:db8:1:2:bbbb::2"))
                .isNotEqualTo(LoginThrottle.signIn("ada", "2001:db8:1:3::1"));
        assertThat(LoginThrottle.signIn("ada", "192.0.2.1")).isNotEqualTo(LoginThrottle.signIn("ada", "192.0.2.2"));
    }

    @Test
    void of_many_concurrent_wrong_guesses_only_the_free_ones_are_checked() throws Exception {
        assertThat(concurrently("bob", 200, false)).isEqualTo(LoginThrottle.FREE_ATTEMPTS);
    }

    @Test
    void many_concurrent_right_passwords_all_go_ahead() throws Exception {
        assertThat(concurrently("cy", 200, true)).isEqualTo(200);
    }

    /** How many of {@code count} concurrent attempts went ahead, each ending with a right or wrong password. */
    int concurrently(String username, int count, boolean right) throws Exception {
        String key = LoginThrottle.signIn(username, "192.0.2.9");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < count; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    LoginThrottle.Attempt attempt = throttle.attempt(key);
                    if (!attempt.refused().isZero()) {
                        return false;
                    }
                    Thread.sleep(5); // the password check
                    attempt.end(right);
                    return true;
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> answer : answers) {
                allowed += answer.get() ? 1 : 0;
            }
            return allowed;
        }
    }
}
