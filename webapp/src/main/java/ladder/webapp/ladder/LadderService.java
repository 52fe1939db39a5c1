package ladder.webapp.ladder;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import ladder.webapp.account.CurrentUser;
import ladder.webapp.account.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge ladder's API for views and endpoints: topics, claims, reviews and ladders, with every
 * rule of {@link LadderPolicy} and the access rules applied here, so the UI and the REST API agree:
 * a learner reads and writes only their own ladder; mentors and admins see every learner, and their
 * assessment of a learner is confirmed at once; only they review claims and manage topics.
 */
@Service
@Transactional
public class LadderService {

    public static final int MAX_EVIDENCE = 10_000;
    public static final int MAX_NOTE = 4_000;
    public static final int MAX_COMMENT = 4_000;
    public static final int MAX_LINKS = 20;
    public static final int MAX_LINK_LENGTH = 2_000;

    private final TopicRecordRepository topics;
    private final AssessmentRecordRepository assessments;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LadderPolicy policy = new LadderPolicy();

    LadderService(TopicRecordRepository topics, AssessmentRecordRepository assessments, AccountService accounts,
            CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.topics = topics;
        this.assessments = assessments;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- topics

    /** Adds the default catalog's topics that are not stored yet; returns how many it added. Idempotent. */
    public int seedDefaultTopics() {
        int position = topics.maxPosition();
        int added = 0;
        for (Topic topic : TopicCatalog.loadDefault().topics()) {
            if (!topics.existsBySlug(topic.id())) {
                topics.save(new TopicRecord(topic, ++position, now()));
                added++;
            }
        }
        topics.flush();
        return added;
    }

    /** Every topic, retired ones included, in catalog order. Anyone signed in may read them. */
    @Transactional(readOnly = true)
    public TopicCatalog catalog() {
        return TopicCatalog.of(topics.findAllByOrderByPositionAscIdAsc().stream().map(TopicRecord::toTopic).toList());
    }

    /** Every topic with its version, for editing. */
    @Transactional(readOnly = true)
    public List<EditableTopic> editableTopics() {
        return topics.findAllByOrderByPositionAscIdAsc().stream()
                .map(record -> new EditableTopic(record.toTopic(), record.getVersion())).toList();
    }

    /** Adds a topic (mentors, admins). */
    public Topic addTopic(@Nullable String id, @Nullable String name, @Nullable String area,
            @Nullable String description) {
        requireReviewer("add topics");
        Topic topic = validTopic(id, name, area, description, false);
        if (topics.existsBySlug(topic.id())) {
            throw new LadderConflictException("topic id '" + topic.id() + "' is already taken");
        }
        try {
            topics.saveAndFlush(new TopicRecord(topic, topics.maxPosition() + 1, now()));
        } catch (DataIntegrityViolationException e) {
            throw new LadderConflictException("topic id '" + topic.id() + "' is already taken");
        }
        return topic;
    }

    /** Changes a topic's name, area and description (mentors, admins); refused when it changed meanwhile. */
    public Topic editTopic(String id, @Nullable String name, @Nullable String area, @Nullable String description,
            long expectedVersion) {
        requireReviewer("edit topics");
        TopicRecord record = requireCurrent(id, expectedVersion);
        Topic valid = validTopic(id, name, area, description, false);
        record.edit(valid.name(), valid.area(), valid.description());
        return flush(record).toTopic();
    }

    /** Retires a topic (no new claims, history kept) or brings it back (mentors, admins). */
    public Topic setRetired(String id, boolean retired, long expectedVersion) {
        requireReviewer(retired ? "retire topics" : "reactivate topics");
        TopicRecord record = requireCurrent(id, expectedVersion);
        record.setRetired(retired);
        return flush(record).toTopic();
    }

    private TopicRecord requireCurrent(String id, long expectedVersion) {
        TopicRecord record = topics.findBySlug(id)
                .orElseThrow(() -> new LadderNotFoundException("no topic '" + id + "'"));
        if (record.getVersion() != expectedVersion) {
            throw new LadderConflictException("topic '" + id + "' was changed by someone else meanwhile: "
                    + "reload it and make your change again");
        }
        return record;
    }

    private TopicRecord flush(TopicRecord record) {
        try {
            return topics.saveAndFlush(record);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new LadderConflictException("topic '" + record.getSlug() + "' was changed by someone else "
                    + "meanwhile: reload it and make your change again");
        }
    }

    private static Topic validTopic(@Nullable String id, @Nullable String name, @Nullable String area,
            @Nullable String description, boolean retired) {
        if (id == null || id.isBlank()) {
            throw new LadderException("topic id is required, e.g. 'tracing'");
        }
        String slug = id.strip();
        if (!Topic.isSlug(slug) || slug.length() > 64) {
            throw new LadderException("topic id '" + slug + "' is not a slug: use up to 64 lowercase letters, "
                    + "digits and single dashes, starting with a letter");
        }
        String validName = bounded(name, "topic name", 128, true);
        String validArea = bounded(area, "topic area", 64, true);
        String validDescription = bounded(description, "topic description", 1000, false);
        return new Topic(slug, validName, validArea, validDescription, Map.of(), retired);
    }

    private static String bounded(@Nullable String value, String what, int max, boolean required) {
        String stripped = value == null ? "" : value.strip();
        if (required && stripped.isEmpty()) {
            throw new LadderException(what + " is required");
        }
        if (stripped.length() > max) {
            throw new LadderException(what + " must be at most " + max + " characters");
        }
        return stripped;
    }

    // ---------------------------------------------------------------- learners

    /** The learners the signed-in user may see: everyone for mentors and admins, else themselves. */
    @Transactional(readOnly = true)
    public List<Learner> learners() {
        AccountView actor = currentUser.require();
        if (isReviewer(actor)) {
            return accounts.list().stream()
                    .filter(account -> account.enabled() && account.hasRole(Role.LEARNER))
                    .map(LadderService::learnerOf)
                    .sorted(Comparator.comparing(Learner::displayName, String.CASE_INSENSITIVE_ORDER))
                    .toList();
        }
        return actor.hasRole(Role.LEARNER) ? List.of(learnerOf(actor)) : List.of();
    }

    /** The learner with this handle, if the signed-in user may see them. */
    @Transactional(readOnly = true)
    public Learner learner(String handle) {
        return learnerOf(requireReadable(handle));
    }

    /** Whether the signed-in user is a mentor or an admin. */
    public boolean signedInAsReviewer() {
        return currentUser.get().map(LadderService::isReviewer).orElse(false);
    }

    /** The signed-in user as a learner, if they have the learner role. */
    @Transactional(readOnly = true)
    public Optional<Learner> signedInLearner() {
        return currentUser.get().filter(account -> account.hasRole(Role.LEARNER)).map(LadderService::learnerOf);
    }

    // ---------------------------------------------------------------- claims

    /** What a claim would need, without recording it: for the dialogs' hint. */
    @Transactional(readOnly = true)
    public ClaimDecision preview(String handle, ClaimInput input) {
        AccountView learner = requireReadable(handle);
        return policy.decide(claim(currentUser.require(), learner, input));
    }

    /**
     * Records a claim on a learner's ladder: the learner's own (confirmed up to knowledge, above that
     * pending a mentor's review) or a mentor's (confirmed at once).
     *
     * @return the entry appended
     * @throws LadderException naming the problem when the input is bad or the policy refuses the claim
     */
    public Assessment assess(String handle, ClaimInput input) {
        AccountView actor = currentUser.require();
        AccountView learner = requireWritable(actor, handle);
        return append(actor, learner, input);
    }

    /**
     * The guided assessment: the signed-in learner's claims on many topics, recorded together or not at
     * all; then the claims that need it wait for review, and {@link GuidedAssessmentSubmitted} is published.
     */
    public List<Assessment> submitGuidedAssessment(List<ClaimInput> claims) {
        AccountView actor = currentUser.require();
        if (!actor.hasRole(Role.LEARNER)) {
            throw new LadderAccessException("only a learner takes the guided assessment");
        }
        if (claims.isEmpty()) {
            throw new LadderException("pick a rung for at least one topic");
        }
        List<Assessment> recorded = new ArrayList<>();
        for (ClaimInput input : claims) {
            try {
                recorded.add(append(actor, actor, input));
            } catch (LadderException e) {
                throw new LadderException(topicName(input.topic()) + ": " + e.getMessage());
            }
        }
        events.publishEvent(new GuidedAssessmentSubmitted(actor.id(), actor.handle()));
        return recorded;
    }

    private String topicName(String topicId) {
        return topics.findBySlug(topicId).map(record -> record.toTopic().name()).orElse(topicId);
    }

    private Assessment append(AccountView actor, AccountView learner, ClaimInput input) {
        validClaimInput(input);
        TopicCatalog catalog = catalog();
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
            } catch (java.net.URISyntaxException e) {
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
        return java.util.Arrays.stream(text.split("\\s+")).filter(part -> !part.isBlank()).toList();
    }

    // ---------------------------------------------------------------- reading ladders

    /** A learner's history, newest first, optionally of one topic. */
    @Transactional(readOnly = true)
    public List<Assessment> history(String handle, @Nullable String topic) {
        AccountView learner = requireReadable(handle);
        List<Assessment> entries = new ArrayList<>(historyOf(learner));
        if (topic != null && !topic.isBlank()) {
            if (catalog().find(topic).isEmpty()) {
                throw new LadderException("unknown topic '" + topic + "'");
            }
            entries.removeIf(entry -> !entry.topicId().equals(topic));
        }
        return entries.reversed();
    }

    /** A learner's ladder: where they stand per topic, open claims, next steps, history. */
    @Transactional(readOnly = true)
    public LadderState ladder(String handle) {
        AccountView learner = requireReadable(handle);
        return LadderState.fold(learner.handle(), catalog(), historyOf(learner));
    }

    /** Every learner's ladder (mentors, admins): the team view. */
    @Transactional(readOnly = true)
    public List<LearnerLadder> team() {
        requireReviewer("see the team");
        TopicCatalog catalog = catalog();
        return learners().stream().map(learner -> {
            AccountView account = accounts.find(learner.accountId()).orElseThrow();
            return new LearnerLadder(learner, LadderState.fold(account.handle(), catalog, historyOf(account)));
        }).toList();
    }

    private List<Assessment> historyOf(AccountView learner) {
        return assessments.findByLearnerIdOrderByIdAsc(learner.id()).stream()
                .map(record -> record.toAssessment(learner.handle())).toList();
    }

    // ---------------------------------------------------------------- reviews

    /** Open claims across learners, oldest first (mentors, admins). */
    @Transactional(readOnly = true)
    public List<PendingReview> reviewQueue() {
        requireReviewer("review claims");
        TopicCatalog catalog = catalog();
        List<PendingReview> queue = new ArrayList<>();
        for (long learnerId : assessments.learnersWithUnreviewed(AssessmentState.PENDING_REVIEW)) {
            Optional<AccountView> account = accountById(learnerId);
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
    public Assessment review(UUID assessmentId, ReviewDecision decision) {
        AccountView mentor = requireReviewer("review claims");
        AssessmentRecord reviewed = assessments.findByPublicId(assessmentId)
                .orElseThrow(() -> new LadderNotFoundException("no assessment " + assessmentId));
        AccountView learner = accountById(reviewed.getLearnerId())
                .orElseThrow(() -> new LadderNotFoundException("no assessment " + assessmentId));
        if (learner.id() == mentor.id()) {
            throw new LadderAccessException("a mentor cannot review their own assessment; ask another mentor");
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
        events.publishEvent(new ClaimReviewed(learner.id(), learner.handle()));
        return entry;
    }

    private Optional<AccountView> accountById(long id) {
        return accounts.find(id);
    }

    /** Now, to the microsecond both databases store, so an entry reads back exactly as appended. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- access

    private AccountView requireReviewer(String what) {
        AccountView actor = currentUser.require();
        if (!isReviewer(actor)) {
            throw new LadderAccessException("only mentors and admins may " + what);
        }
        return actor;
    }

    /**
     * The learner's account if the signed-in user may read their ladder; never says whether it exists otherwise.
     * Access goes by account id: a handle only finds the account (in any case), it never authorises.
     */
    private AccountView requireReadable(String handle) {
        AccountView actor = currentUser.require();
        String wanted = normalise(handle);
        Optional<AccountView> found = accounts.findByHandle(wanted);
        if (!isReviewer(actor) && !isOwn(actor, found)) {
            throw new LadderAccessException("you may only see your own ladder");
        }
        AccountView learner = found.orElseThrow(() -> new LadderNotFoundException("no learner " + wanted));
        if (!learner.hasRole(Role.LEARNER)) {
            throw new LadderNotFoundException(wanted + " is not a learner");
        }
        return learner;
    }

    private AccountView requireWritable(AccountView actor, String handle) {
        if (!isReviewer(actor) && !isOwn(actor, accounts.findByHandle(normalise(handle)))) {
            throw new LadderAccessException("you may only assess yourself");
        }
        return requireReadable(handle);
    }

    private static boolean isOwn(AccountView actor, Optional<AccountView> learner) {
        return learner.isPresent() && learner.get().id() == actor.id();
    }

    private static String normalise(String handle) {
        String stripped = handle.strip();
        return stripped.startsWith("@") ? stripped : "@" + stripped;
    }

    private static boolean isReviewer(AccountView account) {
        return account.isMentorOrAdmin();
    }

    private static Learner learnerOf(AccountView account) {
        return new Learner(account.id(), account.handle(), account.displayName());
    }
}
