package ladder.webapp.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.RouteConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** The home view greets by name and shows each role only what it may use. */
@SpringBootTest
class HomeViewTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_admin_is_pointed_at_account_management() {
        HomeView home = navigate(HomeView.class);
        assertThat(home.greeting.getText()).isEqualTo("Welcome, Administrator");
        List<String> links = $(Anchor.class).all().stream().map(Anchor::getHref).toList();
        assertThat(links).contains("admin/accounts", "account/password");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void every_link_on_the_home_view_leads_to_a_view_that_exists() {
        navigate(HomeView.class);
        for (Anchor link : $(Anchor.class).all()) {
            assertThat(RouteConfiguration.forApplicationScope().getRoute(link.getHref()))
                    .as(link.getHref()).isPresent();
        }
        assertThat($(H3.class).all()).isNotEmpty();
    }
}
