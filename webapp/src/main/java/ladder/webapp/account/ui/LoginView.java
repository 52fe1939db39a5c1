package ladder.webapp.account.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Sign-in. Public by nature; everything else in the UI needs an account. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Ladder")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    final LoginForm form = new LoginForm();

    LoginView() {
        addClassName("ladder-login");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Ladder");
        i18n.getErrorMessage().setTitle("Could not sign in");
        i18n.getErrorMessage().setMessage("Check your username and password. After five failed attempts in a row, "
                + "wait a while before trying again.");
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");

        H1 title = new H1("Ladder");
        title.addClassName("ladder-title");
        Paragraph hint = new Paragraph("Learn infrastructure and observability together. "
                + "No account yet? Ask your team's admin.");
        hint.addClassName("ladder-muted");
        add(title, form, hint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
