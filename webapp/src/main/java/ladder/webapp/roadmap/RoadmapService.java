package ladder.webapp.roadmap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import ladder.model.roadmap.Attributes;
import ladder.model.roadmap.CycleException;
import ladder.model.roadmap.DotExporter;
import ladder.model.roadmap.DotImportException;
import ladder.model.roadmap.DotImporter;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.GoalStatus;
import ladder.model.roadmap.JsonExporter;
import ladder.model.roadmap.MarkdownTableExporter;
import ladder.model.roadmap.Roadmap;
import ladder.model.roadmap.RoadmapDiff;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roadmaps' use cases and rules: reading, importing, editing, exporting and rendering them, with every
 * rule on who may change what, so the views and the API give the same answers. Every change is one
 * transaction that rewrites the roadmap's canonical DOT ({@link RoadmapStore}) and records who changed
 * what ({@link RoadmapHistory}); a refused change writes nothing. Every DOT that is written is read back
 * by the importer first, so a change can never store a roadmap that no longer reads. Drawing
 * ({@link RoadmapRenderer}) happens outside any transaction.
 */
@Service
public class RoadmapService {

    private static final Logger LOG = LoggerFactory.getLogger(RoadmapService.class);

    /** The system's name in the history, for the first-start import. */
    static final String SYSTEM = "system";
    /** Longest name of a roadmap. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest canonical DOT that is stored. */
    static final int MAX_STORED_DOT = 1_000_000;

    private final RoadmapStore store;
    private final RoadmapHistory history;
    private final AccountService accounts;
    private final RoadmapRenderer renderer;
    private final Clock clock;
    private final ObservationRegistry observations;

    RoadmapService(RoadmapStore store, RoadmapHistory history, AccountService accounts, RoadmapRenderer renderer,
            Clock clock, ObservationRegistry observations) {
        this.observations = observations;
        this.store = store;
        this.history = history;
        this.accounts = accounts;
        this.renderer = renderer;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    /** Every roadmap by name; a damaged one is listed with its damage, and takes no other down. */
    @Transactional(readOnly = true)
    public List<RoadmapSummary> list() {
        List<RoadmapSummary> summaries = new ArrayList<>();
        for (RoadmapRecordRepository.Listed listed : store.listed()) {
            try {
                // a summary needs no goal versions, nor the DOT when the model of this version is cached
                Roadmap model = store.model(listed);
                if (model != null) {
                    summaries.add(new RoadmapSummary(listed.id(), listed.name(), listed.isDefault(),
                            model.goals().size(), model.dependencies().size(), listed.version(), null));
                } else { // changed since the list was read (or deleted): as it is now
                    store.find(listed.id()).ifPresent(stored -> summaries.add(summary(stored)));
                }
            } catch (DamagedRoadmapException e) {
                summaries.add(new RoadmapSummary(listed.id(), listed.name(), listed.isDefault(), 0, 0, listed.version(),
                        e.getMessage()));
            }
        }
        return List.copyOf(summaries);
    }

    private RoadmapSummary summary(RoadmapRecord stored) {
        try {
            Roadmap model = store.model(stored);
            return new RoadmapSummary(stored.id(), stored.getName(), stored.isDefault(), model.goals().size(),
                    model.dependencies().size(), stored.getVersion(), null);
        } catch (DamagedRoadmapException e) {
            return new RoadmapSummary(stored.id(), stored.getName(), stored.isDefault(), 0, 0, stored.getVersion(),
                    e.getMessage());
        }
    }

    /**
     * @throws NoSuchRoadmapException  when there is no roadmap of that id
     * @throws DamagedRoadmapException when its stored DOT no longer reads
     */
    @Transactional(readOnly = true)
    public RoadmapSnapshot get(long id) {
        return snapshot(require(id));
    }

    /** The default roadmap, if any roadmap exists. */
    @Transactional(readOnly = true)
    public Optional<RoadmapSnapshot> findDefault() {
        return store.findDefault().map(this::snapshot);
    }

    /** The history of the roadmap ({@code goalId} null) or of one goal, newest first. */
    @Transactional(readOnly = true)
    public List<RoadmapChange> history(long roadmapId, @Nullable String goalId) {
        require(roadmapId);
        return history.of(roadmapId, goalId);
    }

    /** The handles with the display names of the accounts that have them; unknown handles stay text. */
    @Transactional(readOnly = true)
    public List<Participant> participants(List<String> handles) {
        return handles.stream().map(handle -> new Participant(handle,
                accounts.findByHandle(handle).map(AccountView::displayName).orElse(null))).toList();
    }

    /** Every participant handle of the roadmap mapped to its account's display name, or null when none. */
    @Transactional(readOnly = true)
    public Map<String, @Nullable String> participantNames(Roadmap roadmap) {
        Map<String, String> byHandle = accounts.list().stream()
                .collect(Collectors.toMap(AccountView::handle, AccountView::displayName, (a, b) -> a));
        Map<String, @Nullable String> names = new LinkedHashMap<>();
        roadmap.goals().forEach(g -> g.participants().forEach(h -> names.put(h, byHandle.get(h))));
        return names;
    }

    /** The stored roadmap in {@code format}; the SVG drawn outside any transaction and cached by version. */
    public String export(long id, ExportFormat format) {
        return new String(exported(id, format).file(), StandardCharsets.UTF_8);
    }

    /**
     * A stored roadmap's name (for a file name) and its export as a file's bytes (UTF-8). For an SVG the array is
     * the cached drawing's, shared by every caller: read it, never change it.
     */
    public record Exported(String name, byte[] file) {
    }

    /**
     * The stored roadmap in {@code format}, read without its DOT when the model of its version is cached and
     * without its goals' versions (an export edits nothing); the SVG drawn outside any transaction and cached by
     * version, with its bytes.
     *
     * @throws NoSuchRoadmapException  when there is no roadmap of that id
     * @throws DamagedRoadmapException when its stored DOT no longer reads
     */
    public Exported exported(long id, ExportFormat format) {
        RoadmapRecordRepository.Listed listed = store.listed(id).orElseThrow(() -> new NoSuchRoadmapException("no roadmap " + id));
        Roadmap model = store.model(listed);
        if (model == null) { // changed since it was read: as it is now
            RoadmapRecord stored = require(id);
            return new Exported(stored.getName(), file(new RoadmapKey(id, stored.getVersion()), store.model(stored), format));
        }
        return new Exported(listed.name(), file(new RoadmapKey(id, listed.version()), model, format));
    }

    private byte[] file(RoadmapKey key, Roadmap roadmap, ExportFormat format) {
        return format == ExportFormat.SVG ? renderer.svgFile(key, roadmap)
                : export(key, roadmap, format).getBytes(StandardCharsets.UTF_8);
    }

    /** The roadmap as read in {@code snapshot}, in {@code format}. */
    public String export(RoadmapSnapshot snapshot, ExportFormat format) {
        return export(new RoadmapKey(snapshot.id(), snapshot.version()), snapshot.roadmap(), format);
    }

    private String export(RoadmapKey key, Roadmap roadmap, ExportFormat format) {
        return switch (format) {
            case GV -> DotExporter.export(roadmap);
            case SVG -> RoadmapRenderer.XML_PROLOG + renderer.svg(key, roadmap);
            case MD -> MarkdownTableExporter.export(roadmap);
            case JSON -> JsonExporter.export(roadmap);
        };
    }

    /**
     * The safe SVG element of the stored roadmap with its legend, without links or prolog; see
     * {@link SvgSanitizer}. Never called inside a transaction.
     *
     * @throws RenderException when it cannot be drawn
     */
    public String svg(RoadmapSnapshot snapshot) {
        return renderer.svg(new RoadmapKey(snapshot.id(), snapshot.version()), snapshot.roadmap());
    }

    /** Why the graph cannot be drawn on this server, or empty when {@code dot} works. */
    public Optional<String> renderingUnavailable() {
        return renderer.unavailableReason();
    }

    /** Reads DOT as the importer does, throwing {@link RoadmapException} (413: {@link RoadmapTooLargeException}). */
    public static Roadmap parse(String dot) {
        if (dot.getBytes(StandardCharsets.UTF_8).length > DotImporter.MAX_BYTES) {
            throw new RoadmapTooLargeException("the DOT text is larger than 1 MiB");
        }
        try {
            return DotImporter.parse(dot);
        } catch (DotImportException e) {
            throw RoadmapException.of(e);
        }
    }

    /**
     * {@link #parse} observed as {@code ladder.roadmap.import}: {@code result} accepted or refused, and for a
     * refusal its {@code reason} (too_large, cycle, unsafe, invalid), a bounded set.
     */
    private Roadmap read(String dot) {
        Observation reading = Observation.createNotStarted("ladder.roadmap.import", observations)
                .contextualName("import roadmap").lowCardinalityKeyValue("result", "accepted")
                .lowCardinalityKeyValue("reason", "none").start();
        try (Observation.Scope scope = reading.openScope()) {
            return parse(dot);
        } catch (RoadmapException e) {
            reading.lowCardinalityKeyValue("result", "refused").lowCardinalityKeyValue("reason", refusal(e));
            throw e;
        } finally {
            reading.stop();
        }
    }

    private static String refusal(RoadmapException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof RoadmapTooLargeException) {
            return "too_large";
        }
        if (message.contains("cycle")) {
            return "cycle";
        }
        if (message.contains("not allowed") || message.contains("read files") || message.contains("link")) {
            return "unsafe";
        }
        return "invalid";
    }

    /** What replacing the roadmap with {@code dot} would change; writes nothing. */
    @Transactional(readOnly = true)
    public RoadmapDiff preview(long id, String dot) {
        Roadmap after = read(dot);
        RoadmapRecord stored = require(id);
        return RoadmapDiff.between(modelOrEmpty(stored), after);
    }

    // ---------------------------------------------------------------- whole roadmaps

    /**
     * Stores {@code dot} as a new roadmap named {@code name}; the first roadmap becomes the default.
     *
     * @throws RoadmapConflictException when the name is taken
     */
    @Transactional
    public RoadmapSnapshot create(String name, String dot, AccountView actor) {
        actor = current(actor);
        requireEditor(actor);
        return create(name, read(dot), actor.username());
    }

    @Transactional
    RoadmapSnapshot create(String name, Roadmap roadmap, String who) {
        String validName = validName(name);
        if (store.nameTaken(validName)) {
            throw new RoadmapConflictException("a roadmap named '" + validName + "' already exists");
        }
        Instant now = clock.instant();
        RoadmapRecord stored = store.insert(validName, store.count() == 0, roadmap, canonical(roadmap), now, who);
        history.record(stored.id(), null, now, who, "roadmap created", null,
                roadmap.goals().size() + " goals, " + roadmap.dependencies().size() + " dependencies");
        LOG.info("Roadmap {} created: {} goals, {} dependencies", stored.id(), roadmap.goals().size(),
                roadmap.dependencies().size());
        return snapshot(stored);
    }

    /**
     * Replaces the roadmap's goals, dependencies and graph with those of {@code dot}; also repairs a
     * damaged roadmap.
     *
     * @param expectedVersion the roadmap version the caller previewed, or null to replace whatever is stored
     */
    @Transactional
    public RoadmapSnapshot replace(long id, String dot, @Nullable Long expectedVersion, AccountView actor) {
        actor = current(actor);
        requireEditor(actor);
        Roadmap after = read(dot);
        RoadmapRecord stored = require(id);
        if (expectedVersion != null && expectedVersion != stored.getVersion()) {
            throw new RoadmapConflictException("roadmap '" + stored.getName() + "' was changed by someone else "
                    + "since your preview: reload it and import again");
        }
        Roadmap before = modelOrEmpty(stored);
        RoadmapDiff diff = RoadmapDiff.between(before, after);
        if (diff.isEmpty() && !isDamaged(stored)) {
            return snapshot(stored);
        }
        Instant now = clock.instant();
        store.update(stored, after, canonical(after), now, actor.username());
        history.record(id, diff, now, actor.username());
        return snapshot(stored);
    }

    /**
     * Puts a damaged roadmap back to its newest kept revision that reads (mentors and admins).
     *
     * @throws RoadmapException when the roadmap is not damaged, or no kept revision reads
     */
    @Transactional
    public RoadmapSnapshot restore(long id, AccountView actor) {
        actor = current(actor);
        requireEditor(actor);
        RoadmapRecord stored = require(id);
        if (!isDamaged(stored)) {
            throw new RoadmapException("roadmap '" + stored.getName() + "' is not damaged: there is nothing to restore");
        }
        for (RoadmapStore.Revision revision : store.revisions(id)) {
            Roadmap roadmap;
            try {
                roadmap = DotImporter.parse(revision.dot());
            } catch (DotImportException | IllegalArgumentException unreadable) {
                continue;
            }
            Instant now = clock.instant();
            store.update(stored, roadmap, canonical(roadmap), now, actor.username());
            history.record(id, null, now, actor.username(), "restored after damage", null,
                    "revision of " + revision.savedAt() + " by " + revision.savedBy());
            return snapshot(stored);
        }
        throw new RoadmapException("no kept revision of roadmap '" + stored.getName() + "' reads: import its DOT "
                + "again (download it as DOT, repair it, and replace the roadmap with it)");
    }

    /** The stored DOT as it is, also of a damaged roadmap, for repairing it by hand (mentors and admins). */
    @Transactional(readOnly = true)
    public String storedDot(long id, AccountView actor) {
        actor = current(actor);
        requireEditor(actor);
        return require(id).getDot();
    }

    /** Makes this roadmap the default one (mentors and admins). */
    @Transactional
    public void makeDefault(long id, AccountView actor) {
        actor = current(actor);
        requireEditor(actor);
        RoadmapRecord chosen = require(id);
        if (chosen.isDefault()) {
            return;
        }
        store.findDefault().ifPresent(previous -> {
            previous.setDefault(false);
            store.save(previous);
        });
        chosen.setDefault(true);
        store.save(chosen);
        history.record(id, null, clock.instant(), actor.username(), "made the default roadmap", null, chosen.getName());
    }

    // ---------------------------------------------------------------- goals and dependencies

    /**
     * Changes a goal's fields. Mentors and admins may change every field; a learner only the status
     * of a goal they take part in (their handle among its participants).
     *
     * @param expectedGoalVersion the goal version the caller read, or null to skip the check
     * @throws RoadmapConflictException     when the goal changed since {@code expectedGoalVersion}
     * @throws RoadmapAccessDeniedException when the actor may not make this change
     */
    @Transactional
    public RoadmapSnapshot changeGoal(long id, String goalId, GoalEdit edit, @Nullable Long expectedGoalVersion,
            AccountView actor) {
        actor = current(actor);
        RoadmapRecord stored = require(id);
        Roadmap before = store.model(stored);
        Goal goal = before.goal(goalId).orElseThrow(() -> noGoal(goalId, stored));
        if (!actor.isMentorOrAdmin()) {
            if (!edit.onlyStatus()) {
                throw new RoadmapAccessDeniedException("a learner may change only the status of a goal");
            }
            if (!accounts.isAnyOf(actor, goal.participants())) {
                throw new RoadmapAccessDeniedException("you (" + actor.handle() + ") do not take part in goal '"
                        + goalId + "': only its participants, mentors and admins may change its status");
            }
        }
        checkGoalVersion(stored, goalId, expectedGoalVersion);
        Goal changed = goal;
        try {
            // a field handed back unchanged stays as it is (an HTML label, a description's own spacing)
            if (edit.title() != null && !required(edit.title(), "title").equals(goal.title().strip())) {
                changed = changed.withTitle(required(edit.title(), "title"));
            }
            if (edit.description() != null && !edit.description().strip().equals(goal.description().strip())) {
                changed = changed.withDescription(edit.description().strip());
            }
            if (edit.status() != null) {
                changed = changed.withStatus(edit.status());
            }
            if (edit.participants() != null) {
                changed = changed.withParticipants(handles(edit.participants()));
            }
        } catch (IllegalArgumentException e) {
            throw new RoadmapException(e.getMessage());
        }
        Goal result = changed;
        return apply(stored, before, r -> r.withGoalChanged(goalId, g -> result), actor.username());
    }

    /**
     * Marks a goal done because its criteria are all met (see {@link GoalCriteriaService}): recorded in its
     * history as changed by {@value #CRITERIA_ACTOR}, with the reason. Not for people: no access check.
     * Does nothing when the goal is already done.
     */
    @Transactional
    public void completeByCriteria(long id, String goalId, String reason) {
        RoadmapRecord stored = require(id);
        Roadmap before = store.model(stored);
        Goal goal = before.goal(goalId).orElseThrow(() -> noGoal(goalId, stored));
        if (goal.status() == GoalStatus.DONE) {
            return;
        }
        apply(stored, before, r -> r.withGoalChanged(goalId, g -> g.withStatus(GoalStatus.DONE)), CRITERIA_ACTOR);
        history.record(id, goalId, clock.instant(), CRITERIA_ACTOR, "criteria met", null,
                reason.length() > 4000 ? reason.substring(0, 3997) + "..." : reason);
    }

    /** Who a goal completed by its criteria was changed by, in its history. */
    public static final String CRITERIA_ACTOR = "criteria";

    /** Adds a new pending goal (mentors and admins). */
    @Transactional
    public RoadmapSnapshot addGoal(long id, String goalId, String title, String description, List<String> participants,
            AccountView actor) {
        actor = current(actor);
        requireEditor(actor);
        RoadmapRecord stored = require(id);
        Roadmap before = store.model(stored);
        String validId = required(goalId, "goal id");
        if (before.contains(validId)) {
            throw new RoadmapConflictException("roadmap '" + stored.getName() + "' already has a goal '" + validId + "'");
        }
        if (before.goals().size() >= DotImporter.MAX_GOALS) {
            throw new RoadmapTooLargeException("a roadmap holds at most " + DotImporter.MAX_GOALS + " goals");
        }
        Goal goal;
        try {
            goal = new Goal(validId, title.isBlank() ? validId : title.strip(), description.strip(), GoalStatus.PENDING,
                    handles(participants), Attributes.empty());
        } catch (IllegalArgumentException e) {
            throw new RoadmapException(e.getMessage());
        }
        return apply(stored, before, r -> r.withGoal(goal), actor.username());
    }

    /** Deletes a goal with its dependencies (mentors and admins). */
    @Transactional
    public RoadmapSnapshot deleteGoal(long id, String goalId, @Nullable Long expectedGoalVersion, AccountView actor) {
        actor = current(actor);
        requireEditor(actor);
        RoadmapRecord stored = require(id);
        Roadmap before = store.model(stored);
        if (!before.contains(goalId)) {
            throw noGoal(goalId, stored);
        }
        checkGoalVersion(stored, goalId, expectedGoalVersion);
        return apply(stored, before, r -> r.withoutGoal(goalId), actor.username());
    }

    /**
     * Makes {@code from} a prerequisite of {@code to} (mentors and admins).
     *
     * @throws RoadmapException naming the cycle when {@code to} already leads to {@code from}
     */
    @Transactional
    public RoadmapSnapshot addDependency(long id, String from, String to, AccountView actor) {
        actor = current(actor);
        requireEditor(actor);
        RoadmapRecord stored = require(id);
        Roadmap before = store.model(stored);
        if (before.dependencies().size() >= DotImporter.MAX_EDGES) {
            throw new RoadmapTooLargeException("a roadmap holds at most " + DotImporter.MAX_EDGES + " dependencies");
        }
        return apply(stored, before, r -> r.withDependency(from, to), actor.username());
    }

    /** Removes the dependency {@code from -> to} (mentors and admins). */
    @Transactional
    public RoadmapSnapshot removeDependency(long id, String from, String to, AccountView actor) {
        actor = current(actor);
        requireEditor(actor);
        RoadmapRecord stored = require(id);
        Roadmap before = store.model(stored);
        if (before.dependency(from, to).isEmpty()) {
            throw new NoSuchRoadmapException("no dependency " + from + " -> " + to);
        }
        return apply(stored, before, r -> r.withoutDependency(from, to), actor.username());
    }

    // ---------------------------------------------------------------- internals

    private RoadmapSnapshot apply(RoadmapRecord stored, Roadmap before, UnaryOperator<Roadmap> change, String who) {
        Roadmap after;
        try {
            after = change.apply(before);
        } catch (CycleException e) {
            throw new RoadmapException("refused: it would close a " + e.getMessage());
        } catch (NoSuchElementException | IllegalArgumentException e) {
            throw new RoadmapException(e.getMessage());
        }
        Instant now = clock.instant();
        RoadmapDiff diff = RoadmapDiff.between(before, after);
        store.update(stored, after, canonical(after), now, who);
        history.record(stored.id(), diff, now, who);
        return snapshot(stored);
    }

    /**
     * The DOT that is stored for {@code roadmap}, read back by the importer first: a change whose DOT would
     * not read again (a character DOT cannot carry, an attribute the importer refuses) is refused here, with
     * the importer's reason, instead of breaking the roadmap for everyone at the next start.
     */
    private static String canonical(Roadmap roadmap) {
        String dot = DotExporter.export(roadmap);
        if (dot.length() > MAX_STORED_DOT) {
            throw new RoadmapTooLargeException("the roadmap is too large to store: its DOT would be "
                    + dot.length() + " characters, at most " + MAX_STORED_DOT + " are kept");
        }
        Roadmap readBack;
        try {
            readBack = DotImporter.parse(dot);
        } catch (DotImportException | IllegalArgumentException e) {
            throw new RoadmapException("refused: the roadmap could not be read back after this change ("
                    + e.getMessage() + ")");
        }
        if (!readBack.equals(roadmap)) {
            throw new RoadmapException("refused: the roadmap would not read back as it was written "
                    + "(a value that DOT cannot carry unchanged)");
        }
        return dot;
    }

    private void checkGoalVersion(RoadmapRecord stored, String goalId, @Nullable Long expected) {
        if (expected == null) {
            return;
        }
        Long current = store.goalVersions(stored.id()).get(goalId);
        if (current == null) {
            throw noGoal(goalId, stored);
        }
        if (current != expected.longValue()) {
            throw new RoadmapConflictException("goal '" + goalId + "' was changed by someone else meanwhile: "
                    + "reload it and make your change again");
        }
    }

    private RoadmapSnapshot snapshot(RoadmapRecord stored) {
        return new RoadmapSnapshot(stored.id(), stored.getName(), stored.isDefault(), stored.getVersion(),
                store.model(stored), store.goalVersions(stored.id()));
    }

    private boolean isDamaged(RoadmapRecord stored) {
        try {
            store.model(stored);
            return false;
        } catch (DamagedRoadmapException e) {
            return true;
        }
    }

    private Roadmap modelOrEmpty(RoadmapRecord stored) {
        try {
            return store.model(stored);
        } catch (DamagedRoadmapException e) {
            return Roadmap.builder().build();
        }
    }

    /**
     * The actor as the database has them now: a view built before an admin disabled the account or took a
     * role away must not keep its old rights.
     */
    private AccountView current(AccountView actor) {
        return accounts.find(actor.id()).filter(AccountView::enabled).orElseThrow(() ->
                new RoadmapAccessDeniedException("your account is disabled or no longer exists: sign in again"));
    }

    private RoadmapRecord require(long id) {
        return store.find(id).orElseThrow(() -> new NoSuchRoadmapException("no roadmap " + id));
    }

    private static NoSuchRoadmapException noGoal(String goalId, RoadmapRecord stored) {
        return new NoSuchRoadmapException("no goal '" + goalId + "' in roadmap '" + stored.getName() + "'");
    }

    private static void requireEditor(AccountView actor) {
        if (!actor.isMentorOrAdmin()) {
            throw new RoadmapAccessDeniedException("only mentors and admins may change roadmaps");
        }
    }

    private static String validName(@Nullable String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new RoadmapException("a roadmap needs a name of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return name.strip();
    }

    private static String required(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RoadmapException(what + " must not be empty");
        }
        return value.strip();
    }

    /** Handles as given, each with a leading {@code @} added when missing; duplicates dropped. */
    static List<String> handles(List<String> given) {
        return given.stream().flatMap(h -> Arrays.stream(h.strip().split("[\\s,]+")))
                .filter(h -> !h.isBlank())
                .map(h -> h.startsWith("@") ? h : "@" + h)
                .distinct().toList();
    }

}
