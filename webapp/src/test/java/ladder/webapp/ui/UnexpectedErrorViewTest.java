package ladder.webapp.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** A view that fails shows a plain message and a log reference, never the exception's class or message. */
@SpringBootTest
@WithMockUser(username = "admin", roles = "ADMIN")
class UnexpectedErrorViewTest extends SpringBrowserlessTest {

    /** A view with a bug, for this test only. */
    @Route("test-failing-view")
    @PermitAll
    static class FailingView extends Div {
        FailingView() {
            throw new IllegalStateException("ladder.internal.Secret broke");
        }
    }

    @Test
    void a_failing_view_names_no_internal_class() {
        navigate("test-failing-view", UnexpectedErrorView.class);

        String text = getCurrentView().getElement().getTextRecursively();
        assertThat(text).contains("Something went wrong", "reference")
                .doesNotContain("IllegalStateException", "Secret", "ladder.internal", "Exception");
    }
}
