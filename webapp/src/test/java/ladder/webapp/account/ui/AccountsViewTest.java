package ladder.webapp.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.Set;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** The admin's accounts view, without a browser. */
@SpringBootTest
@WithMockUser(username = "admin", roles = "ADMIN")
class AccountsViewTest extends SpringBrowserlessTest {

    @Autowired AccountService accounts;

    @Test
    void an_admin_sees_the_accounts_and_creates_a_mentor() {
        AccountsView view = navigate(AccountsView.class);
        int before = test(view.grid).size();
        assertThat(before).isEqualTo(accounts.list().size());

        test(view.create).click();
        roundTrip();
        AccountsView.AccountDialog dialog = view.dialog;
        test(dialog.username).setValue("viewmentor");
        test(dialog.displayName).setValue("View Mentor");
        test(dialog.handle).setValue("@viewmentor");
        dialog.roles.setValue(Set.of(Role.MENTOR));
        test(dialog.password).setValue("a-long-enough-password");
        test(dialog.save).click();

        assertThat(test(view.grid).size()).isEqualTo(before + 1);
        AccountView created = accounts.find("viewmentor").orElseThrow();
        assertThat(created.roles()).containsExactly(Role.MENTOR);
        assertThat(created.handle()).isEqualTo("@viewmentor");
    }

    @Test
    void a_bad_password_keeps_the_dialog_open_and_creates_nothing() {
        AccountsView view = navigate(AccountsView.class);
        test(view.create).click();
        roundTrip();
        AccountsView.AccountDialog dialog = view.dialog;
        test(dialog.username).setValue("shortpw");
        test(dialog.displayName).setValue("Short");
        test(dialog.handle).setValue("@shortpw");
        test(dialog.password).setValue("short");
        test(dialog.save).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(accounts.find("shortpw")).isEmpty();
    }

    @Test
    void an_admin_disables_an_account() {
        accounts.create(new ladder.webapp.account.NewAccount("todisable", "To Disable", "@todisable",
                Set.of(Role.LEARNER), "a-long-enough-password"));
        AccountsView view = navigate(AccountsView.class);
        view.openEdit(accounts.find("todisable").orElseThrow());
        roundTrip();
        test(view.dialog.enabled).click();
        test(view.dialog.save).click();

        assertThat(accounts.find("todisable").orElseThrow().enabled()).isFalse();
    }

    @Test
    void an_edit_on_a_stale_copy_is_refused_and_the_newer_change_stays() {
        accounts.create(new ladder.webapp.account.NewAccount("stale", "Stale", "@stale",
                Set.of(Role.LEARNER), "a-long-enough-password"));
        AccountsView view = navigate(AccountsView.class);
        view.openEdit(accounts.find("stale").orElseThrow());
        roundTrip();
        accounts.update("stale", new ladder.webapp.account.AccountChanges("Changed meanwhile", null, null, null, null));
        test(view.dialog.displayName).setValue("My change");
        test(view.dialog.save).click();

        assertThat(accounts.find("stale").orElseThrow().displayName()).isEqualTo("Changed meanwhile");
    }
}
