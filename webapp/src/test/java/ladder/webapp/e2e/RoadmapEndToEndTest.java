package ladder.webapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium: a mentor opens the roadmap, clicks a goal in the graph, marks it done,
 * sees it turn green, and downloads the SVG with the browser's own session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.class)
class RoadmapEndToEndTest {

    static final String GOAL = "research_done";
    /** The fill of the goal's shape in the SVG shown in the page. */
    static final String FILL = """
            const node = [...document.querySelectorAll('#roadmap-graph g.node')]
                .find(g => g.querySelector('title').textContent === arguments[0]);
            const shape = node && node.querySelector('polygon, ellipse, path');
            return shape ? shape.getAttribute('fill') : null;""";

    @LocalServerPort int port;

    private static void pauseForScreenshot() {
        try {
            Thread.sleep(3500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
    @Autowired AccountService accounts;

    @Test
    void a_mentor_marks_a_goal_done_in_the_graph_and_downloads_the_svg() {
        if (accounts.find("e2eroadmap").isEmpty()) {
            accounts.create(new NewAccount("e2eroadmap", "Rosa Mentor", "@rosa", Set.of(Role.MENTOR), "rosa-mentor-password"));
        }
        try (Browser browser = Browser.open(port)) {
            browser.signIn("e2eroadmap", "rosa-mentor-password");
            browser.go("/roadmap");
            browser.waitForText("Team roadmap");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            wait.until(d -> !browser.all("#roadmap-graph g.node").isEmpty());
            assertThat(browser.script(FILL, GOAL)).isEqualTo("none");

            browser.driver().findElement(By.xpath("//*[local-name()='g' and @class='node']"
                    + "[*[local-name()='title' and text()='" + GOAL + "']]")).click();
            browser.waitForVaadin();
            browser.waitForText("Research on the state of the art in observability is complete.");
            browser.screenshot("roadmap-goal");
            browser.clickText("label", "done");
            browser.click("goal-save");
            browser.waitForText("Goal saved");
            browser.click("goal-close");
            wait.until(d -> Boolean.TRUE.equals(browser.script(
                    "return !document.querySelector('vaadin-dialog[opened], vaadin-dialog-overlay[opened]')")));

            wait.until(d -> "green".equals(browser.script(FILL, GOAL)));
            assertThat(browser.script(FILL, "min_working_solution")).isEqualTo("none");
            pauseForScreenshot(); // the dialog's closing animation and the notification fade
            browser.screenshot("roadmap-graph");

            Object downloaded = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('download-svg').href, {credentials: 'same-origin'})
                        .then(r => r.text().then(t => done(r.status + '\\n' + t)))
                        .catch(e => done('failed: ' + e));""");
            assertThat(downloaded).asString().startsWith("200\n").contains("<svg", "<title>" + GOAL + "</title>")
                    .doesNotContain("<script");
            String svg = downloaded.toString();
            String node = svg.substring(svg.indexOf("<title>" + GOAL + "</title>"));
            assertThat(node.substring(0, node.indexOf("</g>"))).contains("fill=\"green\"");
        }
    }
}
