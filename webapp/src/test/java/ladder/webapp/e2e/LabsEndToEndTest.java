package ladder.webapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.model.roadmap.GoalStatus;
import ladder.model.roadmap.Roadmap;
import ladder.webapp.roadmap.GoalCriteriaService;
import ladder.webapp.roadmap.RoadmapService;
import ladder.webapp.support.Browser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium on the process runtime: a learner starts the metrics lab from the catalog,
 * watches its components come up (pushed, no reload), opens Prometheus through Ladder, presses Check and
 * sees failures with hints, edits the workspace to a solution in the editor, applies, presses Check and
 * sees every check pass; the ladder then shows the lab's evidence. Another learner gets 404 for the
 * session's page of Prometheus. A goal whose criterion is the lab is then done by itself, one that also
 * asks for a mentor's approval waits for it; the mentor's team dashboard shows the lab in its feed.
 * Saves screenshots of the catalog, the session failing and passing, the learner's home and the dashboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.class)
class LabsEndToEndTest {

    static final String PASSWORD = "a-long-enough-password";
    static final Path SOLUTION = Path.of("../labs/catalog/metrics/solution");

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired RoadmapService roadmaps;
    @Autowired GoalCriteriaService criteria;

    static void signedInAs(String username, Runnable action) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.NO_AUTHORITIES));
        SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void a_learner_passes_the_metrics_lab_in_the_browser_and_the_ladder_shows_it() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String learner = "lara" + suffix;
        String other = "otto" + suffix;
        accounts.create(new NewAccount(learner, "Lara Learner", "@" + learner, Set.of(Role.LEARNER), PASSWORD));
        accounts.create(new NewAccount(other, "Otto Other", "@" + other, Set.of(Role.LEARNER), PASSWORD));
        String mentor = "mona" + suffix;
        accounts.create(new NewAccount(mentor, "Mona Mentor", "@" + mentor, Set.of(Role.MENTOR), PASSWORD));
        // a goal that the metrics lab completes, and one that also waits for the mentor's approval
        long roadmapId = roadmaps.create("Lab goals " + suffix, "digraph { prove_metrics [participants=\"@" + learner
                + "\", labs_passed=\"metrics\"]; approved [participants=\"@" + learner + "\", labs_passed=\"metrics\","
                + " approval=\"@" + mentor + "\"] }", accounts.find(mentor).orElseThrow()).id();

        String sessionPath;
        try (Browser browser = Browser.open(port)) {
            WebDriverWait slow = new WebDriverWait(browser.driver(), Duration.ofSeconds(150));
            try {
                browser.signIn(learner, PASSWORD);
                browser.go("/labs");
                browser.waitForText("Scrape the shop and record its request rate");
                assertThat(browser.pageText()).contains("Watch the host with node-exporter", "Ability (know-how)",
                        "30m", "not started");
                browser.driver().manage().window().setSize(new Dimension(1400, 1000));
                browser.waitForVaadin();
                browser.screenshot("labs-catalog");

                press(browser, "start-metrics");
                slow.until(d -> d.getCurrentUrl().contains("/labs/sessions/"));
                sessionPath = browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "");
                browser.waitForText("Workspace");
                // the components' states arrive through push while the page stays as it is
                slow.until(d -> d.findElement(By.id("session-state")).getText().equals("ready"));
                assertThat(browser.all("#component-prometheus [theme~='success']")).hasSize(1);
                assertThat(browser.all("#component-shop [theme~='success']")).hasSize(1);
                assertThat(browser.pageText()).contains("min", "left", "Look at what the shop exposes");

                String prometheus = browser.driver().findElement(By.id("open-prometheus")).getAttribute("href");
                assertThat(prometheus).endsWith(sessionPath + "/ui/prometheus/");
                browser.driver().get(prometheus);
                slow.until(d -> d.getTitle().contains("Prometheus"));
                assertThat(browser.driver().getCurrentUrl()).contains(sessionPath + "/ui/prometheus/");
                // Prometheus's own scripts ran (the component UIs' policy lets them): its query box is drawn
                slow.until(d -> !d.findElements(By.cssSelector("textarea, input[placeholder*='xpression']")).isEmpty());
                browser.screenshot("labs-prometheus-through-ladder");
                browser.go(sessionPath);
                slow.until(d -> d.findElement(By.id("session-state")).getText().equals("ready"));

                press(browser, "check");
                browser.waitForText("Waits for data: polls until it sees it"); // while the polling checks run
                slow.until(d -> !d.findElements(By.id("checks-summary")).isEmpty());
                String failing = browser.pageText();
                assertThat(failing).contains("checks passed", "Hint: Status → Targets lists every scrape job", "Saw:",
                        "Expected:");
                browser.driver().manage().window().setSize(new Dimension(1400, 1300));
                browser.script("document.getElementById('check').scrollIntoView()");
                browser.waitForVaadin();
                browser.screenshot("labs-session-failing");
                assertThat(failing).as("the first failure teaches; the answer waits for a click").doesNotContain("job_name: shop");
                press(browser, "answer-shop-scraped");
                slow.until(d -> !d.findElements(By.id("answer-text-shop-scraped")).isEmpty());
                assertThat(browser.driver().findElement(By.id("answer-text-shop-scraped")).getText())
                        .contains("job_name: shop", "${host:shop}");

                // the editor opened prometheus.yml first; type the solution in, then rules.yml
                setEditor(browser, Files.readString(SOLUTION.resolve("prometheus.yml")));
                press(browser, "file-rules-yml");
                browser.waitForText("Editing rules.yml");
                setEditor(browser, Files.readString(SOLUTION.resolve("rules.yml")));
                press(browser, "apply");
                slow.until(d -> !d.findElements(By.cssSelector("#apply-message.ladder-lab-ok")).isEmpty());

                press(browser, "check");
                slow.until(d -> d.findElements(By.id("checks-summary")).stream()
                        .anyMatch(e -> e.getText().startsWith("Every check passed")));
                assertThat(browser.all(".ladder-lab-check.not-passed")).isEmpty();
                browser.script("document.getElementById('check').scrollIntoView()");
                browser.waitForVaadin();
                browser.screenshot("labs-session-passing");

                browser.go("/ladder");
                browser.waitForText("My knowledge ladder");
                browser.waitForText("Passed the lab");
                assertThat(browser.pageText()).contains("Metrics");

                // the roadmap reacts to LabPassed after the pass is stored, on the event's own thread: give it a moment
                new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d ->
                        roadmaps.get(roadmapId).roadmap().goal("prove_metrics").orElseThrow().status() == GoalStatus.DONE);
                Roadmap after = roadmaps.get(roadmapId).roadmap();
                assertThat(after.goal("prove_metrics").orElseThrow().status()).as("its criteria are met").isEqualTo(GoalStatus.DONE);
                assertThat(roadmaps.history(roadmapId, "prove_metrics")).anySatisfy(change -> {
                    assertThat(change.what()).isEqualTo("criteria met");
                    assertThat(change.after()).contains("@" + learner + " passed the lab metrics");
                });
                assertThat(after.goal("approved").orElseThrow().status()).as("still waits for the approval")
                        .isEqualTo(GoalStatus.PENDING);

                browser.go("/");
                browser.waitForText("Your next steps");
                browser.screenshot("labs-learner-home");
                browser.click("sign-out");

                // another learner: not their session, neither the page nor the component UI
                browser.signIn(other, PASSWORD);
                browser.driver().get("http://localhost:" + port + sessionPath + "/ui/prometheus/graph");
                assertThat(browser.driver().getPageSource()).doesNotContain("Prometheus Time Series");
                assertThat(browser.pageText()).doesNotContain("Prometheus Time Series Collection");
                browser.go("/");
                browser.click("sign-out");

                // the mentor: the team dashboard's feed has the lab result; approving completes the other goal
                browser.signIn(mentor, PASSWORD);
                browser.go("/team");
                browser.waitForText("Team dashboard");
                browser.waitForText("every check passed");
                assertThat(browser.pageText()).contains("@" + learner, "metrics (");
                browser.driver().manage().window().setSize(new Dimension(1400, 1600));
                browser.waitForVaadin();
                browser.screenshot("labs-team-dashboard");
                signedInAs(mentor, () -> criteria.approve(roadmapId, "approved", accounts.find(mentor).orElseThrow()));

                // the mentor opens the learner's running session from the labs' list: read only, and stops it
                browser.go("/labs");
                browser.waitForText("@" + learner);
                browser.go(sessionPath);
                browser.waitForText("You are looking at @" + learner + "'s session");
                assertThat(browser.driver().findElement(By.id("check")).getAttribute("disabled")).isNotNull();
                press(browser, "stop");
                slow.until(d -> d.findElement(By.id("session-state")).getText().equals("stopped"));
                assertThat(browser.pageText()).contains("stopped by @" + mentor);
                assertThat(roadmaps.get(roadmapId).roadmap().goal("approved").orElseThrow().status()).isEqualTo(GoalStatus.DONE);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("labs-failure");
                throw e;
            }
        }
    }

    /** Clicks a button by id the way a click does, wherever the page has scrolled it (no overlay in between). */
    static void press(Browser browser, String id) {
        browser.script("document.getElementById(arguments[0]).click()", id);
        browser.waitForVaadin();
    }

    /** Sets the workspace editor's text the way typing does, ending with a change event Vaadin syncs. */
    static void setEditor(Browser browser, String text) {
        browser.script("const area = document.getElementById('editor'); area.value = arguments[0];"
                + " area.dispatchEvent(new Event('change', {bubbles: true}));", text);
        browser.waitForVaadin();
    }
}
