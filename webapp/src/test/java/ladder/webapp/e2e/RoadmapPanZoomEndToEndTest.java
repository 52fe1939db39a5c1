package ladder.webapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Random;
import java.util.Set;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.roadmap.RoadmapService;
import ladder.webapp.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium: a learner opens a roadmap of 1,000 goals, zooms in with the buttons, pans by dragging
 * and with the wheel, and fits it again, all in the page that was loaded once (no reload, no new request for the
 * graph). How long the graph takes to show is measured by {@code RoadmapViewBenchmark}, not here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.class)
class RoadmapPanZoomEndToEndTest {

    static final int GOALS = 1000;
    static final String SVG_WIDTH = "return document.querySelector('#roadmap-graph svg').getBoundingClientRect().width";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired RoadmapService roadmaps;

    /** A layered DAG like a real roadmap: each goal needs one to three of the 25 goals before it. */
    static String layered(int goals, long seed) {
        Random random = new Random(seed);
        StringBuilder dot = new StringBuilder("digraph large {\n");
        for (int i = 0; i < goals; i++) {
            dot.append("  g").append(i).append(" [label=\"Goal number ").append(i).append("\"];\n");
        }
        for (int i = 1; i < goals; i++) {
            for (int p = 0; p < 1 + random.nextInt(Math.min(3, i)); p++) {
                dot.append("  g").append(Math.max(0, i - 1 - random.nextInt(Math.min(i, 25)))).append(" -> g").append(i)
                        .append(";\n");
            }
        }
        return dot.append("}\n").toString();
    }

    double number(Browser browser, String script) {
        return ((Number) browser.script(script)).doubleValue();
    }

    @Test
    void a_learner_zooms_and_pans_a_graph_of_a_thousand_goals_without_a_reload() {
        if (accounts.find("e2epanmentor").isEmpty()) {
            accounts.create(new NewAccount("e2epanmentor", "Pan Mentor", "@panmentor", Set.of(Role.MENTOR), "pan-mentor-password"));
            accounts.create(new NewAccount("e2epanlearner", "Pan Learner", "@panlearner", Set.of(Role.LEARNER), "pan-learner-password"));
        }
        AccountView mentor = accounts.find("e2epanmentor").orElseThrow();
        long id = roadmaps.create("pan-zoom-" + System.nanoTime(), layered(GOALS, 13), mentor).id();

        try (Browser browser = Browser.open(port)) {
            browser.signIn("e2epanlearner", "pan-learner-password");
            browser.go("/roadmap?id=" + id);
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(90));
            wait.until(d -> browser.all("#roadmap-graph svg g.node title").size() >= GOALS);
            browser.script("window.ladderSamePage = 'loaded once'");
            WebElement box = browser.driver().findElement(By.id("roadmap-graph"));
            double fitted = number(browser, SVG_WIDTH);
            assertThat(fitted).as("fitted to its box").isPositive()
                    .isLessThanOrEqualTo(number(browser, "return document.getElementById('roadmap-graph').clientWidth"));
            assertThat(browser.driver().findElement(By.id("roadmap-zoom-level")).getText()).isEqualTo("100 %");

            browser.click("roadmap-zoom-in");
            browser.click("roadmap-zoom-in");
            assertThat(browser.driver().findElement(By.id("roadmap-zoom-level")).getText()).isEqualTo("200 %");
            assertThat(number(browser, SVG_WIDTH)).isCloseTo(2 * fitted, within(fitted * 0.02));
            double left = number(browser, "return document.getElementById('roadmap-graph').scrollLeft");
            assertThat(left).as("zoomed about the middle of the box").isGreaterThan(fitted / 4);

            // dragging pans, and a drag that ends on a goal opens no goal
            new Actions(browser.driver()).moveToElement(box).clickAndHold().moveByOffset(-200, -120)
                    .moveByOffset(-100, -60).release().perform();
            browser.waitForVaadin();
            assertThat(number(browser, "return document.getElementById('roadmap-graph').scrollLeft"))
                    .isCloseTo(left + 300, within(30.0));
            assertThat(browser.all("vaadin-dialog[opened], vaadin-dialog-overlay[opened]")).isEmpty();

            // the wheel pans as in any scrolled box
            double top = number(browser, "return document.getElementById('roadmap-graph').scrollTop");
            assertThat(top).as("the drag panned down, too").isGreaterThan(100);
            new Actions(browser.driver()).scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(box), 0, -250).perform();
            wait.until(d -> number(browser, "return document.getElementById('roadmap-graph').scrollTop") < top - 100);

            browser.click("roadmap-zoom-out");
            assertThat(number(browser, SVG_WIDTH)).isCloseTo(1.5 * fitted, within(fitted * 0.02));
            browser.click("roadmap-zoom-fit");
            assertThat(number(browser, SVG_WIDTH)).isCloseTo(fitted, within(1.0));
            assertThat(browser.script("return window.ladderSamePage")).isEqualTo("loaded once");
            assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
        }
    }
}
