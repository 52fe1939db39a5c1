package ladder.webapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import ladder.webapp.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium, under the app's Content-Security-Policy: the login form signs in (it must send
 * its CSRF token now), and the main views work with the policy violated nowhere. When a Vaadin upgrade changes
 * its bootstrap's inline scripts, this fails with Chromium's message naming the new hash.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.class)
class SecurityHeadersEndToEndTest {

    @LocalServerPort int port;

    @Test
    void the_views_work_under_the_content_security_policy_and_violate_it_nowhere() {
        try (Browser browser = Browser.open(port)) {
            List<String> console = new ArrayList<>();
            browser.signIn("admin", "Admin-password-for-tests-1");
            browser.waitForText("Welcome, Administrator");
            console.addAll(browser.consoleMessages());
            for (String view : new String[] {"/roadmap", "/roadmap/goals", "/ladder/team", "/account/password",
                    "/admin/accounts"}) {
                browser.go(view);
                console.addAll(browser.consoleMessages());
            }
            browser.click("account-new");
            browser.waitForText("New account");
            console.addAll(browser.consoleMessages());

            assertThat(console).noneMatch(message -> message.contains("Content Security Policy"));
            assertThat(browser.script("return document.querySelector('vaadin-grid') !== null")).isEqualTo(true);

            // a slip that put markup with a script into the page: the policy keeps it from running
            browser.script("const s = document.createElement('script'); s.textContent = 'window.injected = 1';"
                    + "document.body.appendChild(s); const i = document.createElement('img'); i.src = 'x';"
                    + "i.setAttribute('onerror', 'window.injected = 2'); document.body.appendChild(i);");
            browser.waitForVaadin();
            assertThat(browser.script("return window.injected === undefined")).isEqualTo(true);
        }
    }
}
