package ladder.webapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import ladder.model.ladder.Rung;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.ladder.ClaimInput;
import ladder.webapp.ladder.LadderService;
import ladder.webapp.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium: a learner takes the guided assessment and claims Action on logs; a mentor
 * confirms it with a comment from the review queue; the learner sees the confirmed level, the comment
 * and the timeline. Saves screenshots of the learner's ladder, the review queue and the team view.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.class)
class LadderEndToEndTest {

    static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired LadderService ladder;

    @Test
    void a_learner_claims_action_in_the_guided_assessment_and_a_mentor_confirms_it() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String learner = "lena" + suffix;
        String mentor = "marc" + suffix;
        accounts.create(new NewAccount(learner, "Lena Learner", "@" + learner, Set.of(Role.LEARNER), PASSWORD));
        accounts.create(new NewAccount(mentor, "Marc Mentor", "@" + mentor, Set.of(Role.MENTOR), PASSWORD));
        accounts.create(new NewAccount("sam" + suffix, "Sam Sample", "@sam" + suffix, Set.of(Role.LEARNER), PASSWORD));
        // a second learner with history for the team view, recorded on the server side as that learner
        AccountView sam = accounts.find("sam" + suffix).orElseThrow();
        ladder.assess(sam, "@sam" + suffix, new ClaimInput("metrics", Rung.KNOWLEDGE, "", List.of(), ""));
        ladder.assess(sam, "@sam" + suffix, new ClaimInput("linux", Rung.INFORMATION, "", List.of(), ""));
        ladder.assess(sam, "@sam" + suffix, new ClaimInput("alerting", Rung.ABILITY, "wrote the disk-full alert",
                List.of(), ""));

        try (Browser browser = Browser.open(port)) {
            try {
                browser.signIn(learner, PASSWORD);
                waitFor(browser, "Guided assessment");
                browser.go("/ladder/guided");
                waitFor(browser, "Topic 1 of");

                // metrics: knowledge stands on the learner's word
                pick(browser, "4 · Knowledge — + linking to context and experience");
                press(browser, "guided-next");
                // logs: action needs evidence and a mentor
                waitFor(browser, "Topic 2 of");
                pick(browser, "6 · Action — + will");
                typeInto(browser, "guided-evidence", "textarea", "I rebuilt our log shipping and now own the LogQL alerts");
                typeInto(browser, "guided-links", "textarea", "https://git.example.org/infra/pull/42");
                press(browser, "guided-next");
                waitFor(browser, "Topic 3 of");
                // traces: information
                pick(browser, "3 · Information — + meaning");
                while (!browser.all("#guided-next").isEmpty() && browser.all("#guided-next").getFirst().isDisplayed()) {
                    press(browser, "guided-next");
                }
                waitFor(browser, "Summary");
                assertThat(text(browser)).contains("a mentor reviews it", "stands at once");
                press(browser, "guided-submit");
                waitFor(browser, "Assessment recorded: 2 confirmed, 1 waiting for a mentor's review");
                waitFor(browser, "My knowledge ladder");
                assertThat(browser.all(".kl-cell.kl-pending[data-topic='logs'][data-rung='action']")).hasSize(1);
                browser.click("sign-out");

                browser.signIn(mentor, PASSWORD);
                browser.go("/ladder/team");
                waitFor(browser, "Team ladder");
                WebElement cell = browser.driver().findElement(By.cssSelector(
                        ".kl-team-cell[data-learner='@" + learner + "'][data-topic='logs']"));
                assertThat(cell.getAttribute("class")).contains("kl-team-pending");
                assertThat(cell.getText()).contains("→6");
                browser.screenshot("ladder-team");
                browser.go("/ladder/reviews");
                String key = learner + "-logs";
                waitFor(browser, "I rebuilt our log shipping");
                typeInto(browser, "review-comment-" + key, "textarea", "Confirmed: you ran the log migration end to end.");
                browser.driver().manage().window().setSize(new Dimension(1280, 1100));
                browser.script("document.querySelector('h2').scrollIntoView()");
                browser.waitForVaadin();
                browser.screenshot("ladder-review-queue");
                press(browser, "review-confirm-" + key);
                waitFor(browser, "Decided: @" + learner + " on Logs");
                assertThat(browser.all("#review-" + key)).isEmpty();

                browser.click("sign-out");

                browser.signIn(learner, PASSWORD);
                browser.go("/ladder");
                waitFor(browser, "My knowledge ladder");
                assertThat(browser.all(".kl-cell.kl-filled[data-topic='logs']")).hasSize(6);
                assertThat(browser.all(".kl-cell.kl-pending")).isEmpty();
                waitFor(browser, "Logs — 6 · Action");
                String page = text(browser);
                assertThat(page).contains("Mentor's comment: Confirmed: you ran the log migration end to end.",
                        "confirmed by @" + mentor, "@" + learner + " (self-assessment) claimed 6 · Action",
                        "Evidence: I rebuilt our log shipping");
                browser.driver().manage().window().setSize(new Dimension(1280, 1750));
                browser.waitForVaadin();
                browser.screenshot("ladder-learner");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("ladder-failure"); // what the browser showed when it went wrong
                throw e;
            }
        }
    }

    /** The whole page's text, also what the shell's scroll area hides (Selenium's getText leaves that out). */
    static String text(Browser browser) {
        return String.valueOf(browser.script("return document.body.innerText"));
    }

    static void waitFor(Browser browser, String expected) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> text(browser).contains(expected));
        browser.waitForVaadin();
    }

    /** Scrolls the element with this id to the middle of the window (the shell scrolls inside), then clicks it. */
    static void press(Browser browser, String id) {
        WebElement element = browser.driver().findElement(By.id(id));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
        browser.click(id);
    }

    /** Picks the radio button with this label. */
    static void pick(Browser browser, String label) {
        WebElement element = browser.driver().findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
        browser.waitForVaadin();
    }

    /** Types into the inner {@code tag} (input or textarea) of the Vaadin field with this id. */
    static void typeInto(Browser browser, String fieldId, String tag, String text) {
        WebElement field = browser.driver().findElement(By.cssSelector("#" + fieldId + " " + tag));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", field);
        field.clear();
        field.sendKeys(text);
        field.sendKeys(Keys.TAB);
        browser.waitForVaadin();
    }
}
