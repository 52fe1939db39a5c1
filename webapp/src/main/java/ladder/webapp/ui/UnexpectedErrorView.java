package ladder.webapp.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a view that failed shows instead of Vaadin's default, which prints the root cause with its class name:
 * a plain message and a reference to the log entry, where the stack trace is.
 */
@AnonymousAllowed // whoever met the failure sees this page, and nothing of the failure
class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorView.class);

    final Paragraph message = new Paragraph();

    UnexpectedErrorView() {
        addClassName("ladder-page");
        add(new H2("Something went wrong"), message);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("view '{}' failed (reference {})", event.getLocation().getPath(), reference,
                parameter.getCaughtException());
        message.setText("This page could not be shown. Reload it or go back; if it keeps failing, tell your admin "
                + "the reference " + reference + ".");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
