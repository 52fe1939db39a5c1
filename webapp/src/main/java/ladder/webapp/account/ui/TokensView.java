package ladder.webapp.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import ladder.webapp.account.AccessTokenView;
import ladder.webapp.account.AccessTokens;
import ladder.webapp.account.AccountException;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.account.NoSuchTokenException;
import ladder.webapp.account.Role;
import ladder.webapp.account.TokenScope;
import org.jspecify.annotations.Nullable;

/**
 * Everyone makes, sees and revokes their personal access tokens here (the secret shown once, in a dialog);
 * an admin sees and revokes everyone's.
 */
@Route("account/tokens")
@PageTitle("Tokens · Ladder")
@Menu(order = 98, title = "Tokens", icon = "PASSWORD")
@PermitAll
class TokensView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    final Grid<AccessTokenView> grid = new Grid<>();
    final TextField name = new TextField("Name");
    final Select<TokenScope> scope = new Select<>();
    final IntegerField days = new IntegerField("Expires in (days)");
    final Button create = new Button("Make token", VaadinIcon.PLUS.create());
    @Nullable SecretDialog shown;

    private final AccessTokens tokens;
    private final CurrentUser currentUser;

    TokensView(AccessTokens tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
        addClassName("ladder-page");
        setSizeFull();
        AccountView me = currentUser.require();
        boolean admin = me.hasRole(Role.ADMIN);

        name.setId("token-name");
        name.setMaxLength(AccessTokens.MAX_NAME_LENGTH);
        name.setPlaceholder("what will use it, e.g. ci");
        scope.setId("token-scope");
        scope.setLabel("Scope");
        scope.setItems(admin ? Arrays.asList(TokenScope.values()) : List.of(TokenScope.READ, TokenScope.WRITE));
        scope.setItemLabelGenerator(TokensView::describe);
        scope.setValue(TokenScope.READ);
        days.setId("token-days");
        days.setMin(1);
        days.setMax(AccessTokens.MAX_DAYS);
        days.setValue(AccessTokens.DEFAULT_DAYS);
        days.setStepButtonsVisible(true);
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> make());

        if (admin) {
            grid.addColumn(AccessTokenView::ownerUsername).setHeader("Account").setSortable(true).setAutoWidth(true);
        }
        grid.addColumn(AccessTokenView::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(token -> token.scope().json()).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(token -> WHEN.format(token.createdAt())).setHeader("Made").setAutoWidth(true);
        grid.addColumn(token -> (token.expiredAt(Instant.now()) ? "expired " : "") + WHEN.format(token.expiresAt()))
                .setHeader("Expires").setAutoWidth(true);
        grid.addColumn(token -> token.lastUsedAt() == null ? "never" : WHEN.format(token.lastUsedAt()))
                .setHeader("Last used").setAutoWidth(true);
        grid.addComponentColumn(token -> {
            Button revoke = new Button("Revoke", click -> revoke(token));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            revoke.setAriaLabel("Revoke " + token.name() + " of " + token.ownerUsername());
            return revoke;
        }).setHeader("");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);

        FormLayout form = new FormLayout(name, scope, days, create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        add(new H2("Access tokens"), new Paragraph("Scripts, CI jobs and Prometheus sign in to the API with a token "
                + "as 'Authorization: Bearer …' instead of your password (and far faster). A read token only reads; "
                + "a write token may do what you may. Every token expires; disabling your account or an admin's "
                + "reset of your password revokes them all." + (admin ? " As an admin you see everyone's tokens; "
                + "a metrics token opens only the scrape of /actuator/prometheus." : "")), form, grid);
        refresh();
    }

    private static String describe(TokenScope scope) {
        return switch (scope) {
            case READ -> "read: reads only";
            case WRITE -> "write: reads and changes";
            case METRICS -> "metrics: the Prometheus scrape only";
        };
    }

    void refresh() {
        AccountView me = currentUser.require();
        grid.setItems(me.hasRole(Role.ADMIN) ? tokens.all(me) : tokens.of(me));
    }

    void make() {
        try {
            var made = tokens.create(currentUser.require(), name.getValue(), days.getValue(), scope.getValue());
            name.clear();
            refresh();
            shown = new SecretDialog(made.token().name(), made.secret());
            shown.open();
        } catch (AccountException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    void revoke(AccessTokenView token) {
        try {
            tokens.revoke(currentUser.require(), token.id());
            Notification.show("Token " + token.name() + " revoked", 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (NoSuchTokenException e) {
            Notification.show("That token was revoked meanwhile", 3000, Notification.Position.TOP_CENTER);
        }
        refresh();
    }

    /** Shows a new token's secret, once: closed, the secret is gone from the page and from the server. */
    static final class SecretDialog extends Dialog {

        final TextField secret = new TextField();

        SecretDialog(String name, String value) {
            setHeaderTitle("Token " + name);
            secret.setId("token-secret");
            secret.setValue(value);
            secret.setReadOnly(true);
            secret.setWidthFull();
            add(new Paragraph("Copy it now: it is shown only this once, and Ladder keeps only a hash of it."), secret);
            Button done = new Button("I copied it", click -> close());
            done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(done);
            setWidth("40em");
            addOpenedChangeListener(event -> {
                if (!event.isOpened()) {
                    secret.clear(); // the server-side session keeps no copy once it is read
                }
            });
        }
    }
}
