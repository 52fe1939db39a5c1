package ladder.webapp.ladder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.AssessmentState;
import ladder.model.ladder.ClaimDecision;
import ladder.model.ladder.LadderState;
import ladder.model.ladder.TopicLevel;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.ladder.ClaimInput;
import ladder.webapp.ladder.LadderException;
import ladder.webapp.ladder.LadderService;
import ladder.webapp.ladder.Learner;
import ladder.webapp.ui.Notifications;

/**
 * The guided assessment: every active topic, one at a time, in one sitting; then a summary and "ask for
 * review", which records all claims together. A topic left without a rung keeps the level it has.
 * Not in the menu: learners reach it from their ladder and the home view.
 */
@Route("ladder/guided")
@PageTitle("Guided assessment · Ladder")
@PermitAll
class GuidedAssessmentView extends VerticalLayout {

    final H2 title = new H2("Guided assessment");
    final Paragraph message = new Paragraph();
    final Span progressText = new Span();
    final ProgressBar progress = new ProgressBar();
    final Div step = new Div();
    final Paragraph error = new Paragraph();
    final Button back = new Button("Back");
    final Button next = new Button("Next");
    final Button submit = new Button("Ask for review");
    final List<RungPicker> pickers = new ArrayList<>();
    final List<TopicLevel> levels = new ArrayList<>();
    int index;
    private final LadderService ladder;
    private final AccountView actor;
    private final Optional<Learner> learner;

    GuidedAssessmentView(LadderService ladder, CurrentUser currentUser) {
        this.ladder = ladder;
        this.actor = currentUser.require();
        this.learner = LadderService.asLearner(actor);
        addClassNames("ladder-page", "kl-page");
        message.setId("guided-message");
        error.setId("guided-error");
        error.addClassName("kl-error");
        back.setId("guided-back");
        next.setId("guided-next");
        submit.setId("guided-submit");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        back.addClickListener(click -> go(index - 1));
        next.addClickListener(click -> forward());
        submit.addClickListener(click -> submit());
        step.addClassName("kl-step");
        add(title);
        if (learner.isEmpty()) {
            message.setText("The guided assessment is for learners: your account has no learner role.");
            add(message);
            return;
        }
        LadderState state = ladder.ladder(actor, learner.get().handle());
        state.topics().stream().filter(level -> !level.topic().retired()).forEach(levels::add);
        for (TopicLevel level : levels) {
            pickers.add(new RungPicker(level.topic(), "guided"));
        }
        message.setText("Walk through all " + levels.size() + " topics: for each, pick the highest rung you "
                + "stand on and say what shows it. Leave a topic without a rung to keep its level. At the end "
                + "you ask for review: up to Knowledge your word stands, above it a mentor reviews your evidence.");
        HorizontalLayout buttons = new HorizontalLayout(back, next, submit);
        add(message, progressText, progress, step, error, buttons);
        go(0);
    }

    /** Shows step {@code target}: a topic, or the summary after the last topic. */
    void go(int target) {
        index = Math.max(0, Math.min(target, levels.size()));
        error.setText("");
        step.removeAll();
        progress.setValue(levels.isEmpty() ? 1 : (double) index / levels.size());
        back.setEnabled(index > 0);
        next.setVisible(index < levels.size());
        submit.setVisible(index == levels.size());
        if (index < levels.size()) {
            TopicLevel level = levels.get(index);
            progressText.setText("Topic " + (index + 1) + " of " + levels.size() + " · " + level.topic().area());
            H3 name = new H3(level.topic().name());
            name.setId("guided-topic");
            Paragraph now = new Paragraph("Now: " + level.confirmedRung().map(LadderTexts::rung)
                    .orElse("not assessed yet") + level.pending().map(c -> " (pending: " + c.rung().displayName()
                    + ")").orElse(""));
            now.addClassName("kl-muted");
            step.add(name, new Paragraph(level.topic().description()), now, pickers.get(index));
        } else {
            progressText.setText("Summary");
            step.add(summary());
        }
    }

    private void forward() {
        RungPicker picker = pickers.get(index);
        if (picker.rung.getValue() != null) {
            ClaimDecision decision = ladder.preview(actor, learner.orElseThrow().handle(), picker.input());
            if (!decision.isRecorded()) {
                error.setText(decision.reason());
                return;
            }
        }
        go(index + 1);
    }

    private Div summary() {
        Div summary = new Div();
        summary.addClassName("kl-summary");
        summary.setId("guided-summary");
        int picked = 0;
        for (RungPicker picker : pickers) {
            if (picker.rung.getValue() == null) {
                continue;
            }
            picked++;
            ClaimDecision decision = ladder.preview(actor, learner.orElseThrow().handle(), picker.input());
            Div row = new Div(new Span(picker.topic().name()), new Span(LadderTexts.rung(picker.rung.getValue())),
                    new Span(decision.state() == ClaimDecision.State.PENDING_REVIEW ? "a mentor reviews it"
                            : decision.state() == ClaimDecision.State.CONFIRMED ? "stands at once" : decision.reason()));
            row.addClassName("kl-summary-row");
            summary.add(row);
        }
        if (picked == 0) {
            summary.add(new Paragraph("You picked no rung yet: go back and place yourself on at least one topic."));
        }
        submit.setEnabled(picked > 0);
        return summary;
    }

    private List<ClaimInput> claims() {
        return pickers.stream().filter(picker -> picker.rung.getValue() != null).map(RungPicker::input).toList();
    }

    void submit() {
        try {
            List<Assessment> recorded = ladder.submitGuidedAssessment(actor, claims());
            long pending = recorded.stream().filter(entry -> entry.state() == AssessmentState.PENDING_REVIEW).count();
            Notifications.success("Assessment recorded: " + (recorded.size() - pending) + " confirmed, " + pending
                    + " waiting for a mentor's review");
            getUI().ifPresent(ui -> ui.navigate("ladder"));
        } catch (LadderException e) {
            error.setText(e.getMessage());
        }
    }
}
