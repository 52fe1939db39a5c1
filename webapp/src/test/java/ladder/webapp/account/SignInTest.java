package ladder.webapp.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Signing in: the lock cannot be raced, cannot lock the owner out, and no failure tells whether an account exists. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInTest {

    static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired AuthenticationManager authenticationManager;
    Http anonymous;

    @BeforeEach
    void client() {
        anonymous = Http.to(port);
    }

    String learner() {
        String username = "s" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Learner " + username, "@" + username, Set.of(Role.LEARNER), PASSWORD));
        return username;
    }

    Authentication signIn(String username, String password, String address) {
        UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        request.setDetails(new WebAuthenticationDetails(address, null));
        return authenticationManager.authenticate(request);
    }

    @Test
    void a_right_password_inside_a_burst_of_wrong_ones_does_not_sign_in_once_the_lock_applies() throws Exception {
        String username = learner();
        Http wrong = anonymous.as(username, "not-the-password-at-all");
        Http right = anonymous.as(username, PASSWORD);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                burst.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return wrong.get("/api/roadmaps");
                }, threads));
            }
            CompletableFuture<HttpResponse<String>> guess = CompletableFuture.supplyAsync(() -> {
                await(start);
                sleep(300); // well inside the burst: 20 BCrypt checks on this machine take longer than that
                return right.get("/api/roadmaps");
            }, threads);
            start.countDown();

            assertThat(burst).allSatisfy(answer -> assertThat(answer.join().statusCode()).isEqualTo(401));
            HttpResponse<String> answer = guess.join();
            assertThat(answer.statusCode()).as("the right password while locked: " + answer.body()).isEqualTo(401);
            assertThat(answer.body()).contains("Too many failed sign-ins");
        }
    }

    @Test
    void guesses_from_one_address_do_not_lock_the_owner_out_from_another() {
        String username = learner();
        for (int i = 0; i < 3 * LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThatThrownBy(() -> signIn(username, "not-the-password-at-all", "203.0.113.7"))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> signIn(username, PASSWORD, "203.0.113.7"))
                .hasMessageContaining("Too many failed sign-ins");

        assertThat(signIn(username, PASSWORD, "198.51.100.20").isAuthenticated()).isTrue();
    }

    @Test
    void every_failed_sign_in_answers_the_same_whether_or_not_the_account_exists_or_is_enabled() {
        String real = learner();
        String disabled = learner();
        accounts.update(disabled, new AccountChanges(null, null, null, false, null));
        String unknown = "nobody" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> wrongForReal = anonymous.as(real, "not-the-password-at-all").get("/api/roadmaps");
        HttpResponse<String> wrongForUnknown = anonymous.as(unknown, "not-the-password-at-all").get("/api/roadmaps");
        HttpResponse<String> rightForDisabled = anonymous.as(disabled, PASSWORD).get("/api/roadmaps");
        assertThat(List.of(wrongForReal, wrongForUnknown, rightForDisabled)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo(wrongForReal.body());
        });

        String lockedReal = null;
        String lockedUnknown = null;
        for (int i = 0; i <= LoginThrottle.FREE_ATTEMPTS; i++) {
            lockedReal = anonymous.as(real, "not-the-password-at-all").get("/api/roadmaps").body();
            lockedUnknown = anonymous.as(unknown, "not-the-password-at-all").get("/api/roadmaps").body();
        }
        assertThat(lockedReal).contains("Too many failed sign-ins");
        assertThat(lockedUnknown).contains("Too many failed sign-ins");
        assertThat(lockedUnknown.replaceAll("\\d+", "N")).isEqualTo(lockedReal.replaceAll("\\d+", "N"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
