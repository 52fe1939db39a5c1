package ladder.webapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ladder.webapp.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In real headless Chromium: the admin creates a mentor, signs out, and the mentor signs in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.class)
class AccountsEndToEndTest {

    @LocalServerPort int port;

    @Test
    void the_admin_creates_a_mentor_who_then_signs_in() {
        try (Browser browser = Browser.open(port)) {
            browser.signIn("admin", "Admin-password-for-tests-1");
            browser.waitForText("Welcome, Administrator");
            browser.screenshot("home-admin");

            browser.go("/admin/accounts");
            browser.waitForText("Accounts");
            browser.click("account-new");
            browser.type("account-username", "e2ementor");
            browser.type("account-display-name", "Erin Mentor");
            browser.type("account-handle", "@erin");
            browser.clickText("label", "learner"); // default role off
            browser.clickText("label", "mentor");
            browser.type("account-password", "erin-mentor-password");
            browser.click("account-save");
            browser.waitForText("Account e2ementor created");
            browser.waitForText("Erin Mentor");
            browser.screenshot("accounts-admin");

            browser.click("sign-out");
            browser.signIn("e2ementor", "erin-mentor-password");
            browser.waitForText("Welcome, Erin Mentor");
            assertThat(browser.pageText()).contains("Erin Mentor (@erin, mentor)").doesNotContain("Manage accounts");
            assertThat(browser.all("vaadin-side-nav-item")).noneMatch(item -> item.getText().contains("Accounts"));
            browser.screenshot("home-mentor");
        }
    }
}
