package ladder.webapp.ladder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.AssessmentState;
import ladder.model.ladder.LadderState;
import ladder.model.ladder.TopicLevel;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.ladder.LadderAccessDeniedException;
import ladder.webapp.ladder.LadderService;
import ladder.webapp.ladder.Learner;
import ladder.webapp.ladder.NoSuchLadderEntryException;
import org.jspecify.annotations.Nullable;

/**
 * A learner's knowledge ladder: the topics × rungs picture, and per topic the next step and a timeline
 * of every assessment. {@code ladder} shows one's own; {@code ladder/@handle} shows a learner's to mentors
 * and admins, and is refused to anyone else.
 */
@Route("ladder")
@PageTitle("Knowledge ladder · Ladder")
@Menu(order = 5, title = "My ladder", icon = "LEVEL_UP")
@PermitAll
class LadderView extends VerticalLayout implements HasUrlParameter<String> {

    final H2 title = new H2("Knowledge ladder");
    final Paragraph message = new Paragraph();
    final ComboBox<Learner> learnerPicker = new ComboBox<>("Learner");
    final Button guided = new Button("Guided assessment");
    final Div content = new Div();
    final Map<String, Button> assessButtons = new HashMap<>();
    final Map<String, Details> topicDetails = new HashMap<>();
    @Nullable LadderPicture picture;
    @Nullable AssessmentDialog dialog;
    @Nullable String handle;
    private final LadderService ladder;
    private final AccountView actor;

    LadderView(LadderService ladder, CurrentUser currentUser) {
        this.ladder = ladder;
        this.actor = currentUser.require();
        addClassNames("ladder-page", "kl-page");
        message.setId("ladder-message");
        learnerPicker.setId("ladder-learner");
        learnerPicker.setItemLabelGenerator(learner -> learner.displayName() + " (" + learner.handle() + ")");
        learnerPicker.setPlaceholder("Pick a learner");
        learnerPicker.setWidth("20rem");
        learnerPicker.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(LadderView.class, change.getValue().handle()));
            }
        });
        guided.setId("ladder-guided");
        guided.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        guided.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate("ladder/guided")));
        content.addClassName("kl-content");
        HorizontalLayout header = new HorizontalLayout(title, guided);
        header.setAlignItems(Alignment.BASELINE);
        header.setWidthFull();
        add(header);
        if (actor.isMentorOrAdmin()) {
            learnerPicker.setItems(ladder.learners(actor));
            add(learnerPicker);
        }
        add(message, content);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable String parameter) {
        String wanted = parameter;
        if (wanted == null || wanted.isBlank()) {
            Optional<Learner> own = LadderService.asLearner(actor);
            if (own.isEmpty()) {
                show(null, actor.isMentorOrAdmin()
                        ? "Pick a learner to see their ladder."
                        : "You have no ladder: ask an admin for the learner role.");
                return;
            }
            wanted = own.get().handle();
        }
        try {
            Learner learner = ladder.learner(actor, wanted);
            LadderState state = ladder.ladder(actor, learner.handle());
            handle = learner.handle();
            learnerPicker.setValue(actor.isMentorOrAdmin() ? learner : null);
            render(learner, state);
        } catch (LadderAccessDeniedException e) {
            show(null, "You may only see your own ladder.");
        } catch (NoSuchLadderEntryException e) {
            show(null, "There is no learner " + wanted + ".");
        }
    }

    private void show(@Nullable LadderState state, String text) {
        handle = null;
        content.removeAll();
        message.setText(text);
        message.setVisible(true);
        guided.setVisible(state != null);
    }

    void refresh() {
        if (handle != null) {
            render(ladder.learner(actor, handle), ladder.ladder(actor, handle));
        }
    }

    private void render(Learner learner, LadderState state) {
        boolean own = actor.id() == learner.accountId() && LadderService.asLearner(actor).isPresent();
        title.setText(own ? "My knowledge ladder" : "Knowledge ladder of " + learner.displayName());
        guided.setVisible(own);
        message.setVisible(false);
        content.removeAll();
        assessButtons.clear();
        topicDetails.clear();
        picture = new LadderPicture(state);
        Div key = new Div(swatch("kl-filled", "confirmed"), swatch("kl-pending", "claimed, waiting for review"),
                swatch("kl-next", "next step"));
        key.addClassName("kl-key");
        content.add(picture, key, new RungLegend(), new H3("Topics"));
        for (TopicLevel level : state.topics()) {
            content.add(topic(learner, level, own));
        }
    }

    private static Span swatch(String className, String text) {
        Span box = new Span();
        box.addClassNames("kl-swatch", className);
        Span label = new Span(box, new Span(text));
        label.addClassName("kl-key-item");
        return label;
    }

    private Details topic(Learner learner, TopicLevel level, boolean own) {
        String topicId = level.topic().id();
        String summary = level.topic().name() + " — "
                + level.confirmedRung().map(LadderTexts::rung).orElse("not assessed yet")
                + level.pending().map(claim -> " · pending: " + claim.rung().displayName()).orElse("")
                + (level.topic().retired() ? " · retired" : "");
        Details details = new Details(summary);
        details.setId("topic-" + topicId);
        details.addClassName("kl-topic-details");
        topicDetails.put(topicId, details);
        // a topic's body (description, next step, button, timeline) is built when it is first opened: most topics
        // stay closed, and a UI holds only the bodies that were looked at (docs/performance.md, memory per session)
        if (level.history().isEmpty()) {
            details.addOpenedChangeListener(opened -> {
                if (opened.isOpened() && details.getContent().findAny().isEmpty()) {
                    details.add(body(learner, level, own));
                }
            });
        } else {
            details.add(body(learner, level, own));
            details.setOpened(true);
        }
        return details;
    }

    private VerticalLayout body(Learner learner, TopicLevel level, boolean own) {
        String topicId = level.topic().id();
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.add(new Paragraph(level.topic().description()));
        level.next().ifPresent(step -> {
            Paragraph next = new Paragraph("Next step: " + step.text()
                    + (step.rungDescription() == null ? "" : " " + step.rungDescription()));
            next.addClassName("kl-next-step");
            next.setId("next-" + topicId);
            body.add(next);
        });
        if (!level.topic().retired()) {
            Button assess = new Button(own ? "Assess myself" : "Assess " + learner.handle());
            assess.setId("assess-" + topicId);
            assess.addThemeVariants(ButtonVariant.LUMO_SMALL);
            assess.addClickListener(click -> openDialog(learner, level, own));
            assessButtons.put(topicId, assess);
            body.add(assess);
        }
        body.add(timeline(level.history()));
        return body;
    }

    void openDialog(Learner learner, TopicLevel level, boolean own) {
        dialog = new AssessmentDialog(ladder, actor, learner.handle(), level.topic(), own, this::refresh);
        dialog.open();
    }

    /** Every entry newest first; a review is shown as the outcome of the claim it decided. */
    static Div timeline(List<Assessment> history) {
        Div timeline = new Div();
        timeline.addClassName("kl-timeline");
        if (history.isEmpty()) {
            timeline.add(new Span("No assessments yet."));
            return timeline;
        }
        Map<UUID, Assessment> byId = new HashMap<>();
        Map<UUID, Assessment> decisionOf = new HashMap<>();
        history.forEach(entry -> byId.put(entry.id(), entry));
        history.stream().filter(Assessment::isReview).forEach(entry -> decisionOf.put(entry.reviewOf(), entry));
        for (Assessment entry : history.reversed()) {
            Assessment reviewed = entry.reviewOf() == null ? null : byId.get(entry.reviewOf());
            boolean outcomeOfPendingClaim = reviewed != null && reviewed.state() == AssessmentState.PENDING_REVIEW;
            if (outcomeOfPendingClaim) {
                continue; // shown with its claim
            }
            timeline.add(item(entry, decisionOf.get(entry.id())));
        }
        return timeline;
    }

    private static Div item(Assessment entry, @Nullable Assessment decision) {
        Div item = new Div();
        item.addClassName("kl-entry");
        Span when = new Span(LadderTexts.when(entry.at()));
        when.addClassName("kl-when");
        String what = entry.isReview()
                ? entry.assessor() + " corrected the level to " + LadderTexts.rung(entry.rung())
                : entry.assessor() + " (" + LadderTexts.source(entry) + ") claimed " + LadderTexts.rung(entry.rung());
        Span headline = new Span(what);
        headline.addClassName("kl-what");
        Span outcome = new Span(outcome(entry, decision));
        outcome.addClassNames("kl-outcome", "kl-outcome-" + outcomeClass(entry, decision));
        item.add(when, headline, outcome);
        if (!entry.isReview() && !entry.evidence().isBlank()) {
            item.add(line("Evidence: " + entry.evidence()));
        }
        if (!entry.isReview() && !entry.links().isEmpty()) {
            Div links = new Div();
            links.addClassName("kl-links");
            entry.links().forEach(link -> {
                Anchor anchor = new Anchor(link, link);
                anchor.setTarget("_blank");
                anchor.getElement().setAttribute("rel", "noopener noreferrer");
                links.add(anchor);
            });
            item.add(links);
        }
        if (!entry.isReview() && !entry.note().isBlank()) {
            item.add(line("Note: " + entry.note()));
        }
        String comment = decision != null && entry.state() == AssessmentState.PENDING_REVIEW
                ? decision.reviewComment() : entry.reviewComment();
        if (comment != null) {
            Div said = line("Mentor's comment: " + comment);
            said.addClassName("kl-comment");
            item.add(said);
        }
        return item;
    }

    private static String outcome(Assessment entry, @Nullable Assessment decision) {
        if (decision != null && entry.state() == AssessmentState.PENDING_REVIEW) {
            String by = " by " + decision.assessor() + " on " + LadderTexts.when(decision.at());
            return switch (decision.state()) {
                case CONFIRMED -> "confirmed" + by;
                case ADJUSTED -> "adjusted to " + decision.rung().displayName() + by;
                case DECLINED -> "declined" + by;
                case PENDING_REVIEW -> "pending review";
            };
        }
        return switch (entry.state()) {
            case CONFIRMED -> "confirmed at once";
            case PENDING_REVIEW -> "waiting for a mentor's review";
            case ADJUSTED -> "adjusted";
            case DECLINED -> "declined";
        };
    }

    private static String outcomeClass(Assessment entry, @Nullable Assessment decision) {
        AssessmentState state = decision != null && entry.state() == AssessmentState.PENDING_REVIEW
                ? decision.state() : entry.state();
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Div line(String text) {
        Div line = new Div();
        line.setText(text);
        line.addClassName("kl-line");
        return line;
    }
}
