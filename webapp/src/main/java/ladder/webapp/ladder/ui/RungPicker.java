package ladder.webapp.ladder.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import ladder.model.ladder.Rung;
import ladder.model.ladder.Topic;
import ladder.webapp.ladder.ClaimInput;
import ladder.webapp.ladder.LadderService;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one claim: a rung picker whose help says what the chosen rung means (for this topic
 * when the catalog says), evidence, links and a note. Used by the dialog and the guided assessment.
 */
class RungPicker extends VerticalLayout {

    final RadioButtonGroup<Rung> rung = new RadioButtonGroup<>("Rung");
    final Paragraph help = new Paragraph();
    final TextArea evidence = new TextArea("Evidence");
    final TextArea links = new TextArea("Links");
    final TextField note = new TextField("Note");
    private final Topic topic;

    RungPicker(Topic topic, String idPrefix) {
        this.topic = topic;
        setPadding(false);
        setSpacing(false);
        rung.setId(idPrefix + "-rung");
        rung.setItems(Rung.values());
        rung.setItemLabelGenerator(LadderTexts::rungWithAdds);
        rung.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        rung.addValueChangeListener(change -> showHelp(change.getValue()));
        help.addClassName("kl-help");
        evidence.setId(idPrefix + "-evidence");
        evidence.setWidthFull();
        evidence.setMaxLength(LadderService.MAX_EVIDENCE);
        evidence.setHelperText("What you built, ran, debugged or taught. Needed from Ability up.");
        links.setId(idPrefix + "-links");
        links.setWidthFull();
        links.setHelperText("Pull requests, dashboards, lab runs: http(s) addresses, one per line.");
        note.setId(idPrefix + "-note");
        note.setWidthFull();
        note.setMaxLength(LadderService.MAX_NOTE);
        Div fields = new Div(evidence, links, note);
        fields.addClassName("kl-claim-fields");
        add(rung, help, fields);
        showHelp(null);
    }

    private void showHelp(@Nullable Rung chosen) {
        help.setText(chosen == null ? "Pick the highest rung you stand on; it includes every rung below."
                : LadderTexts.help(chosen, topic));
    }

    /** The claim as entered; requires a rung to be picked. */
    ClaimInput input() {
        Rung chosen = rung.getValue();
        if (chosen == null) {
            throw new IllegalStateException("no rung picked");
        }
        List<String> linkList = LadderService.splitLinks(links.getValue());
        return new ClaimInput(topic.id(), chosen, evidence.getValue(), linkList, note.getValue());
    }

    Topic topic() {
        return topic;
    }
}
