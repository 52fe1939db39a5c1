package ladder.webapp.labs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Pre;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.labs.LabCheck;
import ladder.webapp.labs.LabCheckRun;
import ladder.webapp.labs.LabService;
import ladder.webapp.labs.LabSessionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A session view without a browser, on a real session of the host-metrics lab (process runtime, real Prometheus and
 * node-exporter) whose starting files fail their checks: the hint is shown, the answer only after a click.
 */
@SpringBootTest
class LabSessionViewTest extends SpringBrowserlessTest {

    @Autowired AccountService accounts;
    @Autowired LabService labs;

    private String sessionId = "";

    @BeforeEach
    void learner() {
        if (accounts.find("sessionlearner").isEmpty()) {
            accounts.create(new NewAccount("sessionlearner", "Session Learner", "@sessionlearner", Set.of(Role.LEARNER),
                    "a-long-enough-password"));
            accounts.create(new NewAccount("sessionmentor", "Session Mentor", "@sessionmentor", Set.of(Role.MENTOR),
                    "a-long-enough-password"));
        }
    }

    /** The learner the test's sessions belong to, who acts in the calls made straight to the service. */
    AccountView owner() {
        return accounts.find("sessionlearner").orElseThrow();
    }

    @AfterEach
    void stop() {
        if (!sessionId.isEmpty()) {
            labs.stop(owner(), sessionId);
        }
    }

    @Test
    @WithMockUser(username = "sessionlearner", roles = "LEARNER")
    void a_failed_check_offers_its_owner_its_answer_behind_a_button_and_a_passed_one_does_not() throws InterruptedException {
        sessionId = labs.start(owner(), "host-metrics").id();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (labs.session(owner(), sessionId).state() == LabSessionState.STARTING && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(labs.session(owner(), sessionId).state()).isEqualTo(LabSessionState.READY);
        LabCheckRun run = labs.runChecks(owner(), sessionId, result -> { });
        LabCheck scraped = run.checks().stream().filter(check -> check.id().equals("node-scraped")).findFirst().orElseThrow();
        assertThat(scraped.passed()).as("the starting files scrape no node job").isFalse();

        LabSessionView view = navigate("labs/sessions/" + sessionId, LabSessionView.class);

        assertThat(view.results.getElement().getTextRecursively()).contains("Hint: " + scraped.hint());
        assertThat($(Button.class).id("answer-node-scraped").isVisible()).isTrue();
        assertThat($(Button.class).all()).extracting(Button::getId).map(id -> id.orElse(""))
                .doesNotContain("answer-config-valid"); // passed: nothing to answer
        assertThat($(Pre.class).all()).noneMatch(pre -> pre.getId().orElse("").startsWith("answer-text-"));

        test($(Button.class).id("answer-node-scraped")).click();

        Pre answer = $(Pre.class).id("answer-text-node-scraped");
        assertThat(answer.getText()).contains("job_name: node", "${host:node-exporter}");
        assertThat($(Button.class).all()).extracting(button -> button.getId().orElse(""))
                .doesNotContain("answer-node-scraped");

        // a mentor looks on: the results and hints, but the answers are the learner's to ask for
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "sessionmentor", null, List.of(new SimpleGrantedAuthority("ROLE_MENTOR"))));
        navigate(LabsView.class); // away first: navigating to the same route would keep the learner's view
        LabSessionView mentorsView = navigate("labs/sessions/" + sessionId, LabSessionView.class);

        assertThat(mentorsView).isNotSameAs(view);
        assertThat(mentorsView.owner.getText()).contains("read only");
        assertThat(mentorsView.results.getElement().getTextRecursively()).contains("Hint: " + scraped.hint());
        assertThat($(Button.class).all()).extracting(button -> button.getId().orElse(""))
                .noneMatch(id -> id.startsWith("answer-"));
    }
}
