package ladder.webapp.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import ladder.webapp.account.AccountException;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.CurrentUser;

/** Every user changes their own password here. */
@Route("account/password")
@PageTitle("Password · Ladder")
@Menu(order = 99, title = "Password", icon = "KEY")
@PermitAll
class PasswordView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField next = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password, again");
    final Button save = new Button("Change password");

    PasswordView(AccountService accounts, CurrentUser currentUser) {
        addClassName("ladder-page");
        next.setHelperText("At least " + AccountService.MIN_PASSWORD_LENGTH + " characters");
        next.setMinLength(AccountService.MIN_PASSWORD_LENGTH);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            current.setInvalid(false);
            next.setInvalid(false);
            repeat.setInvalid(false);
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("The two new passwords differ");
                repeat.setInvalid(true);
                return;
            }
            try {
                accounts.changeOwnPassword(currentUser.require().username(), current.getValue(), next.getValue());
                current.clear();
                next.clear();
                repeat.clear();
                Notification.show("Your password was changed", 4000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (AccountException e) {
                PasswordField field = e.getMessage().startsWith("the current password") ? current : next;
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        });
        add(new H2("Change your password"), current, next, repeat, save);
    }
}
