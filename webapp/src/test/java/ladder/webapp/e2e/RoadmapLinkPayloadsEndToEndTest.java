package ladder.webapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.roadmap.RoadmapException;
import ladder.webapp.roadmap.RoadmapService;
import ladder.webapp.roadmap.RoadmapSnapshot;
import ladder.webapp.support.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In real headless Chromium, as the admin: DOT whose links are spelled to run script (Graphviz's own
 * escapes, named and numeric entities, HTML labels) is refused at import, or its drawing is refused, or
 * it is drawn without any link; clicking every goal of every such roadmap runs no script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.class)
class RoadmapLinkPayloadsEndToEndTest {

    /** Each payload, if it ran, would set the page's title to the marker or open an alert. */
    static final List<String> PAYLOADS = List.of(
            "digraph { \"java&Tab;script:document.title='pwned'\" [URL=\"\\N\", label=\"Open me\"]; }",
            "digraph { \"javascript&colon;alert(2)\" [href=\"\\N\", label=\"Open me\"]; }",
            "digraph \"javascript:alert(3)\" { a [URL=\"\\G\"]; }",
            "digraph { \"jav&#x61;script:alert(4)\" -> b [URL=\"\\T\", label=\"edge\"]; }",
            "digraph { a [URL=\"java&NewLine;script:alert(5)\"]; }",
            "digraph { a [label=<<table><tr><td href=\"javascript:alert(6)\">cell</td></tr></table>>]; }",
            "digraph { a [URL=\"&#106;avascript:alert(7)\"]; }",
            "digraph { \"JaVaScRiPt:alert(8)\" [URL=\"\\L\"]; }",
            "digraph { a [URL=\"https://example.org/harmless\", tooltip=\"a harmless link\"]; a -> b [URL=\"/x\"]; }");

    @LocalServerPort int port;
    @Autowired RoadmapService roadmaps;
    @Autowired AccountService accounts;

    @Test
    void link_payloads_are_refused_or_drawn_without_links_and_clicking_every_goal_runs_no_script() {
        AccountView admin = accounts.find("admin").orElseThrow();
        List<RoadmapSnapshot> imported = new ArrayList<>();
        int refused = 0;
        for (String dot : PAYLOADS) {
            try {
                imported.add(roadmaps.create("payload " + UUID.randomUUID().toString().substring(0, 8), dot, admin));
            } catch (RoadmapException e) {
                refused++;
            }
        }
        assertThat(imported).as("the harmless link at least is imported").isNotEmpty();

        try (Browser browser = Browser.open(port)) {
            browser.signIn("admin", "Admin-password-for-tests-1");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            int clicked = 0;
            int drawingsRefused = 0;
            for (RoadmapSnapshot roadmap : imported) {
                browser.go("/roadmap?id=" + roadmap.id());
                wait.until(d -> !browser.all("#roadmap-graph g.node").isEmpty()
                        || !browser.all(".roadmap-goal-item").isEmpty());
                if (browser.all("#roadmap-graph g.node").isEmpty()) {
                    // the SVG itself was refused: the view says so and lists the goals instead
                    assertThat(browser.pageText()).contains("The graph could not be drawn", "the SVG was refused");
                    drawingsRefused++;
                    for (int i = 0; i < browser.all(".roadmap-goal-item").size(); i++) {
                        browser.all(".roadmap-goal-item").get(i).click();
                        browser.waitForVaadin();
                        assertNoScriptRan(browser);
                        if (!browser.all("#goal-close").isEmpty()) {
                            browser.click("goal-close");
                        }
                        clicked++;
                    }
                    continue;
                }
                assertThat(browser.script("return document.querySelectorAll("
                        + "'#roadmap-graph a, #roadmap-graph [href], #roadmap-graph [*|href]').length"))
                        .as("links in the drawing of %s", roadmap.name()).isEqualTo(0L);
                int nodes = browser.all("#roadmap-graph g.node").size();
                for (int i = 0; i < nodes; i++) {
                    WebElement node = browser.all("#roadmap-graph g.node").get(i);
                    // the graph's box scrolls (pan and zoom): bring the goal into its view first, as a person would
                    browser.script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", node);
                    node.click();
                    browser.waitForVaadin();
                    assertNoScriptRan(browser);
                    if (!browser.all("#goal-close").isEmpty()) {
                        browser.click("goal-close");
                    }
                    clicked++;
                }
            }
            assertThat(clicked).isGreaterThan(0);
            System.out.println("[ladder] link payloads: " + refused + " refused at import, " + imported.size()
                    + " imported, " + drawingsRefused + " of them with the drawing refused, " + clicked + " goals clicked");
        }
    }

    private static void assertNoScriptRan(Browser browser) {
        try {
            String text = browser.driver().switchTo().alert().getText();
            throw new AssertionError("a script ran and opened an alert: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");
        assertThat(browser.driver().getCurrentUrl()).doesNotContainIgnoringCase("javascript");
    }
}
