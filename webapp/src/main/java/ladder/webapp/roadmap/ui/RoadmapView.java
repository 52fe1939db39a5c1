package ladder.webapp.roadmap.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.Roadmap;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.roadmap.DamagedRoadmapException;
import ladder.webapp.roadmap.ExportFormat;
import ladder.webapp.roadmap.GoalCriteriaService;
import ladder.webapp.roadmap.NoSuchRoadmapException;
import ladder.webapp.roadmap.RenderException;
import ladder.webapp.roadmap.RoadmapConflictException;
import ladder.webapp.roadmap.RoadmapException;
import ladder.webapp.roadmap.RoadmapService;
import ladder.webapp.roadmap.RoadmapSnapshot;
import ladder.webapp.roadmap.RoadmapSummary;
import ladder.webapp.ui.Notifications;
import org.jspecify.annotations.Nullable;

/**
 * The roadmap as a graph drawn by Graphviz, with its legend and downloads. Clicking a goal opens its
 * details. Without {@code dot} on the server the view says so, how to install it, and lists the goals.
 * Mentors and admins add goals, import DOT and choose the default roadmap here.
 */
@Route("roadmap")
@PageTitle("Roadmap · Ladder")
@Menu(order = 10, title = "Roadmap", icon = "SITEMAP")
@PermitAll
class RoadmapView extends VerticalLayout implements BeforeEnterObserver {

    /** Evaluated in the browser on a click: the goal id in the {@code <title>} of the clicked node, or "". */
    static final String CLICKED_GOAL = "(function(n){return n && n.querySelector('title') ? n.querySelector('title').textContent : '';})"
            + "(event.target.closest ? event.target.closest('g.node') : null)";

    /** The zoom levels, in percent of the graph fitted to the width of its box. */
    static final List<Integer> ZOOMS = List.of(100, 150, 200, 300, 400, 600, 800, 1200, 1600);

    /**
     * Run on the graph's box ({@code executeJs}, which the CSP allows; no inline script): scales the SVG to
     * {@code $0} times the box's width and keeps the point at the middle of the box where it was.
     */
    static final String ZOOM = """
            const cx = (this.scrollLeft + this.clientWidth / 2) / Math.max(1, this.scrollWidth);
            const cy = (this.scrollTop + this.clientHeight / 2) / Math.max(1, this.scrollHeight);
            this.style.setProperty('--roadmap-zoom', $0);
            this.classList.toggle('roadmap-zoomed', $0 > 1);
            this.scrollLeft = cx * this.scrollWidth - this.clientWidth / 2;
            this.scrollTop = cy * this.scrollHeight - this.clientHeight / 2;""";

    /**
     * Run once on the graph's box: dragging with the mouse (or a finger, a pen) pans it; a drag of more than a few
     * pixels is no click, so it opens no goal. Scroll bars, the wheel and the keyboard pan it as any scrolled box.
     */
    static final String PAN = """
            if (this.ladderPan) { return; }
            this.ladderPan = true;
            const box = this;
            let start = null, moved = false;
            const end = () => { start = null; box.classList.remove('roadmap-panning'); };
            box.addEventListener('pointerdown', e => {
                // not on the box itself: that is its scroll bars, which pan by themselves
                if (e.button === 0 && e.target !== box) {
                    start = {x: e.clientX, y: e.clientY, left: box.scrollLeft, top: box.scrollTop};
                    moved = false;
                }
            });
            box.addEventListener('pointermove', e => {
                if (!start) { return; }
                if (e.buttons === 0) { end(); return; } // released outside the box
                const dx = e.clientX - start.x, dy = e.clientY - start.y;
                if (!moved && Math.abs(dx) + Math.abs(dy) < 6) { return; }
                moved = true;
                box.classList.add('roadmap-panning');
                box.scrollLeft = start.left - dx;
                box.scrollTop = start.top - dy;
            });
            box.addEventListener('pointerup', end);
            box.addEventListener('pointercancel', end);
            box.addEventListener('click', e => {
                if (moved) { moved = false; e.stopImmediatePropagation(); e.preventDefault(); }
            }, true);""";

    private final RoadmapService roadmaps;
    private final GoalCriteriaService criteria;
    private final AccountView actor;
    private @Nullable RoadmapSnapshot snapshot;

    final H2 heading = new H2("Roadmap");
    final Select<RoadmapSummary> selector = new Select<>();
    final Div graph = new Div();
    final Button zoomOut = new Button(VaadinIcon.SEARCH_MINUS.create());
    final Button zoomFit = new Button("Fit");
    final Button zoomIn = new Button(VaadinIcon.SEARCH_PLUS.create());
    final Span zoomLevel = new Span("100 %");
    final HorizontalLayout zoomBar = new HorizontalLayout(zoomOut, zoomFit, zoomIn, zoomLevel);
    int zoom = 100;
    final Div problem = new Div();
    final UnorderedList goalList = new UnorderedList();
    final HorizontalLayout downloads = new HorizontalLayout();
    final Button addGoal = new Button("Add goal", VaadinIcon.PLUS.create());
    final Button importDot = new Button("Import DOT", VaadinIcon.UPLOAD.create());
    final Button makeDefault = new Button("Make default");
    final Paragraph empty = new Paragraph("There is no roadmap yet.");
    @Nullable GoalDialog goalDialog;
    @Nullable ImportDialog importDialog;
    @Nullable AddGoalDialog addGoalDialog;

    RoadmapView(RoadmapService roadmaps, GoalCriteriaService criteria, CurrentUser currentUser) {
        this.roadmaps = roadmaps;
        this.criteria = criteria;
        this.actor = currentUser.require();
        addClassName("ladder-page");
        setWidthFull();

        selector.setId("roadmap-select");
        selector.setLabel("Roadmap");
        selector.setWidth("18em");
        selector.setItemLabelGenerator(r -> r.name() + (r.isDefault() ? " (default)" : ""));
        selector.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                show(change.getValue().id());
            }
        });
        graph.setId("roadmap-graph");
        graph.addClassName("roadmap-graph");
        graph.getElement().addEventListener("click", click -> {
            String goalId = click.getEventData().get(CLICKED_GOAL).asString("");
            if (!goalId.isEmpty()) {
                openGoal(goalId);
            }
        }).addEventData(CLICKED_GOAL);
        graph.getElement().setAttribute("tabindex", "0"); // arrow keys pan it, too
        graph.addAttachListener(attach -> graph.getElement().executeJs(PAN));
        zoomOut.setId("roadmap-zoom-out");
        zoomOut.setAriaLabel("Zoom out");
        zoomOut.addClickListener(click -> zoomTo(ZOOMS.get(Math.max(0, ZOOMS.indexOf(zoom) - 1))));
        zoomIn.setId("roadmap-zoom-in");
        zoomIn.setAriaLabel("Zoom in");
        zoomIn.addClickListener(click -> zoomTo(ZOOMS.get(Math.min(ZOOMS.size() - 1, ZOOMS.indexOf(zoom) + 1))));
        zoomFit.setId("roadmap-zoom-fit");
        zoomFit.addClickListener(click -> zoomTo(100));
        for (Button button : List.of(zoomOut, zoomFit, zoomIn)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        zoomLevel.setId("roadmap-zoom-level");
        zoomBar.setId("roadmap-zoom");
        zoomBar.setAlignItems(Alignment.CENTER);
        zoomBar.setSpacing(false);
        problem.setId("roadmap-problem");
        problem.addClassName("roadmap-problem");
        goalList.setId("roadmap-goal-list");
        downloads.setId("roadmap-downloads");
        downloads.setAlignItems(Alignment.BASELINE);

        addGoal.setId("roadmap-add-goal");
        addGoal.addClickListener(click -> openAddGoal());
        importDot.setId("roadmap-import");
        importDot.addClickListener(click -> openImport());
        makeDefault.setId("roadmap-make-default");
        makeDefault.addClickListener(click -> makeDefault());
        boolean editor = actor.isMentorOrAdmin();
        HorizontalLayout actions = new HorizontalLayout(selector);
        actions.setAlignItems(Alignment.BASELINE);
        if (editor) {
            actions.add(addGoal, importDot, makeDefault);
        }
        add(heading, actions, RoadmapUi.legend(), problem, zoomBar, graph, goalList, downloads);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> requested = event.getLocation().getQueryParameters().getSingleParameter("id").flatMap(id -> {
            try {
                return Optional.of(Long.parseLong(id));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        try {
            RoadmapSnapshot chosen = requested.map(roadmaps::get).or(roadmaps::findDefault).orElse(null);
            if (chosen == null) {
                removeAll();
                add(heading, empty);
                return;
            }
            show(chosen);
        } catch (NoSuchRoadmapException e) {
            Notifications.error(e.getMessage());
            roadmaps.findDefault().ifPresent(this::show);
        } catch (DamagedRoadmapException e) {
            showDamaged(e);
        }
    }

    void show(long roadmapId) {
        try {
            show(roadmaps.get(roadmapId));
        } catch (DamagedRoadmapException e) {
            showDamaged(e);
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("roadmap", QueryParameters.of("id", String.valueOf(roadmapId)))));
    }

    void show(RoadmapSnapshot shown) {
        this.snapshot = shown;
        List<RoadmapSummary> all = roadmaps.list();
        selector.setItems(all);
        all.stream().filter(r -> r.id() == shown.id()).findFirst().ifPresent(selector::setValue);
        heading.setText(shown.name());
        makeDefault.setVisible(actor.isMentorOrAdmin() && !shown.isDefault());
        render(shown);

        downloads.removeAll();
        downloads.add(new Span("Download:"));
        for (ExportFormat format : ExportFormat.values()) {
            if (format != ExportFormat.SVG || roadmaps.renderingUnavailable().isEmpty()) {
                downloads.add(RoadmapUi.download(roadmaps, shown.id(), shown.name(), format));
            }
        }
    }

    /** A roadmap whose stored DOT no longer reads: what is wrong, and for editors the way back. */
    void showDamaged(DamagedRoadmapException damage) {
        this.snapshot = null;
        long id = damage.roadmapId();
        List<RoadmapSummary> all = roadmaps.list();
        selector.setItems(all);
        all.stream().filter(r -> r.id() == id).findFirst().ifPresent(summary -> {
            selector.setValue(summary);
            heading.setText(summary.name());
        });
        makeDefault.setVisible(false);
        zoomBar.setVisible(false);
        graph.getElement().setProperty("innerHTML", "");
        goalList.removeAll();
        goalList.setVisible(false);
        downloads.removeAll();
        problem.removeAll();
        problem.add(new Paragraph(damage.getMessage() + ". The other roadmaps are not affected."));
        if (actor.isMentorOrAdmin()) {
            Button restore = new Button("Restore the last version that reads", click -> {
                try {
                    RoadmapSnapshot restored = roadmaps.restore(id, actor);
                    Notifications.success("'" + restored.name() + "' was restored");
                    show(restored);
                } catch (RoadmapException e) {
                    Notifications.error(e.getMessage());
                }
            });
            restore.setId("roadmap-restore");
            restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            problem.add(new Paragraph("You can restore its newest kept version that reads, or import a repaired "
                    + "DOT file over it."), restore);
        } else {
            problem.add(new Paragraph("A mentor can restore it."));
        }
    }

    private void render(RoadmapSnapshot shown) {
        Roadmap roadmap = shown.roadmap();
        problem.removeAll();
        goalList.removeAll();
        goalList.setVisible(false);
        zoomBar.setVisible(false);
        Optional<String> unavailable = roadmaps.renderingUnavailable();
        if (unavailable.isPresent()) {
            problem.add(new Paragraph("The graph cannot be drawn on this server: " + unavailable.get() + "."),
                    new Paragraph("To see the graph, install Graphviz on the server (Debian/Ubuntu: "
                            + "'apt-get install graphviz'; macOS: 'brew install graphviz') and reload. "
                            + "Meanwhile, here are the goals as a list."));
            graph.getElement().setProperty("innerHTML", "");
            listGoals(roadmap);
            return;
        }
        try {
            graph.getElement().setProperty("innerHTML", roadmaps.svg(shown));
            zoomBar.setVisible(true);
            zoomTo(100);
        } catch (RenderException e) {
            problem.add(new Paragraph("The graph could not be drawn: " + e.getMessage()));
            graph.getElement().setProperty("innerHTML", "");
            listGoals(roadmap);
        }
    }

    private void listGoals(Roadmap roadmap) {
        goalList.setVisible(true);
        for (Goal goal : roadmap.topologicalOrder()) {
            ListItem item = new ListItem(RoadmapUi.badge(goal.status()), new Span(" " + goal.title()));
            item.addClickListener(click -> openGoal(goal.id()));
            item.addClassName("roadmap-goal-item");
            goalList.add(item);
        }
    }

    /** Scales the graph to {@code percent} of its box's width (100: fitted), panned to keep its middle in view. */
    void zoomTo(int percent) {
        zoom = percent;
        zoomLevel.setText(percent + " %");
        zoomOut.setEnabled(percent > ZOOMS.getFirst());
        zoomFit.setEnabled(percent != 100);
        zoomIn.setEnabled(percent < ZOOMS.getLast());
        graph.getElement().executeJs(ZOOM, percent / 100.0);
    }

    void openGoal(String goalId) {
        RoadmapSnapshot current = snapshot;
        if (current == null) {
            return;
        }
        RoadmapSnapshot fresh = roadmaps.get(current.id());
        if (!fresh.roadmap().contains(goalId)) {
            return; // a legend node, or a goal deleted meanwhile
        }
        goalDialog = new GoalDialog(roadmaps, criteria, actor, fresh, goalId, this::show);
        goalDialog.open();
    }

    void openImport() {
        if (snapshot != null) {
            importDialog = new ImportDialog(roadmaps, actor, roadmaps.get(snapshot.id()), after -> show(after.id()));
            importDialog.open();
        }
    }

    void openAddGoal() {
        if (snapshot != null) {
            addGoalDialog = new AddGoalDialog(snapshot.id());
            addGoalDialog.open();
        }
    }

    void makeDefault() {
        if (snapshot != null) {
            roadmaps.makeDefault(snapshot.id(), actor);
            Notifications.success("'" + snapshot.name() + "' is now the default roadmap");
            show(snapshot.id());
        }
    }

    /** Adds a pending goal: id, title, description and participants. */
    class AddGoalDialog extends Dialog {
        final TextField goalId = new TextField("Id");
        final TextField title = new TextField("Title");
        final TextArea description = new TextArea("Description");
        final TextField participants = new TextField("Participants");
        final Button save = new Button("Add goal");

        AddGoalDialog(long roadmapId) {
            setHeaderTitle("New goal");
            setId("add-goal-dialog");
            goalId.setId("new-goal-id");
            goalId.setHelperText("the DOT node id, e.g. alerting_works");
            title.setId("new-goal-title");
            description.setId("new-goal-description");
            participants.setId("new-goal-participants");
            participants.setHelperText("handles separated by blanks, e.g. @ada @linus");
            save.setId("new-goal-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> {
                try {
                    RoadmapSnapshot after = roadmaps.addGoal(roadmapId, goalId.getValue().strip(), title.getValue(),
                            description.getValue(), List.of(participants.getValue()), actor);
                    Notifications.success("Goal '" + goalId.getValue().strip() + "' added");
                    close();
                    show(after);
                } catch (RoadmapException | RoadmapConflictException e) {
                    goalId.setInvalid(true);
                    goalId.setErrorMessage(e.getMessage());
                }
            });
            VerticalLayout form = new VerticalLayout(goalId, title, description, participants);
            form.setPadding(false);
            add(form);
            getFooter().add(new Button("Cancel", click -> close()), save);
        }
    }
}
