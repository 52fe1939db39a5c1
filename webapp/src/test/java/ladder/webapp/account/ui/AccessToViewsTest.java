package ladder.webapp.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import java.util.Set;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** A learner cannot open admin views; the sign-in view is open to everyone. */
@SpringBootTest
class AccessToViewsTest extends SpringBrowserlessTest {

    @Autowired AccountService accounts;

    @Test
    @WithMockUser(username = "learnerview", roles = "LEARNER")
    void a_learner_is_refused_the_accounts_view() {
        if (accounts.find("learnerview").isEmpty()) {
            accounts.create(new NewAccount("learnerview", "Learner", "@learnerview", Set.of(Role.LEARNER),
                    "a-long-enough-password"));
        }
        Object shown;
        try {
            shown = navigate(AccountsView.class);
        } catch (RuntimeException refused) {
            shown = refused;
        }
        assertThat(shown).isNotInstanceOf(AccountsView.class);
        assertThat(getCurrentView()).isNotInstanceOf(AccountsView.class);
    }

    @Test
    void the_sign_in_view_shows_a_form_and_an_error_after_a_failed_attempt() {
        LoginView login = navigate(LoginView.class);
        assertThat(login.form.isVisible()).isTrue();
        assertThat(login.form.isError()).isFalse();

        UI.getCurrent().navigate("login",
                QueryParameters.simple(Map.of("error", "")));
        assertThat(((LoginView) getCurrentView()).form.isError()).isTrue();
    }
}
