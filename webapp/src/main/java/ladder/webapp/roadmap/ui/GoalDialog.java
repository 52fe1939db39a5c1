package ladder.webapp.roadmap.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.GoalStatus;
import ladder.model.roadmap.Readiness;
import ladder.model.roadmap.Roadmap;
import ladder.webapp.account.AccountView;
import ladder.webapp.roadmap.GoalCriteriaService;
import ladder.webapp.roadmap.GoalCriterion;
import ladder.webapp.roadmap.GoalEdit;
import ladder.webapp.roadmap.NoSuchRoadmapException;
import ladder.webapp.roadmap.Participant;
import ladder.webapp.roadmap.RoadmapAccessDeniedException;
import ladder.webapp.roadmap.RoadmapChange;
import ladder.webapp.roadmap.RoadmapConflictException;
import ladder.webapp.roadmap.RoadmapException;
import ladder.webapp.roadmap.RoadmapService;
import ladder.webapp.roadmap.RoadmapSnapshot;
import ladder.webapp.ui.Notifications;

/**
 * A goal's details: description, status, participants, prerequisites, dependents, readiness and
 * history. Mentors and admins edit everything here; a learner taking part in the goal changes its
 * status. A stale edit shows who won and offers to reload.
 */
class GoalDialog extends Dialog {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final RoadmapService roadmaps;
    private final GoalCriteriaService criteria;
    private final AccountView actor;
    private final long roadmapId;
    private final String goalId;
    private final Consumer<RoadmapSnapshot> changed;
    private long goalVersion;

    final Paragraph description = new Paragraph();
    final Span readiness = new Span();
    final Div participants = new Div();
    final Div prerequisites = new Div();
    final Div dependents = new Div();
    final Div criteriaList = new Div();
    final Button approve = new Button("Approve");
    final RadioButtonGroup<GoalStatus> status = new RadioButtonGroup<>("Status");
    final TextField title = new TextField("Title");
    final TextArea descriptionField = new TextArea("Description");
    final TextField participantsField = new TextField("Participants");
    final ComboBox<String> newPrerequisite = new ComboBox<>("Add a prerequisite");
    final Button addPrerequisite = new Button("Add");
    final Button save = new Button("Save");
    final Button delete = new Button("Delete goal");
    final Button reload = new Button("Reload");
    final Span conflict = new Span();
    final Grid<RoadmapChange> history = new Grid<>(RoadmapChange.class, false);

    GoalDialog(RoadmapService roadmaps, GoalCriteriaService criteria, AccountView actor, RoadmapSnapshot snapshot,
            String goalId, Consumer<RoadmapSnapshot> changed) {
        this.roadmaps = roadmaps;
        this.criteria = criteria;
        this.actor = actor;
        this.roadmapId = snapshot.id();
        this.goalId = goalId;
        this.changed = changed;
        setId("goal-dialog");
        setWidth("min(60rem, 95vw)");
        boolean editor = actor.isMentorOrAdmin();

        status.setItems(GoalStatus.values());
        status.setItemLabelGenerator(RoadmapUi::label);
        status.setId("goal-status");
        title.setId("goal-title");
        title.setWidthFull();
        descriptionField.setId("goal-description");
        descriptionField.setWidthFull();
        participantsField.setId("goal-participants");
        participantsField.setHelperText("handles separated by blanks, e.g. @ada @linus");
        participantsField.setWidthFull();
        save.setId("goal-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        delete.setId("goal-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(click -> delete());
        reload.setId("goal-reload");
        reload.setVisible(false);
        reload.addClickListener(click -> refresh(roadmaps.get(roadmapId)));
        conflict.setId("goal-conflict");
        conflict.addClassName("roadmap-conflict");
        newPrerequisite.setId("goal-new-prerequisite");
        addPrerequisite.setId("goal-add-prerequisite");
        addPrerequisite.addClickListener(click -> addPrerequisite());
        readiness.setId("goal-readiness");
        criteriaList.setId("goal-criteria");
        approve.setId("goal-approve");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        approve.addClickListener(click -> approve());
        description.setId("goal-text");

        history.addColumn(change -> WHEN.format(change.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(RoadmapChange::who).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(RoadmapChange::what).setHeader("What").setAutoWidth(true);
        history.addColumn(change -> text(change.before()) + " → " + text(change.after())).setHeader("Before → after");
        history.setAllRowsVisible(true);
        history.setId("goal-history");

        Div details = new Div(new H4("Description"), description, readiness,
                new H4("Participants"), participants, new H4("Prerequisites"), prerequisites,
                new H4("Dependents"), dependents, new H4("Completed when"), criteriaList, approve);
        details.addClassName("roadmap-goal-details");
        add(details);
        add(status);
        if (editor) {
            HorizontalLayout prerequisiteLine = new HorizontalLayout(newPrerequisite, addPrerequisite);
            prerequisiteLine.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            add(title, descriptionField, participantsField, prerequisiteLine);
        }
        add(conflict, new H4("History"), history);
        Button close = new Button("Close", click -> close());
        close.setId("goal-close");
        getFooter().add(reload, editor ? delete : new Span(), close, save);
        delete.setVisible(editor);
        refresh(snapshot);
    }

    private static String text(String value) {
        return value == null || value.isEmpty() ? "—" : value.length() > 120 ? value.substring(0, 117) + "..." : value;
    }

    /** Shows the goal as stored in {@code snapshot}; closes when it no longer exists. */
    void refresh(RoadmapSnapshot snapshot) {
        Roadmap roadmap = snapshot.roadmap();
        Goal goal = roadmap.goal(goalId).orElse(null);
        if (goal == null) {
            Notifications.error("Goal '" + goalId + "' no longer exists");
            close();
            return;
        }
        goalVersion = snapshot.goalVersion(goalId);
        setHeaderTitle(goal.title() + (goal.title().equals(goal.id()) ? "" : " (" + goal.id() + ")"));
        description.setText(goal.description().isEmpty() ? "No description." : goal.description());
        Readiness ready = roadmap.readiness(goalId);
        readiness.setText(ready.isReady() ? "Ready: every prerequisite is done."
                : "Waiting on: " + String.join(", ", ready.waitingOn()));
        readiness.getElement().setAttribute("data-ready", String.valueOf(ready.isReady()));

        participants.removeAll();
        List<Participant> people = roadmaps.participants(goal.participants());
        if (people.isEmpty()) {
            participants.add(new Span("Nobody yet."));
        }
        for (Participant p : people) {
            Span person = new Span(p.label());
            person.addClassName(p.isLinked() ? "roadmap-participant-linked" : "roadmap-participant");
            participants.add(person);
        }

        boolean editor = actor.isMentorOrAdmin();
        prerequisites.removeAll();
        for (String prerequisite : roadmap.prerequisites(goalId)) {
            Goal p = roadmap.goal(prerequisite).orElseThrow();
            HorizontalLayout line = new HorizontalLayout(RoadmapUi.badge(p.status()), new Span(p.title()));
            line.setAlignItems(HorizontalLayout.Alignment.CENTER);
            if (editor) {
                Button remove = new Button("Remove", click -> removePrerequisite(prerequisite));
                remove.setId("goal-remove-prerequisite-" + prerequisite);
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                line.add(remove);
            }
            prerequisites.add(line);
        }
        if (roadmap.prerequisites(goalId).isEmpty()) {
            prerequisites.add(new Span("None."));
        }
        criteriaList.removeAll();
        if (goal.status() != GoalStatus.DONE) {
            // criteria met since the last event (a mentor's review) complete the goal as it is opened
            if (criteria.completeIfMet(roadmapId, goalId)) {
                RoadmapSnapshot after = roadmaps.get(roadmapId);
                changed.accept(after);
                refresh(after);
                return;
            }
        }
        List<GoalCriterion> checks = criteria.evaluate(roadmapId, goal);
        if (checks.isEmpty()) {
            criteriaList.add(new Span("No criteria: the goal is marked done by hand."));
        }
        for (GoalCriterion check : checks) {
            Div line = new Div(new Span((check.met() ? "✓ " : "✗ ") + check.text()), new Span(" — " + check.detail()));
            line.addClassName(check.met() ? "roadmap-criterion-met" : "roadmap-criterion-open");
            criteriaList.add(line);
        }
        approve.setVisible(criteria.mayApprove(roadmapId, goal, actor));
        dependents.removeAll();
        roadmap.dependents(goalId).forEach(d -> dependents.add(new Div(new Span(roadmap.goal(d).orElseThrow().title()))));
        if (roadmap.dependents(goalId).isEmpty()) {
            dependents.add(new Span("None."));
        }

        status.setValue(goal.status());
        boolean participant = goal.participants().contains(actor.handle());
        status.setReadOnly(!editor && !participant);
        save.setVisible(editor || participant);
        title.setValue(goal.title());
        descriptionField.setValue(goal.description());
        participantsField.setValue(String.join(" ", goal.participants()));
        newPrerequisite.setItems(roadmap.goals().stream().map(Goal::id)
                .filter(id -> !id.equals(goalId) && roadmap.dependency(id, goalId).isEmpty()).toList());
        newPrerequisite.clear();
        history.setItems(roadmaps.history(roadmapId, goalId));
        conflict.setText("");
        reload.setVisible(false);
    }

    void save() {
        boolean editor = actor.isMentorOrAdmin();
        GoalEdit edit = editor
                ? new GoalEdit(title.getValue(), descriptionField.getValue(), status.getValue(),
                        Arrays.asList(participantsField.getValue().strip().split("\\s+")).stream()
                                .filter(s -> !s.isBlank()).toList())
                : GoalEdit.status(status.getValue());
        attempt(() -> roadmaps.changeGoal(roadmapId, goalId, edit, goalVersion, actor), "Goal saved");
    }

    void approve() {
        try {
            criteria.approve(roadmapId, goalId, actor);
            Notifications.success("Approved");
            RoadmapSnapshot after = roadmaps.get(roadmapId);
            refresh(after);
            changed.accept(after);
        } catch (RuntimeException e) {
            Notifications.error(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    void addPrerequisite() {
        String prerequisite = newPrerequisite.getValue();
        if (prerequisite == null) {
            return;
        }
        attempt(() -> roadmaps.addDependency(roadmapId, prerequisite, goalId, actor), "Prerequisite added");
    }

    void removePrerequisite(String prerequisite) {
        attempt(() -> roadmaps.removeDependency(roadmapId, prerequisite, goalId, actor), "Prerequisite removed");
    }

    void delete() {
        try {
            RoadmapSnapshot after = roadmaps.deleteGoal(roadmapId, goalId, goalVersion, actor);
            Notifications.success("Goal '" + goalId + "' deleted");
            close();
            changed.accept(after);
        } catch (RoadmapConflictException e) {
            showConflict(e.getMessage());
        } catch (RoadmapException | RoadmapAccessDeniedException | NoSuchRoadmapException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void attempt(Supplier<RoadmapSnapshot> change, String done) {
        try {
            RoadmapSnapshot after = change.get();
            refresh(after);
            Notifications.success(done);
            changed.accept(after);
        } catch (RoadmapConflictException e) {
            showConflict(e.getMessage());
        } catch (RoadmapException | RoadmapAccessDeniedException | NoSuchRoadmapException e) {
            conflict.setText(e.getMessage());
            Notifications.error(e.getMessage());
        }
    }

    private void showConflict(String message) {
        conflict.setText(message);
        reload.setVisible(true);
        Notifications.error(message);
    }

    long goalVersion() {
        return goalVersion;
    }
}
