package ladder.webapp.ladder.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.LadderState;
import ladder.model.ladder.NextStep;
import ladder.model.ladder.Rung;
import ladder.model.ladder.TopicLevel;

/**
 * A learner's ladder as a picture drawn with CSS: one row per topic, one column per rung; confirmed
 * rungs filled, a pending claim hatched, the next step outlined. Each cell says what it means as a tooltip.
 */
class LadderPicture extends Div {

    LadderPicture(LadderState state) {
        addClassName("kl-picture");
        add(cell("kl-corner", "Topic"));
        for (Rung rung : Rung.values()) {
            Div head = cell("kl-head", "");
            head.add(new Span(String.valueOf(rung.level())), new Span(rung.displayName().replace(" (know-how)", "").replace("Competitiveness", "Competitive\u00adness")));
            head.getElement().setAttribute("title", rung.displayName() + " (" + rung.adds() + "): " + rung.help());
            add(head);
        }
        for (TopicLevel level : state.topics()) {
            Div name = cell("kl-topic", "");
            Span title = new Span(level.topic().name());
            Span area = new Span(level.topic().retired() ? "retired" : level.topic().area());
            area.addClassName("kl-area");
            name.add(title, area);
            name.getElement().setAttribute("title", level.topic().description());
            add(name);
            Optional<Assessment> pending = level.pending();
            Optional<Rung> next = level.next().map(NextStep::rung);
            for (Rung rung : Rung.values()) {
                Div box = cell("kl-cell", "");
                box.getElement().setAttribute("data-topic", level.topic().id());
                box.getElement().setAttribute("data-rung", rung.id());
                StringBuilder tip = new StringBuilder(level.topic().name() + " · " + rung.displayName());
                if (level.confirmedRung().filter(confirmed -> confirmed.isAtLeast(rung)).isPresent()) {
                    box.addClassName("kl-filled");
                    tip.append(": confirmed");
                } else if (pending.filter(claim -> claim.rung() == rung).isPresent()) {
                    box.addClassName("kl-pending");
                    box.add(new Span("?"));
                    tip.append(": claimed, waiting for a mentor's review");
                } else if (next.filter(step -> step == rung).isPresent()) {
                    box.addClassName("kl-next");
                    tip.append(": next step");
                }
                level.topic().describe(rung).ifPresent(text -> tip.append("\n").append(text));
                box.getElement().setAttribute("title", tip.toString());
                add(box);
            }
        }
    }

    static Div cell(String className, String text) {
        Div cell = new Div();
        cell.addClassName(className);
        if (!text.isEmpty()) {
            cell.setText(text);
        }
        return cell;
    }
}
