package ladder.webapp.labs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.Set;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.test.context.support.WithMockUser;

/** A server started where its lab catalog is not: the view and the log say so, instead of an empty table. */
@SpringBootTest(properties = "ladder.labs.catalog=/nonexistent/ladder-labs-catalog")
@ExtendWith(OutputCaptureExtension.class)
class EmptyLabCatalogTest extends SpringBrowserlessTest {

    @Autowired AccountService accounts;

    @Test
    @WithMockUser(username = "nolabs", roles = "LEARNER")
    void a_missing_catalog_is_named_in_the_view_and_in_the_log(CapturedOutput output) {
        if (accounts.find("nolabs").isEmpty()) {
            accounts.create(new NewAccount("nolabs", "No Labs", "@nolabs", Set.of(Role.LEARNER), "a-long-enough-password"));
        }
        LabsView view = navigate(LabsView.class);

        assertThat(view.empty.isVisible()).isTrue();
        assertThat(view.empty.getText()).contains("offers no labs yet", "LADDER_LABS_CATALOG");
        assertThat(view.grid.isVisible()).isFalse();
        assertThat(output.getOut()).contains("No labs are offered: the lab catalog folder",
                "ladder-labs-catalog is missing");
    }
}
