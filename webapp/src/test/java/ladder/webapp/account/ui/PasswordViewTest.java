package ladder.webapp.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.Set;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

/** Everyone changes their own password; the current one must be right. */
@SpringBootTest
@WithMockUser(username = "pwuser", roles = "LEARNER")
class PasswordViewTest extends SpringBrowserlessTest {

    @Autowired AccountService accounts;

    @BeforeEach
    void account() {
        accounts.find("pwuser").ifPresentOrElse(
                existing -> accounts.update("pwuser", new ladder.webapp.account.AccountChanges(
                        null, null, null, null, "first-password-1")),
                () -> accounts.create(new NewAccount("pwuser", "Pw User", "@pwuser", Set.of(Role.LEARNER),
                        "first-password-1")));
    }

    @Test
    void a_user_changes_their_password() {
        PasswordView view = navigate(PasswordView.class);
        test(view.current).setValue("first-password-1");
        test(view.next).setValue("second-password-2");
        test(view.repeat).setValue("second-password-2");
        test(view.save).click();

        assertThat(view.current.isInvalid()).isFalse();
        assertThat(view.next.isInvalid()).isFalse();
        assertThat(view.current.getValue()).isEmpty();
    }

    @Test
    void a_wrong_current_password_is_refused() {
        PasswordView view = navigate(PasswordView.class);
        test(view.current).setValue("not-my-password");
        test(view.next).setValue("second-password-2");
        test(view.repeat).setValue("second-password-2");
        test(view.save).click();

        assertThat(view.current.isInvalid()).isTrue();
        assertThat(view.current.getErrorMessage()).contains("current password");
    }

    @Test
    void two_different_new_passwords_are_refused() {
        PasswordView view = navigate(PasswordView.class);
        test(view.current).setValue("first-password-1");
        test(view.next).setValue("second-password-2");
        test(view.repeat).setValue("second-password-3");
        test(view.save).click();

        assertThat(view.repeat.isInvalid()).isTrue();
    }

    @Test
    void guesses_of_the_current_password_are_throttled_like_sign_ins() {
        PasswordView view = navigate(PasswordView.class);
        for (int i = 0; i < 5; i++) {
            test(view.current).setValue("guess-number-" + i);
            test(view.next).setValue("second-password-2");
            test(view.repeat).setValue("second-password-2");
            test(view.save).click();
        }
        test(view.current).setValue("first-password-1");
        test(view.next).setValue("second-password-2");
        test(view.repeat).setValue("second-password-2");
        test(view.save).click();

        assertThat(view.current.isInvalid()).isTrue();
        assertThat(view.current.getErrorMessage()).contains("too many times");
    }
}
