package ladder.webapp.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;

/**
 * The shell around every signed-in view: the app's name, navigation that lists only the views the
 * signed-in user may open, who is signed in, and sign-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    final SideNav nav = new SideNav();
    final Button signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT));

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication) {
        H1 title = new H1("Ladder");
        title.addClassName("ladder-title");

        // MenuConfiguration already leaves out the views the user's roles do not allow.
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
            }
            nav.addItem(item);
        }

        HorizontalLayout user = new HorizontalLayout();
        user.addClassName("ladder-user");
        currentUser.get().ifPresent(account -> user.add(new Span(describe(account))));
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClickListener(click -> authentication.logout());
        user.add(signOut);

        addToNavbar(new DrawerToggle(), title, user);
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private static String describe(AccountView account) {
        String roles = account.roles().stream().map(role -> role.name().toLowerCase())
                .sorted().collect(Collectors.joining(", "));
        return account.displayName() + " (" + account.handle() + ", " + roles + ")";
    }
}
