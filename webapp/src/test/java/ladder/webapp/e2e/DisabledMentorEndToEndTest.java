package ladder.webapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import ladder.webapp.account.AccountChanges;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium: a mentor has a goal's dialog open when an admin disables them; their next
 * click does not save anything but lands them on the login view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.class)
class DisabledMentorEndToEndTest {

    static final String GOAL = "min_working_solution";

    @LocalServerPort int port;
    @Autowired AccountService accounts;

    @Test
    void a_mentor_disabled_while_editing_can_no_longer_save() {
        accounts.create(new NewAccount("e2edisabled", "Dana Mentor", "@dana", Set.of(Role.MENTOR), "dana-mentor-password"));
        try (Browser browser = Browser.open(port)) {
            browser.signIn("e2edisabled", "dana-mentor-password");
            browser.go("/roadmap");
            browser.waitForText("Team roadmap");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            wait.until(d -> !browser.all("#roadmap-graph g.node").isEmpty());
            browser.driver().findElement(By.xpath("//*[local-name()='g' and @class='node']"
                    + "[*[local-name()='title' and text()='" + GOAL + "']]")).click();
            browser.waitForVaadin();
            browser.clickText("label", "blocked");

            accounts.update("e2edisabled", new AccountChanges(null, null, null, false, null));
            browser.driver().findElement(By.id("goal-save")).click();

            wait.until(d -> d.getCurrentUrl().contains("/login"));
            assertThat(browser.pageText()).doesNotContain("Goal saved");
        }
    }
}
