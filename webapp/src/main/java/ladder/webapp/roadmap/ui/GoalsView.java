package ladder.webapp.roadmap.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.GoalStatus;
import ladder.model.roadmap.Readiness;
import ladder.model.roadmap.Roadmap;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.roadmap.DamagedRoadmapException;
import ladder.webapp.roadmap.GoalCriteriaService;
import ladder.webapp.roadmap.RoadmapService;
import ladder.webapp.roadmap.RoadmapSnapshot;
import ladder.webapp.roadmap.RoadmapSummary;
import ladder.webapp.ui.Notifications;
import org.jspecify.annotations.Nullable;

/** Every goal of a roadmap in a grid, filtered by status, participant and readiness; a click opens the goal. */
@Route("roadmap/goals")
@PageTitle("Goals · Ladder")
@Menu(order = 11, title = "Goals", icon = "LIST")
@PermitAll
class GoalsView extends VerticalLayout {

    /** A goal as the grid shows it. */
    record Row(Goal goal, Readiness readiness, String participants) {
    }

    static final String READY = "ready";
    static final String WAITING = "waiting";

    private final RoadmapService roadmaps;
    private final GoalCriteriaService criteria;
    private final AccountView actor;
    private @Nullable RoadmapSnapshot snapshot;

    final Select<RoadmapSummary> roadmap = new Select<>();
    final Select<GoalStatus> status = new Select<>();
    final ComboBox<String> participant = new ComboBox<>("Participant");
    final Select<String> readiness = new Select<>();
    final Grid<Row> grid = new Grid<>(Row.class, false);
    @Nullable GoalDialog goalDialog;

    GoalsView(RoadmapService roadmaps, GoalCriteriaService criteria, CurrentUser currentUser) {
        this.roadmaps = roadmaps;
        this.criteria = criteria;
        this.actor = currentUser.require();
        addClassName("ladder-page");
        setSizeFull();

        roadmap.setLabel("Roadmap");
        roadmap.setId("goals-roadmap");
        roadmap.setItemLabelGenerator(r -> r.name() + (r.isDefault() ? " (default)" : ""));
        roadmap.addValueChangeListener(change -> {
            if (change.getValue() != null && (snapshot == null || snapshot.id() != change.getValue().id())) {
                loadOrSayDamaged(() -> load(roadmaps.get(change.getValue().id())));
            }
        });
        status.setLabel("Status");
        status.setId("goals-status");
        status.setItems(GoalStatus.values());
        status.setItemLabelGenerator(s -> s == null ? "any" : RoadmapUi.label(s));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("any");
        status.addValueChangeListener(change -> filter());
        participant.setId("goals-participant");
        participant.setClearButtonVisible(true);
        participant.addValueChangeListener(change -> filter());
        readiness.setLabel("Readiness");
        readiness.setId("goals-readiness");
        readiness.setItems(READY, WAITING);
        readiness.setEmptySelectionAllowed(true);
        readiness.setEmptySelectionCaption("any");
        readiness.setItemLabelGenerator(r -> r == null ? "any" : r);
        readiness.addValueChangeListener(change -> filter());

        grid.setId("goals-grid");
        grid.addColumn(row -> row.goal().title()).setHeader("Goal").setSortable(true).setFlexGrow(2);
        grid.addComponentColumn(row -> RoadmapUi.badge(row.goal().status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(Row::participants).setHeader("Participants").setFlexGrow(1);
        grid.addColumn(row -> row.readiness().isReady() ? "ready"
                : "waiting on " + String.join(", ", row.readiness().waitingOn())).setHeader("Ready / waiting on").setFlexGrow(1);
        grid.addItemClickListener(click -> openGoal(click.getItem().goal().id()));

        HorizontalLayout filters = new HorizontalLayout(roadmap, status, participant, readiness);
        filters.setAlignItems(Alignment.BASELINE);
        add(new H2("Goals"), filters, grid);
        loadOrSayDamaged(() -> roadmaps.findDefault().ifPresent(this::load));
    }

    /** A damaged roadmap is named in a notification, and the grid stays as it was. */
    private void loadOrSayDamaged(Runnable loading) {
        try {
            loading.run();
        } catch (DamagedRoadmapException e) {
            Notifications.error(e.getMessage() + ": open it on the Roadmap page to restore it");
        }
    }

    void load(RoadmapSnapshot loaded) {
        this.snapshot = loaded;
        List<RoadmapSummary> all = roadmaps.list();
        roadmap.setItems(all);
        all.stream().filter(r -> r.id() == loaded.id()).findFirst().ifPresent(roadmap::setValue);
        Map<String, @Nullable String> names = roadmaps.participantNames(loaded.roadmap());
        participant.setItems(names.keySet().stream().sorted().toList());
        participant.setItemLabelGenerator(handle -> names.get(handle) == null ? handle : names.get(handle) + " (" + handle + ")");
        filter();
    }

    /** The rows that pass the filters, in the roadmap's goal order. */
    List<Row> rows() {
        RoadmapSnapshot current = snapshot;
        if (current == null) {
            return List.of();
        }
        Roadmap model = current.roadmap();
        Map<String, @Nullable String> names = roadmaps.participantNames(model);
        return model.goals().stream()
                .filter(g -> status.getValue() == null || g.status() == status.getValue())
                .filter(g -> participant.getValue() == null || g.participants().contains(participant.getValue()))
                .map(g -> new Row(g, model.readiness(g.id()), String.join(", ", g.participants().stream()
                        .map(h -> names.get(h) == null ? h : names.get(h)).toList())))
                .filter(r -> readiness.getValue() == null
                        || readiness.getValue().equals(READY) == r.readiness().isReady())
                .toList();
    }

    void filter() {
        grid.setItems(rows());
    }

    void openGoal(String goalId) {
        if (snapshot != null) {
            goalDialog = new GoalDialog(roadmaps, criteria, actor, roadmaps.get(snapshot.id()), goalId, this::load);
            goalDialog.open();
        }
    }
}
