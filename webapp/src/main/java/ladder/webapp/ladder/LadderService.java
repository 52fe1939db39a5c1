package ladder.webapp.ladder;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.AssessmentState;
import ladder.model.ladder.Claim;
import ladder.model.ladder.ClaimDecision;
import ladder.model.ladder.ClaimRefusedException;
import ladder.model.ladder.LadderPolicy;
import ladder.model.ladder.LadderState;
import ladder.model.ladder.ReviewDecision;
import ladder.model.ladder.Topic;
import ladder.model.ladder.TopicCatalog;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge ladder's API for views and endpoints: claims, reviews and ladders, with every rule of
 * {@link LadderPolicy} and the access rules applied here, so the UI and the REST API agree: a learner reads
 * and writes only their own ladder; mentors and admins see every learner, and their assessment of a learner
 * is confirmed at once; only they review claims. Each use case takes the acting account ({@code actor}) from
 * its caller. Topics are {@link TopicService}'s.
 */
@Service
@Transactional
public class LadderService {

    public static final int MAX_EVIDENCE = 10_000;
    public static final int MAX_NOTE = 4_000;
    public static final int MAX_COMMENT = 4_000;
    public static final int MAX_LINKS = 20;
    public static final int MAX_LINK_LENGTH = 2_000;

    private final LadderMeters meters;
    private final TopicService topics;
    private final AssessmentRecordRepository assessments;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LadderPolicy policy = new LadderPolicy();

    LadderService(TopicService topics, AssessmentRecordRepository assessments, AccountService accounts,
            ApplicationEventPublisher events, LadderMeters meters, Clock clock) {
        this.meters = meters;
        this.topics = topics;
        this.assessments = assessments;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- learners

    /** The learners the actor may see: everyone for mentors and admins, else themselves. */
    @Transactional(readOnly = true)
    public List<Learner> learners(AccountView actor) {
        if (actor.isMentorOrAdmin()) {
            return accounts.list().stream()
                    .filter(account -> account.enabled() && account.hasRole(Role.LEARNER))
                    .map(LadderService::learnerOf)
                    .sorted(Comparator.comparing(Learner::displayName, String.CASE_INSENSITIVE_ORDER))
                    .toList();
        }
        return actor.hasRole(Role.LEARNER) ? List.of(learnerOf(actor)) : List.of();
    }

    /** The learner with this handle, if the actor may see them. */
    @Transactional(readOnly = true)
    public Learner learner(AccountView actor, String handle) {
        return learnerOf(requireReadable(actor, handle));
    }

    /** The actor as a learner, if they have the learner role. */
    public static Optional<Learner> asLearner(AccountView actor) {
        return Optional.of(actor).filter(account -> account.hasRole(Role.LEARNER)).map(LadderService::learnerOf);
    }

    // ---------------------------------------------------------------- claims

    /** What a claim would need, without recording it: for the dialogs' hint. */
    @Transactional(readOnly = true)
    public ClaimDecision preview(AccountView actor, String handle, ClaimInput input) {
        AccountView learner = requireReadable(actor, handle);
        return policy.decide(claim(actor, learner, input));
    }

    /**
     * Records a claim on a learner's ladder: the learner's own (confirmed up to knowledge, above that
     * pending a mentor's review) or a mentor's (confirmed at once).
     *
     * @return the entry appended
     * @throws LadderException naming the problem when the input is bad or the policy refuses the claim
     */
    public Assessment assess(AccountView actor, String handle, ClaimInput input) {
        AccountView learner = requireWritable(actor, handle);
        return append(actor, learner, input);
    }

    /**
     * The guided assessment: the acting learner's claims on many topics, recorded together or not at
     * all; then the claims that need it wait for review, and {@link GuidedAssessmentSubmitted} is published.
     */
    public List<Assessment> submitGuidedAssessment(AccountView actor, List<ClaimInput> claims) {
        if (!actor.hasRole(Role.LEARNER)) {
            throw new LadderAccessDeniedException("only a learner takes the guided assessment");
        }
        if (claims.isEmpty()) {
            throw new LadderException("pick a rung for at least one topic");
        }
        List<Assessment> recorded = new ArrayList<>();
        for (ClaimInput input : claims) {
            try {
                recorded.add(append(actor, actor, input));
            } catch (LadderException e) {
                throw new LadderException(topics.nameOf(input.topic()) + ": " + e.getMessage());
            }
        }
        events.publishEvent(new GuidedAssessmentSubmitted(actor.id(), actor.handle()));
        return recorded;
    }

    private Assessment append(AccountView actor, AccountView learner, ClaimInput input) {
        validClaimInput(input);
        TopicCatalog catalog = topics.catalog();
        try {
            catalog.requireActive(input.topic());
        } catch (IllegalArgumentException e) {
            throw new LadderException(e.getMessage());
        }
        Assessment entry;
        try {
            entry = policy.assess(claim(actor, learner, input), UUID.randomUUID(), now());
        } catch (ClaimRefusedException | IllegalArgumentException e) {
            throw new LadderException(e.getMessage());
        }
        assessments.saveAndFlush(new AssessmentRecord(entry, learner.id(), actor.id(), false));
        meters.recorded(entry);
        return entry;
    }

    private static Claim claim(AccountView actor, AccountView learner, ClaimInput input) {
        try {
            return actor.id() == learner.id()
                    ? Claim.self(learner.handle(), input.topic(), input.rung(), input.evidence().strip(),
                            input.links(), input.note().strip())
                    : Claim.mentor(actor.handle(), learner.handle(), input.topic(), input.rung(),
                            input.evidence().strip(), input.links(), input.note().strip());
        } catch (IllegalArgumentException e) {
            throw new LadderException(e.getMessage());
        }
    }

    private static void validClaimInput(ClaimInput input) {
        if (input.evidence().length() > MAX_EVIDENCE) {
            throw new LadderException("evidence must be at most " + MAX_EVIDENCE + " characters");
        }
        if (input.note().length() > MAX_NOTE) {
            throw new LadderException("note must be at most " + MAX_NOTE + " characters");
        }
        if (input.links().size() > MAX_LINKS) {
            throw new LadderException("at most " + MAX_LINKS + " links");
        }
        for (String link : input.links()) {
            requireLink(link);
        }
    }

    private static void requireLink(String link) {
        boolean ok = link.length() <= MAX_LINK_LENGTH && !link.isBlank() && link.chars().noneMatch(Character::isWhitespace);
        if (ok) {
            try {
                URI uri = new URI(link);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                ok = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
            } catch (URISyntaxException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw new LadderException("link '" + shorten(link) + "' is not an http(s) address");
        }
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** Splits a text field's links: one per line or separated by blanks; empty parts are dropped. */
    public static List<String> splitLinks(String text) {
        return Arrays.stream(text.split("\\s+")).filter(part -> !part.isBlank()).toList();
    }

    // ---------------------------------------------------------------- reading ladders

    /** A learner's history, newest first, optionally of one topic. */
    @Transactional(readOnly = true)
    public List<Assessment> history(AccountView actor, String handle, @Nullable String topic) {
        AccountView learner = requireReadable(actor, handle);
        List<Assessment> entries = new ArrayList<>(historyOf(learner));
        if (topic != null && !topic.isBlank()) {
            if (topics.catalog().find(topic).isEmpty()) {
                throw new LadderException("unknown topic '" + topic + "'");
            }
            entries.removeIf(entry -> !entry.topicId().equals(topic));
        }
        return entries.reversed();
    }

    /** A learner's ladder: where they stand per topic, open claims, next steps, history. */
    @Transactional(readOnly = true)
    public LadderState ladder(AccountView actor, String handle) {
        AccountView learner = requireReadable(actor, handle);
        return LadderState.fold(learner.handle(), topics.catalog(), historyOf(learner));
    }

    /** Every learner's ladder (mentors, admins): the team view. */
    @Transactional(readOnly = true)
    public List<LearnerLadder> team(AccountView actor) {
        requireMentorOrAdmin(actor, "see the team");
        TopicCatalog catalog = topics.catalog();
        return learners(actor).stream().map(learner -> new LearnerLadder(learner,
                LadderState.fold(learner.handle(), catalog, historyOf(learner.accountId(), learner.handle()))))
                .toList();
    }

    private List<Assessment> historyOf(AccountView learner) {
        return historyOf(learner.id(), learner.handle());
    }

    private List<Assessment> historyOf(long learnerId, String handle) {
        return assessments.findByLearnerIdOrderByIdAsc(learnerId).stream()
                .map(record -> record.toAssessment(handle)).toList();
    }

    // ---------------------------------------------------------------- reviews

    /** Open claims across learners, oldest first (mentors, admins). */
    @Transactional(readOnly = true)
    public List<PendingReview> reviewQueue(AccountView actor) {
        requireMentorOrAdmin(actor, "review claims");
        TopicCatalog catalog = topics.catalog();
        List<PendingReview> queue = new ArrayList<>();
        for (long learnerId : assessments.learnersWithUnreviewed(AssessmentState.PENDING_REVIEW)) {
            Optional<AccountView> account = accounts.find(learnerId);
            if (account.isEmpty()) {
                continue;
            }
            Learner learner = learnerOf(account.get());
            LadderState state = LadderState.fold(account.get().handle(), catalog, historyOf(account.get()));
            for (Assessment claim : state.openClaims()) {
                Topic topic = catalog.find(claim.topicId()).orElseThrow();
                queue.add(new PendingReview(claim, learner, topic));
            }
        }
        queue.sort(Comparator.comparing((PendingReview review) -> review.claim().at()));
        return queue;
    }

    /**
     * A mentor's decision on a claim: confirm, adjust (another rung, with a comment) or decline (with a
     * reason). Appends the decision as a new entry and returns it.
     */
    public Assessment review(AccountView mentor, UUID assessmentId, ReviewDecision decision) {
        requireMentorOrAdmin(mentor, "review claims");
        AssessmentRecord reviewed = assessments.findByPublicId(assessmentId)
                .orElseThrow(() -> new NoSuchLadderEntryException("no assessment " + assessmentId));
        AccountView learner = accounts.find(reviewed.getLearnerId())
                .orElseThrow(() -> new NoSuchLadderEntryException("no assessment " + assessmentId));
        if (learner.id() == mentor.id()) {
            throw new LadderAccessDeniedException("a mentor cannot review their own assessment; ask another mentor");
        }
        String comment = switch (decision) {
            case ReviewDecision.Confirm confirm -> confirm.comment();
            case ReviewDecision.Adjust adjust -> adjust.comment();
            case ReviewDecision.Decline decline -> decline.reason();
        };
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new LadderException("comment must be at most " + MAX_COMMENT + " characters");
        }
        List<Assessment> history = historyOf(learner);
        Assessment target = reviewed.toAssessment(learner.handle());
        boolean pending = target.state() == AssessmentState.PENDING_REVIEW;
        if (pending && history.stream().anyMatch(entry -> assessmentId.equals(entry.reviewOf()))) {
            throw new LadderConflictException("this claim was already reviewed");
        }
        Assessment entry;
        try {
            entry = policy.review(history, assessmentId, mentor.handle(), decision, UUID.randomUUID(),
                    now());
        } catch (ClaimRefusedException e) {
            throw new LadderException(e.getMessage());
        }
        try {
            assessments.saveAndFlush(new AssessmentRecord(entry, learner.id(), mentor.id(), pending));
        } catch (DataIntegrityViolationException e) {
            throw new LadderConflictException("this claim was already reviewed by another mentor");
        }
        meters.reviewed(decision);
        events.publishEvent(new ClaimReviewed(learner.id(), learner.handle()));
        return entry;
    }

    /** Now, to the microsecond both databases store, so an entry reads back exactly as appended. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- access

    private static void requireMentorOrAdmin(AccountView actor, String what) {
        if (!actor.isMentorOrAdmin()) {
            throw new LadderAccessDeniedException("only mentors and admins may " + what);
        }
    }

    /**
     * The learner's account if the actor may read their ladder; never says whether it exists otherwise.
     * Access goes by account id: a handle only finds the account (in any case), it never authorises.
     */
    private AccountView requireReadable(AccountView actor, String handle) {
        String wanted = normalise(handle);
        // one's own ladder: the actor was read (or verified within VerifiedTokens' bounds) for this request already
        Optional<AccountView> found = actor.hasHandle(wanted) ? Optional.of(actor) : accounts.findByHandle(wanted);
        if (!actor.isMentorOrAdmin() && !isOwn(actor, found)) {
            throw new LadderAccessDeniedException("you may only see your own ladder");
        }
        AccountView learner = found.orElseThrow(() -> new NoSuchLadderEntryException("no learner " + wanted));
        if (!learner.hasRole(Role.LEARNER)) {
            throw new NoSuchLadderEntryException(wanted + " is not a learner");
        }
        return learner;
    }

    private AccountView requireWritable(AccountView actor, String handle) {
        if (!actor.isMentorOrAdmin() && !actor.hasHandle(handle)) {
            throw new LadderAccessDeniedException("you may only assess yourself");
        }
        return requireReadable(actor, handle);
    }

    private static boolean isOwn(AccountView actor, Optional<AccountView> learner) {
        return learner.isPresent() && learner.get().id() == actor.id();
    }

    private static String normalise(String handle) {
        String stripped = handle.strip();
        return stripped.startsWith("@") ? stripped : "@" + stripped;
    }

    private static Learner learnerOf(AccountView account) {
        return new Learner(account.id(), account.handle(), account.displayName());
    }
}
