package ladder.webapp.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The UI's session as a browser holds it, over real HTTP with a cookie jar: the login form needs its CSRF
 * token, pages carry the security headers, and an admin's change to an account ends that account's sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSessionTest {

    static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort int port;
    @Autowired AccountService accounts;

    /** One browser: its own cookies, no redirects followed. */
    final class Session {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET().build());
        }

        HttpResponse<String> postForm(String path, String form) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        /** The CSRF token's field and value as the login page carries them for the login form. */
        String csrfField() {
            String page = get("/login").body();
            Matcher name = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"").matcher(page);
            Matcher value = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
            assertThat(name.find() && value.find()).as("the login page carries the CSRF token").isTrue();
            return name.group(1) + "=" + URLEncoder.encode(value.group(1), StandardCharsets.UTF_8);
        }

        HttpResponse<String> signIn(String username, String password) {
            return postForm("/login", csrfField() + "&username=" + username + "&password=" + password);
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    String account(Role role) {
        String username = "b" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Person " + username, "@" + username, Set.of(role), PASSWORD));
        return username;
    }

    @Test
    void the_login_form_without_its_csrf_token_signs_nobody_in() {
        String username = account(Role.LEARNER);
        Session browser = new Session();
        browser.get("/login");
        HttpResponse<String> forged = browser.postForm("/login", "username=" + username + "&password=" + PASSWORD);

        assertThat(forged.headers().firstValue("Location").orElse("")).doesNotEndWith("/");
        assertThat(browser.get("/account/password").statusCode()).as("still signed out").isNotEqualTo(200);
    }

    @Test
    void the_login_form_with_its_csrf_token_signs_in() {
        String username = account(Role.LEARNER);
        Session browser = new Session();
        HttpResponse<String> answer = browser.signIn(username, PASSWORD);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);
    }

    @Test
    void pages_carry_the_security_headers_and_signed_in_pages_are_not_stored() {
        Session browser = new Session();
        HttpResponse<String> login = browser.get("/login");
        browser.signIn(account(Role.LEARNER), PASSWORD);
        HttpResponse<String> page = browser.get("/account/password");

        for (HttpResponse<String> answer : List.of(login, page)) {
            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(answer.uri() + " " + answer.statusCode() + " " + answer.headers().map()).contains("default-src 'self'", "object-src 'none'", "base-uri 'self'",
                    "frame-ancestors 'none'", "style-src 'self' 'unsafe-inline'");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).isPresent();
        }
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void disabling_a_signed_in_mentor_ends_their_session() {
        String mentor = account(Role.MENTOR);
        Session browser = new Session();
        browser.signIn(mentor, PASSWORD);
        assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);

        accounts.update(mentor, new AccountChanges(null, null, null, false, null));

        HttpResponse<String> after = browser.get("/account/password");
        assertThat(after.statusCode()).as("the open session no longer works").isNotEqualTo(200);
    }

    @Test
    void changing_roles_or_resetting_the_password_ends_the_sessions_too() {
        String mentor = account(Role.MENTOR);
        Session first = new Session();
        first.signIn(mentor, PASSWORD);
        accounts.update(mentor, new AccountChanges(null, null, Set.of(Role.LEARNER), null, null));
        assertThat(first.get("/account/password").statusCode()).isNotEqualTo(200);

        Session second = new Session();
        second.signIn(mentor, PASSWORD);
        assertThat(second.get("/account/password").statusCode()).isEqualTo(200);
        accounts.update(mentor, new AccountChanges(null, null, null, null, "another-long-password"));
        assertThat(second.get("/account/password").statusCode()).isNotEqualTo(200);
    }
}
