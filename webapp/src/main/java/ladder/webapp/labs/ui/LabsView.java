package ladder.webapp.labs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import ladder.labs.catalog.LabDurations;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.labs.LabEntry;
import ladder.webapp.labs.LabException;
import ladder.webapp.labs.LabService;
import ladder.webapp.labs.LabSessionInfo;
import ladder.webapp.ui.Notifications;

/**
 * The lab catalog: every lab with what it proves, its time limit, whether this server can run it (and
 * what is missing), and the signed-in person's own status; Start or Continue opens the session.
 */
@Route("labs")
@PageTitle("Labs · Ladder")
@Menu(order = 20, title = "Labs", icon = "FLASK")
@PermitAll
class LabsView extends VerticalLayout {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    final Grid<LabEntry> grid = new Grid<>();
    final Paragraph empty = new Paragraph("This server offers no labs yet: its lab catalog folder is missing or holds no"
            + " valid lab. An admin points LADDER_LABS_CATALOG at the catalog (labs/catalog in Ladder's download); the log"
            + " says what was found.");
    final Grid<LabSessionInfo> sessions = new Grid<>();
    final Paragraph runtime = new Paragraph();
    private final LabService labs;
    private final AccountView actor;

    LabsView(LabService labs, CurrentUser currentUser) {
        this.labs = labs;
        this.actor = currentUser.require();
        addClassName("ladder-page");
        setSizeFull();
        runtime.addClassName("ladder-muted");
        runtime.setText("Labs run on this server's " + labs.runtimeName() + " runtime, at most "
                + labs.maxSessions() + " sessions at once and one per person. Pass every check of a lab and the "
                + "rung it proves is recorded on your ladder.");
        grid.setId("labs-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(LabsView::describe).setHeader("Lab").setWidth("24em").setFlexGrow(4);
        grid.addColumn(lab -> String.join(", ", lab.topics())).setHeader("Topics").setWidth("9em").setFlexGrow(0);
        grid.addColumn(lab -> lab.rung().displayName()).setHeader("Proves").setAutoWidth(true);
        grid.addColumn(lab -> LabDurations.format(lab.timeLimit())).setHeader("Time limit").setAutoWidth(true);
        grid.addComponentColumn(LabsView::runnable).setHeader("Runs here").setAutoWidth(true);
        grid.addColumn(LabsView::status).setHeader("Your status").setWidth("10em").setFlexGrow(0);
        grid.addComponentColumn(this::action).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        sessions.setId("sessions-grid");
        sessions.addColumn(LabSessionInfo::title).setHeader("Lab").setFlexGrow(3);
        sessions.addColumn(LabSessionInfo::owner).setHeader("Who").setAutoWidth(true);
        sessions.addColumn(session -> session.state().apiName()).setHeader("State").setAutoWidth(true);
        sessions.addColumn(session -> WHEN.format(session.startedAt())).setHeader("Started").setAutoWidth(true);
        sessions.addColumn(LabSessionInfo::message).setHeader("").setFlexGrow(2);
        sessions.addComponentColumn(session -> {
            Button open = new Button(session.state().active() ? "Open" : "Results", click -> open(session.id()));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return open;
        }).setAutoWidth(true);
        sessions.setAllRowsVisible(true);
        empty.setId("labs-empty");
        empty.addClassName("ladder-muted");
        add(new H2("Labs"), runtime, empty, grid, new H3("Sessions"), sessions);
        refresh();
    }

    void refresh() {
        List<LabEntry> entries = labs.catalog(actor);
        grid.setItems(entries);
        empty.setVisible(entries.isEmpty());
        grid.setVisible(!entries.isEmpty());
        // running ones first, then the most recent; a mentor sees everyone's
        sessions.setItems(labs.sessions(actor).stream()
                .sorted(Comparator.comparing((LabSessionInfo s) -> !s.state().active()))
                .limit(20).toList());
    }

    private static Div describe(LabEntry lab) {
        Div box = new Div();
        Span title = new Span(lab.title());
        title.addClassName("ladder-lab-title");
        Paragraph summary = new Paragraph(lab.summary());
        summary.addClassName("ladder-muted");
        box.add(title, summary);
        return box;
    }

    private static Span runnable(LabEntry lab) {
        // why not, e.g. "grafana: container-only: …" or an upstream image that cannot be had here
        Span span = new Span(lab.runnableHere() ? "yes" : "no: " + String.join("; ", lab.whyNot()));
        span.getElement().getThemeList().add(lab.runnableHere() ? "badge success" : "badge contrast");
        return span;
    }

    static String status(LabEntry lab) {
        String status = lab.status();
        if (lab.passedAt() != null) {
            status = "passed " + DATE.format(lab.passedAt()) + (lab.activeSessionId() != null ? ", in progress" : "");
        }
        return status + (lab.attempts() > 0 ? " · " + lab.attempts() + (lab.attempts() == 1 ? " attempt" : " attempts") : "");
    }

    private Button action(LabEntry lab) {
        if (lab.activeSessionId() != null) {
            Button resume = new Button("Continue", click -> open(lab.activeSessionId()));
            resume.setId("continue-" + lab.id());
            return resume;
        }
        Button start = new Button("Start", click -> start(lab));
        start.setId("start-" + lab.id());
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(lab.runnableHere());
        return start;
    }

    private void start(LabEntry lab) {
        try {
            LabSessionInfo session = labs.start(actor, lab.id());
            open(session.id());
        } catch (LabException e) {
            Notifications.error(e.getMessage());
            refresh();
        }
    }

    private void open(String sessionId) {
        getUI().ifPresent(ui -> ui.navigate("labs/sessions/" + sessionId));
    }
}
