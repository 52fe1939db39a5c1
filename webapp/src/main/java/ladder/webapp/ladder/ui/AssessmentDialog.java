package ladder.webapp.ladder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.AssessmentState;
import ladder.model.ladder.ClaimDecision;
import ladder.model.ladder.Topic;
import ladder.webapp.account.AccountView;
import ladder.webapp.ladder.LadderException;
import ladder.webapp.ladder.LadderService;
import ladder.webapp.ui.Notifications;

/**
 * Places a learner on a rung of one topic: the learner's own claim, or a mentor's assessment of a
 * learner. Says before saving what the claim needs (stands at once, waits for review, or is refused).
 */
class AssessmentDialog extends Dialog {

    final RungPicker picker;
    final Paragraph decision = new Paragraph();
    final Paragraph error = new Paragraph();
    final Button save = new Button("Save");
    private final LadderService ladder;
    private final AccountView actor;
    private final String handle;
    private final Runnable saved;

    AssessmentDialog(LadderService ladder, AccountView actor, String handle, Topic topic, boolean own, Runnable saved) {
        this.ladder = ladder;
        this.actor = actor;
        this.handle = handle;
        this.saved = saved;
        setHeaderTitle((own ? "Assess yourself: " : "Assess " + handle + ": ") + topic.name());
        setWidth("min(44rem, 95vw)");
        picker = new RungPicker(topic, "assess");
        decision.addClassName("kl-decision");
        decision.setId("assess-decision");
        error.addClassName("kl-error");
        error.setId("assess-error");
        picker.rung.addValueChangeListener(change -> preview());
        picker.evidence.addValueChangeListener(change -> preview());
        add(new Paragraph(topic.description()), picker, decision, error);
        save.setId("assess-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
    }

    void preview() {
        if (picker.rung.getValue() == null) {
            decision.setText("");
            return;
        }
        try {
            ClaimDecision answer = ladder.preview(actor, handle, picker.input());
            decision.setText(switch (answer.state()) {
                case CONFIRMED -> "Stands at once. ";
                case PENDING_REVIEW -> "Waits for a mentor's review. ";
                case REFUSED -> "Not yet: ";
            } + answer.reason());
        } catch (LadderException e) {
            decision.setText(e.getMessage());
        }
    }

    void save() {
        if (picker.rung.getValue() == null) {
            error.setText("Pick a rung first.");
            return;
        }
        try {
            Assessment entry = ladder.assess(actor, handle, picker.input());
            Notifications.success(entry.state() == AssessmentState.PENDING_REVIEW
                            ? "Recorded: " + entry.rung().displayName() + " waits for a mentor's review"
                            : "Recorded: " + entry.rung().displayName() + " confirmed");
            close();
            saved.run();
        } catch (LadderException e) {
            error.setText(e.getMessage());
        }
    }
}
