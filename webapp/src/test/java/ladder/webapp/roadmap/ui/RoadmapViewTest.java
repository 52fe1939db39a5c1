package ladder.webapp.roadmap.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.model.roadmap.GoalStatus;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.roadmap.GoalEdit;
import ladder.webapp.roadmap.RoadmapService;
import ladder.webapp.roadmap.RoadmapSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/** The roadmap views without a browser: graph, goal details and editing, import, the goal list. */
@SpringBootTest
@WithMockUser(username = "admin", roles = "ADMIN")
class RoadmapViewTest extends SpringBrowserlessTest {

    static final String PLAN = """
            digraph { rankdir=LR;
              plan [status=done, participants="@viewlearner", tooltip="Plan the work"];
              build [participants="@viewlearner @someone"];
              ship;
              plan -> build -> ship;
            }
            """;

    @Autowired RoadmapService roadmaps;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    AccountView admin;

    @BeforeEach
    void accounts() {
        admin = accounts.find("admin").orElseThrow();
        if (accounts.find("viewlearner").isEmpty()) {
            accounts.create(new NewAccount("viewlearner", "View Learner", "@viewlearner", Set.of(Role.LEARNER),
                    "a-long-enough-password"));
        }
    }

    RoadmapSnapshot plan() {
        return roadmaps.create("view-" + UUID.randomUUID().toString().substring(0, 8), PLAN, admin);
    }

    /** The SVG of one goal's node: from its {@code <title>} to the next node or edge. */
    static String node(String svg, String goalId) {
        int start = svg.indexOf("<title>" + goalId + "</title>");
        assertThat(start).as("node " + goalId + " in the SVG").isNotNegative();
        Matcher next = Pattern.compile("<g id=\"(node|edge)").matcher(svg);
        return next.find(start) ? svg.substring(start, next.start()) : svg.substring(start);
    }

    static String svg(RoadmapView view) {
        return view.graph.getElement().getProperty("innerHTML", "");
    }

    @Test
    void the_default_roadmap_is_drawn_with_clickable_goals_a_legend_and_downloads() {
        RoadmapView view = navigate(RoadmapView.class);

        assertThat(view.heading.getText()).isEqualTo("Team roadmap");
        assertThat(svg(view)).startsWith("<svg").contains("class=\"node\"", "<title>scope_defined</title>", "Legend");
        assertThat(view.problem.getChildren()).isEmpty();
        assertThat(view.downloads.getChildren().filter(c -> c instanceof Anchor))
                .hasSize(4);
        assertThat(view.selector.getValue().name()).isEqualTo("Team roadmap");
    }

    @Test
    void the_zoom_buttons_step_through_the_levels_and_stop_at_both_ends() {
        RoadmapView view = navigate(RoadmapView.class);
        assertThat(view.zoomBar.isVisible()).isTrue();
        assertThat(view.zoomLevel.getText()).isEqualTo("100 %");
        assertThat(view.zoomOut.isEnabled()).isFalse();
        assertThat(view.zoomFit.isEnabled()).isFalse();

        test(view.zoomIn).click();
        assertThat(view.zoomLevel.getText()).isEqualTo("150 %");
        assertThat(view.zoomOut.isEnabled()).isTrue();
        for (int i = 2; i < RoadmapView.ZOOMS.size(); i++) {
            test(view.zoomIn).click();
        }
        assertThat(view.zoomLevel.getText()).isEqualTo("1600 %");
        assertThat(view.zoomIn.isEnabled()).isFalse();
        test(view.zoomOut).click();
        assertThat(view.zoomLevel.getText()).isEqualTo("1200 %");
        test(view.zoomFit).click();
        assertThat(view.zoomLevel.getText()).isEqualTo("100 %");

        test(view.zoomIn).click();
        view.show(plan().id()); // another roadmap starts fitted
        assertThat(view.zoomLevel.getText()).isEqualTo("100 %");
    }

    @Test
    void a_mentor_opens_a_goal_changes_its_status_and_the_graph_shows_the_new_colour() {
        RoadmapSnapshot created = plan();
        RoadmapView view = navigate(RoadmapView.class);
        view.show(created.id());
        assertThat(node(svg(view), "build")).doesNotContain("fill=\"green\"");

        view.openGoal("plan");
        roundTrip();
        GoalDialog dialog = view.goalDialog;
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.description.getText()).isEqualTo("Plan the work");
        assertThat(dialog.readiness.getText()).startsWith("Ready");
        view.openGoal("build");
        roundTrip();
        dialog = view.goalDialog;
        assertThat(dialog.readiness.getText()).isEqualTo("Ready: every prerequisite is done.");
        assertThat(dialog.participants.getElement().getTextRecursively()).contains("View Learner (@viewlearner)", "@someone");

        dialog.status.setValue(GoalStatus.DONE);
        test(dialog.save).click();

        assertThat(roadmaps.get(created.id()).roadmap().goal("build").orElseThrow().status()).isEqualTo(GoalStatus.DONE);
        assertThat(node(svg(view), "build")).contains("fill=\"green\"");
        assertThat(test(dialog.history).size()).isGreaterThanOrEqualTo(1);
        assertThat(dialog.history.getListDataView().getItems().findFirst().orElseThrow().after()).isEqualTo("done");
    }

    @Test
    void a_dependency_that_would_close_a_cycle_is_refused_with_the_cycle_named() {
        RoadmapSnapshot created = plan();
        RoadmapView view = navigate(RoadmapView.class);
        view.show(created.id());
        view.openGoal("plan");
        roundTrip();

        view.goalDialog.newPrerequisite.setValue("ship");
        test(view.goalDialog.addPrerequisite).click();

        assertThat(view.goalDialog.conflict.getText()).contains("cycle: ").contains("plan", "build", "ship");
        assertThat(roadmaps.get(created.id()).roadmap().dependencies()).hasSize(2);
    }

    @Test
    void a_stale_edit_shows_a_conflict_and_reload_brings_the_newer_state() {
        RoadmapSnapshot created = plan();
        RoadmapView view = navigate(RoadmapView.class);
        view.show(created.id());
        view.openGoal("ship");
        roundTrip();
        roadmaps.changeGoal(created.id(), "ship", GoalEdit.status(GoalStatus.BLOCKED), null, admin);

        view.goalDialog.status.setValue(GoalStatus.FAILED);
        test(view.goalDialog.save).click();

        assertThat(view.goalDialog.conflict.getText()).contains("changed by someone else");
        assertThat(view.goalDialog.reload.isVisible()).isTrue();
        assertThat(roadmaps.get(created.id()).roadmap().goal("ship").orElseThrow().status()).isEqualTo(GoalStatus.BLOCKED);
        test(view.goalDialog.reload).click();
        assertThat(view.goalDialog.status.getValue()).isEqualTo(GoalStatus.BLOCKED);
    }

    @Test
    void an_import_shows_its_error_with_the_line_then_a_preview_then_replaces() {
        RoadmapSnapshot created = plan();
        RoadmapView view = navigate(RoadmapView.class);
        view.show(created.id());
        view.openImport();
        roundTrip();
        ImportDialog dialog = view.importDialog;

        dialog.dot.setValue("digraph {\n  plan -> ;\n}");
        test(dialog.preview).click();
        assertThat(dialog.error.getText()).startsWith("Refused: line 2, column");
        assertThat(dialog.replace.isEnabled()).isFalse();

        dialog.dot.setValue("digraph { plan [status=done]; plan -> review; }");
        test(dialog.preview).click();
        assertThat(dialog.error.getText()).isEmpty();
        assertThat(dialog.diff.getElement().getTextRecursively())
                .contains("Goals added (1)", "review", "Goals removed (2)", "Dependencies added (1)");
        assertThat(roadmaps.get(created.id()).roadmap().goals()).hasSize(3);

        test(dialog.replace).click();
        assertThat(roadmaps.get(created.id()).roadmap().goals()).extracting(g -> g.id()).containsExactly("plan", "review");
        assertThat(svg(view)).contains("<title>review</title>");
    }

    @Test
    void an_uploaded_file_fills_the_dot_and_is_previewed_and_a_file_that_is_not_utf8_is_refused() {
        RoadmapSnapshot created = plan();
        RoadmapView view = navigate(RoadmapView.class);
        view.show(created.id());
        view.openImport();
        roundTrip();
        ImportDialog dialog = view.importDialog;

        dialog.uploaded("digraph { plan -> build -> ship -> party; }".getBytes(StandardCharsets.UTF_8));
        assertThat(dialog.dot.getValue()).contains("party");
        assertThat(dialog.diff.getElement().getTextRecursively()).contains("Goals added (1)", "party");
        assertThat(dialog.replace.isEnabled()).isTrue();

        dialog.uploaded(new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
        assertThat(dialog.error.getText()).contains("UTF-16", "UTF-8");
        dialog.uploaded("digraph { caf\u00e9 }".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(dialog.error.getText()).contains("not valid UTF-8", "charset=latin1");
        assertThat(roadmaps.get(created.id()).roadmap().goals()).hasSize(3);
    }

    @Test
    @WithMockUser(username = "viewlearner", roles = "LEARNER")
    void a_learner_changes_the_status_only_of_goals_they_take_part_in_and_cannot_edit_the_rest() {
        RoadmapSnapshot created = plan();
        RoadmapView view = navigate(RoadmapView.class);
        view.show(created.id());
        assertThat(view.addGoal.isAttached()).isFalse();
        assertThat(view.importDot.isAttached()).isFalse();

        view.openGoal("ship");
        roundTrip();
        assertThat(view.goalDialog.status.isReadOnly()).isTrue();
        assertThat(view.goalDialog.save.isVisible()).isFalse();
        assertThat(view.goalDialog.title.isAttached()).isFalse();

        view.openGoal("build");
        roundTrip();
        assertThat(view.goalDialog.status.isReadOnly()).isFalse();
        view.goalDialog.status.setValue(GoalStatus.IN_PROGRESS);
        test(view.goalDialog.save).click();
        assertThat(roadmaps.get(created.id()).roadmap().goal("build").orElseThrow().status()).isEqualTo(GoalStatus.IN_PROGRESS);
    }

    @Test
    void a_mentor_adds_a_goal() {
        RoadmapSnapshot created = plan();
        RoadmapView view = navigate(RoadmapView.class);
        view.show(created.id());
        view.openAddGoal();
        roundTrip();
        RoadmapView.AddGoalDialog dialog = view.addGoalDialog;
        test(dialog.goalId).setValue("observe");
        test(dialog.title).setValue("Observe it");
        test(dialog.participants).setValue("@viewlearner");
        test(dialog.save).click();

        assertThat(roadmaps.get(created.id()).roadmap().goal("observe").orElseThrow().participants()).containsExactly("@viewlearner");
        assertThat(svg(view)).contains("<title>observe</title>");

        view.openAddGoal();
        roundTrip();
        test(view.addGoalDialog.goalId).setValue("observe");
        test(view.addGoalDialog.save).click();
        assertThat(view.addGoalDialog.goalId.isInvalid()).isTrue();
        assertThat(view.addGoalDialog.goalId.getErrorMessage()).contains("already has a goal");
    }

    @Test
    void the_goal_list_filters_by_status_participant_and_readiness() {
        GoalsView view = navigate(GoalsView.class);
        RoadmapSnapshot created = plan();
        view.load(roadmaps.get(created.id()));
        assertThat(test(view.grid).size()).isEqualTo(3);

        view.status.setValue(GoalStatus.DONE);
        assertThat(ids(view)).containsExactly("plan");
        view.status.clear();
        view.participant.setValue("@someone");
        assertThat(ids(view)).containsExactly("build");
        view.participant.clear();
        view.readiness.setValue(GoalsView.WAITING);
        assertThat(ids(view)).containsExactly("ship");
        view.readiness.setValue(GoalsView.READY);
        assertThat(ids(view)).containsExactly("plan", "build");

        view.openGoal("ship");
        roundTrip();
        assertThat(view.goalDialog.readiness.getText()).isEqualTo("Waiting on: build");
    }

    static List<String> ids(GoalsView view) {
        return view.grid.getListDataView().getItems().map(row -> row.goal().id()).toList();
    }

    @Test
    void a_damaged_roadmap_says_so_and_an_editor_restores_it_while_the_others_still_open() {
        RoadmapSnapshot plan = plan();
        jdbc.update("update roadmap set dot = 'digraph { plan -> ; }', version = version + 1 where id = ?", plan.id());

        RoadmapView view = navigate(RoadmapView.class);
        view.show(plan.id());

        assertThat(view.problem.getElement().getTextRecursively()).contains("is damaged", "The other roadmaps are not affected");
        assertThat(svg(view)).isEmpty();
        assertThat(view.selector.getValue().damaged()).isTrue();
        assertThat(navigate(RoadmapView.class).heading.getText()).isEqualTo("Team roadmap");

        view = navigate(RoadmapView.class);
        view.show(plan.id());
        test(view.problem.getChildren().filter(c -> c instanceof Button)
                .map(c -> (Button) c).findFirst().orElseThrow()).click();

        assertThat(view.problem.getChildren()).isEmpty();
        assertThat(svg(view)).contains("<title>plan</title>", "<title>ship</title>");
        assertThat(roadmaps.get(plan.id()).roadmap()).isEqualTo(plan.roadmap());
    }
}
