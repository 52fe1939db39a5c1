package ladder.webapp.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import ladder.webapp.account.AccountChanges;
import ladder.webapp.account.AccountConflictException;
import ladder.webapp.account.AccountException;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;

/** Admins create, edit and disable accounts and set their roles. */
@Route("admin/accounts")
@PageTitle("Accounts · Ladder")
@Menu(order = 90, title = "Accounts", icon = "USERS")
@RolesAllowed("ADMIN")
class AccountsView extends VerticalLayout {

    final Grid<AccountView> grid = new Grid<>();
    final Button create = new Button("New account", VaadinIcon.PLUS.create());
    private final AccountService accounts;
    AccountDialog dialog;

    AccountsView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("ladder-page");
        setSizeFull();

        grid.addColumn(AccountView::username).setHeader("Username").setSortable(true).setAutoWidth(true);
        grid.addColumn(AccountView::displayName).setHeader("Name").setSortable(true).setAutoWidth(true);
        grid.addColumn(AccountView::handle).setHeader("Handle").setAutoWidth(true);
        grid.addColumn(account -> account.roles().stream().map(role -> role.name().toLowerCase()).sorted()
                .collect(Collectors.joining(", "))).setHeader("Roles").setAutoWidth(true);
        grid.addColumn(account -> account.enabled() ? "enabled" : "disabled").setHeader("Status").setAutoWidth(true);
        grid.addComponentColumn(account -> {
            Button edit = new Button("Edit", click -> openEdit(account));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            edit.setAriaLabel("Edit " + account.username());
            return edit;
        }).setHeader("");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);

        create.setId("account-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> openCreate());

        HorizontalLayout header = new HorizontalLayout(new H2("Accounts"), create);
        header.setAlignItems(Alignment.BASELINE);
        add(header, new Paragraph("Everyone who signs in has an account here. A handle (@name) links the person "
                + "to the roadmap's participants. Disable an account instead of deleting it: its history stays."),
                grid);
        refresh();
    }

    void refresh() {
        grid.setItems(accounts.list());
    }

    void openCreate() {
        dialog = new AccountDialog(null);
        dialog.open();
    }

    void openEdit(AccountView account) {
        dialog = new AccountDialog(account);
        dialog.open();
    }

    /** Creates an account when {@code editing} is null, else edits it. */
    final class AccountDialog extends Dialog {

        final TextField username = new TextField("Username");
        final TextField displayName = new TextField("Display name");
        final TextField handle = new TextField("Handle");
        final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        final Checkbox enabled = new Checkbox("Enabled");
        final PasswordField password = new PasswordField("Password");
        final Button save = new Button("Save");
        private final AccountView editing;

        AccountDialog(AccountView editing) {
            this.editing = editing;
            setHeaderTitle(editing == null ? "New account" : "Edit " + editing.username());
            username.setId("account-username");
            displayName.setId("account-display-name");
            handle.setId("account-handle");
            roles.setId("account-roles");
            password.setId("account-password");
            save.setId("account-save");
            roles.setItems(Role.values());
            roles.setItemLabelGenerator(role -> role.name().toLowerCase());
            handle.setPlaceholder("@name");
            password.setHelperText(editing == null ? "At least " + AccountService.MIN_PASSWORD_LENGTH + " characters"
                    : "Leave empty to keep the current password");
            FormLayout form = new FormLayout(username, displayName, handle, roles, password);
            if (editing != null) {
                username.setValue(editing.username());
                username.setReadOnly(true);
                displayName.setValue(editing.displayName());
                handle.setValue(editing.handle());
                roles.setValue(editing.roles());
                enabled.setValue(editing.enabled());
                form.add(enabled);
            } else {
                roles.setValue(Set.of(Role.LEARNER));
            }
            add(form);
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> save());
            getFooter().add(new Button("Cancel", click -> close()), save);
        }

        void save() {
            Set<Role> chosen = roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue());
            try {
                if (editing == null) {
                    accounts.create(new NewAccount(username.getValue().strip(), displayName.getValue(),
                            handle.getValue(), chosen, password.getValue()));
                    Notification.show("Account " + username.getValue().strip() + " created", 3000,
                            Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } else {
                    String newPassword = password.getValue().isEmpty() ? null : password.getValue();
                    accounts.update(editing.username(), new AccountChanges(displayName.getValue(), handle.getValue(),
                            chosen, enabled.getValue(), newPassword, editing.version()));
                    Notification.show("Account " + editing.username() + " saved", 3000,
                            Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }
                close();
                refresh();
            } catch (AccountConflictException e) {
                Notification notification = Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
                notification.addThemeVariants(NotificationVariant.LUMO_WARNING);
                close();
                refresh();
            } catch (AccountException e) {
                Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }
    }
}
