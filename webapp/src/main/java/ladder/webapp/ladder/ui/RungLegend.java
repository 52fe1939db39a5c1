package ladder.webapp.ladder.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import ladder.model.ladder.LadderPolicy;
import ladder.model.ladder.Rung;

/** "What the rungs mean": North's eight rungs, what each adds, and what confirms it. */
class RungLegend extends Details {

    RungLegend() {
        super("What the rungs mean");
        addClassName("kl-legend");
        Div table = new Div();
        table.addClassName("kl-legend-table");
        for (Rung rung : Rung.values()) {
            Div row = new Div();
            row.addClassName("kl-legend-row");
            Span name = new Span(LadderTexts.rung(rung));
            name.addClassName("kl-legend-name");
            Span adds = new Span(rung.adds());
            adds.addClassName("kl-legend-adds");
            String confirms = LadderPolicy.SELF_ASSESSMENT_LIMIT.isAtLeast(rung) ? "your own assessment"
                    : LadderPolicy.LAB_LIMIT.isAtLeast(rung) ? "evidence: a passed lab or a mentor's review"
                    : "a mentor's confirmation";
            Span help = new Span(rung.help() + " Confirmed by " + confirms + ".");
            help.addClassName("kl-legend-help");
            row.add(name, adds, help);
            table.add(row);
        }
        add(new Span("A missing rung blocks the ones above it; a claim at a rung includes every rung below."), table);
    }
}
