package ladder.webapp.roadmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * With no Graphviz at the configured path the app still starts, and the roadmap view says so and lists
 * the goals; and the first start imports the file named by {@code LADDER_ROADMAP} (ladder.roadmap.seed-file).
 */
@SpringBootTest(properties = {"ladder.roadmap.dot-command=/nonexistent/graphviz/bin/dot",
        "ladder.roadmap.seed-file=src/test/resources/roadmap/configured-seed.gv"})
@WithMockUser(username = "admin", roles = "ADMIN")
class RoadmapViewWithoutDotTest extends SpringBrowserlessTest {

    @Test
    void the_view_explains_how_to_install_graphviz_and_lists_the_goals() {
        RoadmapView view = navigate(RoadmapView.class);

        assertThat(view.problem.getElement().getTextRecursively())
                .contains("Graphviz is not installed", "apt-get install graphviz");
        assertThat(view.goalList.isVisible()).isTrue();
        assertThat(view.goalList.getChildren()).hasSize(3);
        assertThat(view.graph.getElement().getProperty("innerHTML", "")).isEmpty();
        assertThat(view.downloads.getChildren().filter(c -> c instanceof Anchor))
                .hasSize(3); // no SVG without dot

        view.openGoal("learn");
        roundTrip();
        assertThat(view.goalDialog.isOpened()).isTrue();
        assertThat(view.goalDialog.description.getText()).isEqualTo("Learn the basics");
    }

    @Test
    void the_first_start_imported_the_file_named_by_the_setting_as_the_team_roadmap() {
        RoadmapView view = navigate(RoadmapView.class);

        assertThat(view.heading.getText()).isEqualTo("Team roadmap");
        assertThat(view.goalList.getElement().getTextRecursively()).contains("learn", "practise", "teach");
        assertThat(view.selector.getListDataView().getItemCount()).isEqualTo(1);
    }
}
