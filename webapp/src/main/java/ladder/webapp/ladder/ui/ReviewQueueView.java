package ladder.webapp.ladder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.ReviewDecision;
import ladder.model.ladder.Rung;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.ladder.LadderConflictException;
import ladder.webapp.ladder.LadderException;
import ladder.webapp.ladder.LadderService;
import ladder.webapp.ladder.PendingReview;
import ladder.webapp.ui.Notifications;
import org.jspecify.annotations.Nullable;

/**
 * The mentors' review queue: open claims across learners, oldest first, each with its evidence; confirm
 * (with an optional comment), adjust to another rung (with a comment) or decline (with a reason).
 */
@Route("ladder/reviews")
@PageTitle("Review queue · Ladder")
@Menu(order = 12, title = "Review queue", icon = "CHECK_SQUARE_O")
@RolesAllowed({"MENTOR", "ADMIN"})
class ReviewQueueView extends VerticalLayout {

    final Paragraph summary = new Paragraph();
    final Div queue = new Div();
    final Map<String, ReviewCard> cards = new HashMap<>();
    private final LadderService ladder;
    private final AccountView actor;

    ReviewQueueView(LadderService ladder, CurrentUser currentUser) {
        this.ladder = ladder;
        this.actor = currentUser.require();
        addClassNames("ladder-page", "kl-page");
        summary.setId("review-summary");
        queue.addClassName("kl-queue");
        add(new H2("Review queue"), summary, queue);
        refresh();
    }

    void refresh() {
        List<PendingReview> pending = ladder.reviewQueue(actor);
        queue.removeAll();
        cards.clear();
        summary.setText(pending.isEmpty() ? "Nothing waits for review."
                : pending.size() + (pending.size() == 1 ? " claim waits" : " claims wait")
                        + " for review, oldest first. A confirmed claim counts on the learner's ladder at once.");
        for (PendingReview review : pending) {
            ReviewCard card = new ReviewCard(review);
            cards.putIfAbsent(LadderTexts.key(review.learner().handle(), review.topic().id()), card);
            queue.add(card);
        }
    }

    /** One open claim with its evidence and the three decisions. */
    final class ReviewCard extends Div {

        final TextArea comment = new TextArea("Comment");
        final Select<Rung> rung = new Select<>();
        final Button confirm = new Button("Confirm");
        final Button adjust = new Button("Adjust");
        final Button decline = new Button("Decline");
        final Paragraph error = new Paragraph();
        private final PendingReview review;

        ReviewCard(PendingReview review) {
            this.review = review;
            Assessment claim = review.claim();
            String key = LadderTexts.key(review.learner().handle(), review.topic().id());
            addClassName("kl-review");
            setId("review-" + key);
            Anchor learner = new Anchor("ladder/" + review.learner().handle(),
                    review.learner().displayName() + " (" + review.learner().handle() + ")");
            Span topic = new Span(review.topic().name());
            topic.addClassName("kl-review-topic");
            Span rungClaimed = new Span("claims " + LadderTexts.rung(claim.rung()));
            rungClaimed.addClassName("kl-review-rung");
            Span since = new Span("since " + LadderTexts.when(claim.at()));
            since.addClassName("kl-when");
            Div head = new Div(learner, topic, rungClaimed, since);
            head.addClassName("kl-review-head");
            add(head);
            Div evidence = new Div();
            evidence.setText("Evidence: " + claim.evidence());
            evidence.addClassName("kl-line");
            add(evidence);
            claim.links().forEach(link -> {
                Anchor anchor = new Anchor(link, link);
                anchor.setTarget("_blank");
                anchor.getElement().setAttribute("rel", "noopener noreferrer");
                add(new Div(anchor));
            });
            if (!claim.note().isBlank()) {
                Div note = new Div();
                note.setText("Note: " + claim.note());
                note.addClassName("kl-line");
                add(note);
            }
            review.topic().describe(claim.rung()).ifPresent(text -> {
                Div means = new Div();
                means.setText(claim.rung().displayName() + " in " + review.topic().name() + ": " + text);
                means.addClassNames("kl-line", "kl-muted");
                add(means);
            });
            comment.setId("review-comment-" + key);
            comment.setWidthFull();
            comment.setMaxLength(LadderService.MAX_COMMENT);
            comment.setHelperText("Optional to confirm; required to adjust or decline. The learner sees it.");
            rung.setId("review-rung-" + key);
            rung.setLabel("Adjust to");
            rung.setWidth("15rem");
            rung.setItems(Rung.values());
            rung.setItemLabelGenerator(LadderTexts::rung);
            rung.setValue(claim.rung().compareTo(Rung.lowest()) > 0
                    ? Rung.values()[claim.rung().ordinal() - 1] : claim.rung());
            confirm.setId("review-confirm-" + key);
            adjust.setId("review-adjust-" + key);
            decline.setId("review-decline-" + key);
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            decline.addThemeVariants(ButtonVariant.LUMO_ERROR);
            confirm.addClickListener(click -> decide(new ReviewDecision.Confirm(blankToNull(comment.getValue()))));
            adjust.addClickListener(click -> {
                if (comment.getValue().isBlank()) {
                    error.setText("Say why you adjust: the learner sees your comment.");
                    return;
                }
                decide(new ReviewDecision.Adjust(rung.getValue(), comment.getValue().strip()));
            });
            decline.addClickListener(click -> {
                if (comment.getValue().isBlank()) {
                    error.setText("Give a reason to decline: the learner sees it.");
                    return;
                }
                decide(new ReviewDecision.Decline(comment.getValue().strip()));
            });
            error.addClassName("kl-error");
            HorizontalLayout actions = new HorizontalLayout(confirm, rung, adjust, decline);
            actions.setAlignItems(Alignment.BASELINE);
            add(comment, actions, error);
        }

        void decide(ReviewDecision decision) {
            try {
                ladder.review(actor, review.claim().id(), decision);
                Notifications.success("Decided: " + review.learner().handle() + " on " + review.topic().name());
                refresh();
            } catch (LadderConflictException e) {
                Notifications.warning(e.getMessage());
                refresh();
            } catch (LadderException e) {
                error.setText(e.getMessage());
            }
        }

        private static @Nullable String blankToNull(String text) {
            return text.isBlank() ? null : text.strip();
        }
    }
}
