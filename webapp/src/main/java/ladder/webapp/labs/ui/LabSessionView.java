package ladder.webapp.labs.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ladder.labs.runtime.ApplyResult;
import ladder.labs.runtime.ToolResult;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.labs.LabCheck;
import ladder.webapp.labs.LabCheckRun;
import ladder.webapp.labs.LabException;
import ladder.webapp.labs.LabInstructions;
import ladder.webapp.labs.LabService;
import ladder.webapp.labs.LabSessionInfo;
import ladder.webapp.labs.LabSessionState;
import ladder.webapp.labs.ValidationLine;
import ladder.webapp.ui.Notifications;
import org.jspecify.annotations.Nullable;

/**
 * One lab session: progress while its components start (pushed as they come up), the instructions,
 * the workspace editor with save and apply (validator errors with their line), Check with each result,
 * time left, and stop. The session belongs to the learner, not the tab: opening it again finds it as it is.
 */
@Route("labs/sessions/:sessionId")
@PageTitle("Lab session · Ladder")
@PermitAll
class LabSessionView extends VerticalLayout implements BeforeEnterObserver {

    final H2 title = new H2();
    final Span state = new Span();
    final Paragraph message = new Paragraph();
    final Span timeLeft = new Span();
    final ProgressBar progress = new ProgressBar();
    final Div components = new Div();
    final Pre log = new Pre();
    final Div instructions = new Div();
    final HorizontalLayout files = new HorizontalLayout();
    final Span editing = new Span();
    final TextArea editor = new TextArea();
    final Button save = new Button("Save");
    final Button apply = new Button("Save and apply");
    final Div validation = new Div();
    final Button check = new Button("Check");
    final Div results = new Div();
    final Button stop = new Button("Stop session");
    final Div workspace = new Div();
    final Paragraph owner = new Paragraph();

    private final LabService labs;
    private final AccountView actor;
    private String sessionId = "";
    private @Nullable Runnable unsubscribe;
    private @Nullable LabSessionState shownState;
    private @Nullable String loadedFile;
    private List<LabSessionInfo.PlannedCheck> planned = List.of();
    private boolean yours;

    LabSessionView(LabService labs, CurrentUser currentUser) {
        this.labs = labs;
        this.actor = currentUser.require();
        addClassName("ladder-page");
        addClassName("ladder-lab-session");
        state.setId("session-state");
        message.setId("session-message");
        message.addClassName("ladder-muted");
        timeLeft.setId("time-left");
        progress.setId("start-progress");
        components.setId("components");
        components.addClassName("ladder-lab-components");
        log.setId("start-log");
        log.addClassName("ladder-lab-log");
        instructions.setId("instructions");
        files.setId("files");
        editing.setId("editing");
        editing.addClassName("ladder-muted");
        editor.setId("editor");
        editor.addClassName("ladder-lab-editor");
        editor.setWidthFull();
        editor.setMaxLength(256 * 1024);
        save.setId("save");
        save.addClickListener(click -> saveFile(true));
        apply.setId("apply");
        apply.addClickListener(click -> applyWorkspace());
        validation.setId("validation");
        check.setId("check");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(click -> runChecks());
        results.setId("check-results");
        stop.setId("stop");
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        stop.addClickListener(click -> {
            labs.stop(actor, sessionId);
            refresh();
        });

        HorizontalLayout head = new HorizontalLayout(state, timeLeft, stop);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout editActions = new HorizontalLayout(save, apply);
        workspace.add(new H3("Workspace"), files, editing, editor, editActions, validation,
                new H3("Checks"), check, results);
        workspace.setWidthFull();
        workspace.addClassName("ladder-lab-pane");
        instructions.addClassName("ladder-lab-pane");
        // the instructions beside the editor and the checks: read, edit, check without scrolling away
        SplitLayout work = new SplitLayout(instructions, workspace);
        work.setId("session-work");
        work.setSplitterPosition(45);
        work.setWidthFull();
        work.addClassName("ladder-lab-work");
        owner.setId("session-owner");
        owner.addClassName("ladder-muted");
        add(title, head, owner, message, progress, components, log, work);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().get("sessionId").orElse("");
        try {
            LabSessionInfo session = labs.session(actor, sessionId);
            title.setText(session.title());
            instructions.removeAll();
            instructions.add(new Html(LabInstructions.toHtml(labs.instructions(session.labId()))));
        } catch (LabException e) {
            event.rerouteToError(NotFoundException.class, e.getMessage());
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        refresh();
        unsubscribe = labs.subscribe(actor, sessionId, () -> ui.access(this::refresh));
        ui.setPollInterval(15_000); // the time left, between pushed changes
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        detachEvent.getUI().setPollInterval(-1);
    }

    /** Shows the session as it is now; called on open, on every pushed change and on polls. */
    void refresh() {
        LabSessionInfo session;
        try {
            session = labs.session(actor, sessionId);
        } catch (LabException e) {
            message.setText(e.getMessage());
            return;
        }
        state.setText(session.state().apiName());
        state.getElement().getThemeList().clear();
        state.getElement().getThemeList().add(switch (session.state()) {
            case READY -> "badge success";
            case FAILED -> "badge error";
            case STOPPED -> "badge contrast";
            case STARTING -> "badge";
        });
        message.setText(session.message());
        boolean active = session.state().active();
        Duration left = Duration.between(Instant.now(), session.expiresAt());
        timeLeft.setText(active ? (left.isNegative() ? "time is up" : left.toMinutes() + " min "
                + left.toSecondsPart() + " s left") : "");
        stop.setVisible(active);

        long ready = session.components().stream().filter(c -> c.state().equals("ready")).count();
        progress.setVisible(session.state() == LabSessionState.STARTING);
        progress.setValue(session.components().isEmpty() ? 0 : (double) ready / session.components().size());
        components.removeAll();
        for (LabSessionInfo.Component component : session.components()) {
            Div row = new Div();
            row.addClassName("ladder-lab-component");
            row.setId("component-" + component.name());
            Span badge = new Span(component.state());
            badge.getElement().getThemeList().add(switch (component.state()) {
                case "ready" -> "badge success";
                case "failed" -> "badge error";
                default -> "badge";
            });
            row.add(new Span(component.name() + " (" + component.kind() + ") "), badge);
            if (component.url() != null) {
                Anchor open = new Anchor(component.url(), "open " + component.name(), AnchorTarget.BLANK);
                open.setId("open-" + component.name());
                open.setRouterIgnore(true);
                row.add(new Span(" "), open);
            }
            components.add(row);
        }
        log.setText(String.join("\n", session.progress()));
        log.setVisible(!session.progress().isEmpty() && session.state() == LabSessionState.STARTING);

        boolean ready_ = session.state() == LabSessionState.READY;
        boolean mayChange = ready_ && session.yours(); // a mentor looks on, and may stop it
        planned = session.checks();
        yours = session.yours(); // answers are the learner's to ask for; a mentor has the lab's solution
        owner.setText(session.yours() ? "" : "You are looking at " + session.owner() + "'s session: read only, "
                + "and you may stop it.");
        owner.setVisible(!session.yours());
        workspace.setVisible(ready_ || session.state() == LabSessionState.STOPPED);
        save.setEnabled(mayChange);
        apply.setEnabled(mayChange);
        editor.setReadOnly(!mayChange);
        check.setEnabled(mayChange && !session.checking());
        check.setText(session.checking() ? "Checking…" : "Check");
        if (ready_ && shownState != LabSessionState.READY) {
            List<String> paths = labs.files(actor, sessionId);
            files.removeAll();
            for (String path : paths) {
                Button pick = new Button(path, click -> {
                    if (!path.equals(loadedFile) && (loadedFile == null || saveFile(false))) {
                        load(path);
                    }
                });
                pick.setId("file-" + path.replaceAll("[^A-Za-z0-9]", "-"));
                pick.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                files.add(pick);
            }
            if (!paths.isEmpty() && loadedFile == null) {
                load(paths.getFirst());
            }
            List<LabCheckRun> runs = labs.checkRuns(actor, sessionId);
            if (!runs.isEmpty() && results.getChildren().findAny().isEmpty()) {
                showRun(runs.getLast());
            }
        }
        shownState = session.state();
    }

    private void load(String path) {
        try {
            editor.setValue(labs.readFile(actor, sessionId, path));
            loadedFile = path;
            editing.setText("Editing " + path + " (placeholders such as ${host:shop} become 127.0.0.1:PORT when applied)");
            validation.removeAll();
        } catch (LabException e) {
            error(e.getMessage());
        }
    }

    private boolean saveFile(boolean tell) {
        if (loadedFile == null) {
            return false;
        }
        try {
            labs.writeFile(actor, sessionId, loadedFile, editor.getValue());
            if (tell) {
                Notifications.info("Saved " + loadedFile + " (not applied yet)");
            }
            return true;
        } catch (LabException e) {
            error(e.getMessage());
            return false;
        }
    }

    private void applyWorkspace() {
        if (!saveFile(false)) {
            return;
        }
        try {
            ApplyResult result = labs.apply(actor, sessionId);
            showApply(result);
        } catch (LabException e) {
            error(e.getMessage());
        }
    }

    void showApply(ApplyResult result) {
        validation.removeAll();
        Paragraph summary = new Paragraph(result.message());
        summary.setId("apply-message");
        summary.addClassName(result.applied() ? "ladder-lab-ok" : "ladder-lab-error");
        validation.add(summary);
        for (ToolResult tool : result.validations()) {
            if (tool.valid()) {
                continue;
            }
            Integer line = ValidationLine.of(tool.output());
            Div box = new Div();
            box.addClassName("ladder-lab-validation");
            box.add(new Span(tool.command() + (line == null ? "" : " — line " + line)));
            box.add(new Pre(tool.output().strip()));
            validation.add(box);
        }
    }

    private void runChecks() {
        saveFile(false);
        UI ui = UI.getCurrent();
        results.removeAll();
        Paragraph running = new Paragraph("Running the checks… independent ones at once; each result shows as it comes.");
        running.setId("checks-running");
        results.add(running);
        Map<String, Div> boxes = new HashMap<>();
        for (LabSessionInfo.PlannedCheck planned : planned) {
            Div box = new Div();
            box.addClassName("ladder-lab-check");
            box.setId("check-" + planned.id());
            Span badge = new Span("running");
            badge.getElement().getThemeList().add("badge contrast");
            box.add(badge, new Span(" " + planned.description()));
            if (planned.pollsFor() != null) {
                box.add(new Paragraph("Waits for data: polls until it sees it, for up to "
                        + planned.pollsFor().toSeconds() + " s."));
            }
            boxes.put(planned.id(), box);
            results.add(box);
        }
        check.setEnabled(false);
        // the actor is passed on explicitly: no security context has to follow the run onto its thread
        Thread.ofVirtual().name("lab-checks-" + sessionId).start(() -> {
            try {
                LabCheckRun run = labs.runChecks(actor, sessionId, result -> ui.access(() -> {
                    Div box = boxes.get(result.id());
                    if (box != null) {
                        box.removeAll();
                        render(result, box);
                    }
                }));
                ui.access(() -> showRun(run));
            } catch (RuntimeException e) {
                ui.access(() -> {
                    results.removeAll();
                    error(e.getMessage() == null ? e.toString() : e.getMessage());
                });
            }
        });
    }

    void showRun(LabCheckRun run) {
        results.removeAll();
        long passed = run.checks().stream().filter(LabCheck::passed).count();
        Paragraph summary = new Paragraph(run.passed()
                ? "Every check passed (" + passed + "/" + run.checks().size() + ", " + run.durationMs() + " ms). "
                        + "The lab is recorded on your ladder."
                : passed + " of " + run.checks().size() + " checks passed (" + run.durationMs() + " ms).");
        summary.setId("checks-summary");
        summary.addClassName(run.passed() ? "ladder-lab-ok" : "ladder-lab-error");
        results.add(summary);
        for (LabCheck result : run.checks()) {
            Div box = new Div();
            box.setId("check-" + result.id());
            render(result, box);
            results.add(box);
        }
        check.setEnabled(Objects.equals(shownState, LabSessionState.READY));
    }

    /**
     * One check's result: status, description, duration; when not passed, what it saw and expected, the hint at the
     * tier it reached, and a "Show the answer" button when the lab has an answer for it.
     */
    private void render(LabCheck result, Div box) {
        box.addClassName("ladder-lab-check");
        box.addClassName(result.passed() ? "passed" : "not-passed");
        Span badge = new Span(result.status().name().toLowerCase());
        badge.getElement().getThemeList().add(result.passed() ? "badge success" : "badge error");
        box.add(badge, new Span(" " + result.description() + " (" + result.durationMs() + " ms)"));
        if (!result.passed()) {
            box.add(new Paragraph("Saw: " + result.observed()));
            if (!result.expected().isBlank()) {
                box.add(new Paragraph("Expected: " + result.expected()));
            }
            Paragraph hint = new Paragraph("Hint: " + result.hint());
            hint.addClassName("ladder-lab-hint");
            box.add(hint);
            if (yours && planned.stream().anyMatch(check -> check.id().equals(result.id()) && check.hasAnswer())) {
                Button show = new Button("Show the answer");
                show.setId("answer-" + result.id());
                show.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                show.addClickListener(click -> showAnswer(result.id(), show, box));
                box.add(show);
            }
        }
    }

    /** Asked for explicitly: the check's full answer in place of the button (text only, never HTML). */
    private void showAnswer(String checkId, Button button, Div box) {
        try {
            Pre answer = new Pre(labs.answer(actor, sessionId, checkId));
            answer.setId("answer-text-" + checkId);
            answer.addClassName("ladder-lab-answer");
            box.replace(button, answer);
        } catch (LabException e) {
            error(e.getMessage());
        }
    }

    private static void error(String text) {
        Notifications.error(text);
    }
}
