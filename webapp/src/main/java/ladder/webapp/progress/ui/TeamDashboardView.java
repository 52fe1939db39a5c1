package ladder.webapp.progress.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import ladder.model.ladder.Rung;
import ladder.model.ladder.Topic;
import ladder.model.ladder.TopicLevel;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.GoalStatus;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.ladder.LearnerLadder;
import ladder.webapp.progress.Activity;
import ladder.webapp.progress.TeamProgress;
import ladder.webapp.roadmap.RoadmapSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * The mentor's team dashboard: learners × goals of the default roadmap (status), learners × topics
 * (confirmed level), labs passed, the review queue's count, and the activity feed filtered by learner,
 * kind and date.
 */
@Route("team")
@PageTitle("Team dashboard · Ladder")
@Menu(order = 15, title = "Team dashboard", icon = "DASHBOARD")
@RolesAllowed({"MENTOR", "ADMIN"})
class TeamDashboardView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

    final Paragraph reviews = new Paragraph();
    final Grid<LearnerLadder> goals = new Grid<>();
    final Grid<LearnerLadder> levels = new Grid<>();
    final Grid<LearnerLadder> labsPassed = new Grid<>();
    final ComboBox<String> learner = new ComboBox<>("Learner");
    final Select<String> kind = new Select<>();
    final DatePicker from = new DatePicker("From");
    final Grid<Activity> feed = new Grid<>();
    private final List<Activity> activity;

    TeamDashboardView(TeamProgress team, CurrentUser currentUser) {
        AccountView actor = currentUser.require();
        addClassName("ladder-page");
        List<LearnerLadder> ladders = team.ladders(actor);
        int queue = team.reviewQueueSize(actor);
        reviews.setId("dashboard-reviews");
        reviews.add(queue == 0 ? "No claim waits for review." : queue + (queue == 1 ? " claim waits" : " claims wait")
                + " for review. ");
        if (queue > 0) {
            reviews.add(new Anchor("ladder/reviews", "Open the review queue"));
        }

        Optional<RoadmapSnapshot> roadmap = team.roadmap();
        goals.setId("dashboard-goals");
        goals.addColumn(l -> l.learner().handle()).setHeader("Learner").setFrozen(true).setAutoWidth(true);
        roadmap.ifPresent(snapshot -> {
            for (Goal goal : snapshot.roadmap().goals()) {
                goals.addColumn(l -> goal.participants().contains(l.learner().handle()) ? label(goal.status()) : "")
                        .setHeader(goal.id()).setAutoWidth(true);
            }
        });
        // only the learners who take part in a goal: the others would be empty rows
        List<LearnerLadder> takingPart = roadmap.map(snapshot -> ladders.stream()
                .filter(l -> snapshot.roadmap().goals().stream().anyMatch(g -> g.participants().contains(l.learner().handle())))
                .toList()).orElse(List.of());
        goals.setItems(takingPart);
        goals.setAllRowsVisible(true);
        goals.setVisible(!takingPart.isEmpty());
        Paragraph noGoals = new Paragraph("No learner takes part in a goal of the default roadmap yet: add them as "
                + "participants on the roadmap.");
        noGoals.addClassName("ladder-muted");
        noGoals.setVisible(takingPart.isEmpty());

        levels.setId("dashboard-levels");
        levels.addColumn(l -> l.learner().handle()).setHeader("Learner").setFrozen(true).setAutoWidth(true);
        List<Topic> topics = ladders.stream().findFirst()
                .map(l -> l.ladder().topics().stream().map(TopicLevel::topic).filter(t -> !t.retired()).toList())
                .orElse(List.of());
        for (Topic topic : topics) {
            levels.addColumn(l -> l.ladder().topic(topic.id()).flatMap(TopicLevel::confirmedRung)
                    .map(rung -> rung.level() + " " + rung.displayName()).orElse("—"))
                    .setHeader(topic.name()).setAutoWidth(true);
        }
        levels.setItems(ladders);
        levels.setAllRowsVisible(true);

        labsPassed.setId("dashboard-labs");
        labsPassed.addColumn(l -> l.learner().handle()).setHeader("Learner").setAutoWidth(true);
        labsPassed.addColumn(l -> {
            Map<String, Instant> passed = team.labsPassed(l.learner().accountId());
            return passed.isEmpty() ? "none yet" : passed.entrySet().stream()
                    .map(e -> e.getKey() + " (" + DAY.format(e.getValue()) + ")").collect(Collectors.joining(", "));
        }).setHeader("Labs passed");
        labsPassed.setItems(ladders);
        labsPassed.setAllRowsVisible(true);

        activity = team.feed(actor);
        learner.setId("feed-learner");
        learner.setItems(ladders.stream().map(l -> l.learner().handle()).toList());
        learner.setClearButtonVisible(true);
        kind.setId("feed-kind");
        kind.setLabel("Kind");
        kind.setItems("all", "assessment", "review", "lab", "goal");
        kind.setValue("all");
        from.setId("feed-from");
        from.setClearButtonVisible(true);
        feed.setId("dashboard-feed");
        feed.addColumn(a -> WHEN.format(a.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        feed.addColumn(a -> a.kind().label()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        feed.addColumn(Activity::learner).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        feed.addColumn(Activity::text).setHeader("What");
        feed.setAllRowsVisible(true);
        learner.addValueChangeListener(change -> filter());
        kind.addValueChangeListener(change -> filter());
        from.addValueChangeListener(change -> filter());
        filter();

        add(new H2("Team dashboard"), reviews, new H3("Goals"), noGoals, goals, new H3("Levels"), levels,
                new H3("Labs"), labsPassed, new H3("Activity"), new HorizontalLayout(learner, kind, from), feed);
    }

    void filter() {
        @Nullable String who = learner.getValue();
        String what = kind.getValue() == null ? "all" : kind.getValue();
        @Nullable LocalDate since = from.getValue();
        feed.setItems(activity.stream()
                .filter(a -> who == null || a.learner().equals(who))
                .filter(a -> what.equals("all") || a.kind().label().equals(what))
                .filter(a -> since == null || !a.at().atZone(ZoneId.systemDefault()).toLocalDate().isBefore(since))
                .limit(200).toList());
    }

    private static String label(GoalStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String rung(@Nullable Rung rung) {
        return rung == null ? "—" : rung.level() + " " + rung.displayName();
    }
}
