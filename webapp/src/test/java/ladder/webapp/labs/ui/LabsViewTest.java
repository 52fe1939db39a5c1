package ladder.webapp.labs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.Set;
import ladder.model.ladder.Rung;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.labs.LabEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** The lab catalog without a browser (starting a session is in the API and end-to-end tests). */
@SpringBootTest
class LabsViewTest extends SpringBrowserlessTest {

    @Autowired AccountService accounts;

    @BeforeEach
    void people() {
        if (accounts.find("lablearner").isEmpty()) {
            accounts.create(new NewAccount("lablearner", "Lab Learner", "@lablearner", Set.of(Role.LEARNER),
                    "a-long-enough-password"));
        }
    }

    @Test
    @WithMockUser(username = "lablearner", roles = "LEARNER")
    void the_catalog_shows_every_shipped_lab_what_it_proves_whether_it_runs_here_and_the_learners_status() {
        LabsView view = navigate(LabsView.class);

        var labs = view.grid.getGenericDataView().getItems().toList();
        assertThat(labs).extracting(LabEntry::id)
                .containsExactlyInAnyOrder("alerting", "dashboards", "database", "host-metrics", "logs", "metrics", "production-stack",
                        "slo", "slow-checkout",
                        "synthetic-monitoring", "tracing");
        assertThat(labs).allSatisfy(lab -> {
            assertThat(lab.rung()).isEqualTo(Rung.ABILITY);
            assertThat(lab.timeLimit().toMinutes()).isBetween(1L, 60L);
            assertThat(lab.status()).isEqualTo("not started");
            assertThat(lab.runnableHere()).as(lab.id() + " missing " + lab.missing()).isEqualTo(lab.missing().isEmpty());
        });
        assertThat(labs).filteredOn(lab -> lab.id().equals("dashboards")).singleElement().satisfies(lab -> {
            assertThat(lab.runnableHere()).as("Grafana is container-only").isFalse();
            assertThat(lab.whyNot()).singleElement().asString()
                    .startsWith("grafana: container-only: Debian does not package it").contains("grafana/grafana:");
        });
        assertThat(labs).filteredOn(lab -> lab.id().equals("production-stack")).singleElement().satisfies(lab -> {
            assertThat(lab.runnableHere()).as("Loki, Tempo and the Collector are container-only").isFalse();
            assertThat(lab.whyNot()).anySatisfy(reason -> assertThat(reason).startsWith("loki: container-only"))
                    .anySatisfy(reason -> assertThat(reason).startsWith("tempo: container-only"))
                    .anySatisfy(reason -> assertThat(reason).startsWith("otel-collector: container-only")
                            .contains("otel/opentelemetry-collector-contrib:"));
        });
        assertThat(view.runtime.getText()).contains("process runtime", "one per person");
        assertThat(LabsView.status(labs.getFirst())).isEqualTo("not started");
    }
}
