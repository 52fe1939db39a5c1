package ladder.webapp.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.account.Role;
import org.springframework.beans.factory.ObjectProvider;

/** Where everyone lands after signing in: a greeting and, per role, what to do next. */
@Route("")
@PageTitle("Home · Ladder")
@Menu(order = 0, title = "Home", icon = "HOME")
@PermitAll
class HomeView extends VerticalLayout {

    final H2 greeting = new H2();
    final Div cards = new Div();

    HomeView(CurrentUser currentUser, ObjectProvider<HomeCard> contributed) {
        addClassName("ladder-page");
        cards.addClassName("ladder-cards");
        Optional<AccountView> account = currentUser.get();
        greeting.setText(account.map(a -> "Welcome, " + a.displayName()).orElse("Welcome"));
        add(greeting, new Paragraph("Ladder helps your team learn infrastructure and observability together: "
                + "a roadmap of goals, a knowledge ladder per topic, and labs that check your work."));

        List<HomeCard> shown = new ArrayList<>(contributed.stream().toList());
        shown.addAll(ownCards());
        shown.stream()
                .filter(card -> card.role() == null || account.map(a -> a.hasRole(card.role())).orElse(false))
                .sorted((a, b) -> Integer.compare(a.order(), b.order()))
                .map(HomeView::render)
                .forEach(cards::add);
        add(cards);
    }

    private static List<HomeCard> ownCards() {
        return List.of(
                new HomeCard(Role.ADMIN, 90, "Manage accounts",
                        "Create accounts for your team, give each the roles learner, mentor or admin, "
                                + "and disable the ones that leave.", "admin/accounts", "Open accounts"),
                new HomeCard(null, 99, "Your password",
                        "Change your password, at least " + ladder.webapp.account.AccountService.MIN_PASSWORD_LENGTH
                                + " characters.", "account/password", "Change password"));
    }

    private static Component render(HomeCard card) {
        Div box = new Div();
        box.addClassName("ladder-card");
        box.add(new H3(card.title()), new Paragraph(card.text()));
        if (card.path() != null) {
            box.add(new Anchor(card.path(), card.linkText() == null ? card.title() : card.linkText()));
        }
        return box;
    }
}
