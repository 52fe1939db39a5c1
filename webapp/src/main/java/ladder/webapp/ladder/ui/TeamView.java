package ladder.webapp.ladder.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import ladder.model.ladder.Topic;
import ladder.model.ladder.TopicLevel;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.ladder.LadderService;
import ladder.webapp.ladder.LearnerLadder;
import ladder.webapp.ladder.TopicService;

/**
 * Every learner × every active topic at a glance, for mentors and admins: the confirmed rung per cell
 * (shaded by height), pending claims marked. A learner's name leads to their ladder.
 */
@Route("ladder/team")
@PageTitle("Team ladder · Ladder")
@Menu(order = 13, title = "Team ladder", icon = "GROUP")
@RolesAllowed({"MENTOR", "ADMIN"})
class TeamView extends VerticalLayout {

    final Div table = new Div();
    final List<LearnerLadder> team;

    TeamView(LadderService ladder, TopicService topicService, CurrentUser currentUser) {
        addClassNames("ladder-page", "kl-page", "kl-team-page");
        team = ladder.team(currentUser.require());
        List<Topic> topics = topicService.catalog().active();
        table.addClassName("kl-team");
        table.setId("team-table");
        table.getStyle().set("grid-template-columns", "minmax(11rem, 1.6fr) repeat(" + topics.size() + ", minmax(3.2rem, 1fr))");
        table.add(LadderPicture.cell("kl-team-corner", "Learner"));
        for (Topic topic : topics) {
            Div head = LadderPicture.cell("kl-team-head", topic.name());
            head.getElement().setAttribute("title", topic.name() + " (" + topic.area() + "): " + topic.description());
            table.add(head);
        }
        for (LearnerLadder member : team) {
            Div name = LadderPicture.cell("kl-team-name", "");
            name.add(new Anchor("ladder/" + member.learner().handle(), member.learner().displayName()));
            Span handle = new Span(member.learner().handle());
            handle.addClassName("kl-area");
            name.add(handle);
            table.add(name);
            for (Topic topic : topics) {
                TopicLevel level = member.ladder().topic(topic.id()).orElseThrow();
                Div box = LadderPicture.cell("kl-team-cell", level.confirmedRung().map(r -> String.valueOf(r.level())).orElse("·"));
                box.addClassName("kl-level-" + level.confirmedRung().map(r -> r.level()).orElse(0));
                box.getElement().setAttribute("data-learner", member.learner().handle());
                box.getElement().setAttribute("data-topic", topic.id());
                String tip = member.learner().displayName() + " · " + topic.name() + ": "
                        + level.confirmedRung().map(r -> r.displayName()).orElse("not assessed");
                if (level.pending().isPresent()) {
                    box.addClassName("kl-team-pending");
                    tip += " · pending claim: " + level.pending().get().rung().displayName();
                    Span mark = new Span("→" + level.pending().get().rung().level());
                    mark.addClassName("kl-pending-mark");
                    box.add(mark);
                }
                box.getElement().setAttribute("title", tip);
                table.add(box);
            }
        }
        Paragraph intro = new Paragraph(team.isEmpty() ? "No learners yet: an admin gives accounts the learner role."
                : "Confirmed rung per topic (1 Symbols … 8 Competitiveness; · not assessed). "
                        + "An arrow marks a claim waiting for review, with the rung claimed.");
        Div scroller = new Div(table);
        scroller.addClassName("kl-team-scroller");
        add(new H2("Team ladder"), intro, scroller, new RungLegend());
    }
}
