package ladder.webapp.roadmap;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import ladder.model.roadmap.CycleException;
import ladder.model.roadmap.Dependency;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roadmaps: reading, importing, editing, exporting and rendering them, with every rule on who may
 * change what, so the views and the API give the same answers. Every change is one transaction that
 * rewrites the roadmap's canonical DOT, keeps the goal and dependency rows in step, and records
 * who changed what (before → after); a refused change writes nothing.
 */
@Service
@Transactional
public class RoadmapService {

    /** The system's name in the history, for the first-start import. */
    static final String SYSTEM = "system";
    /** Longest name of a roadmap. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Longest canonical DOT that is stored. */
    static final int MAX_STORED_DOT = 1_000_000;

    private final StoredRoadmapRepository roadmaps;
    private final StoredGoalRepository goals;
    private final JdbcTemplate jdbc;
    private final AccountService accounts;
    private final SvgRenderer renderer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Roadmap> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Roadmap> eldest) {
            return size() > 16;
        }
    };

    RoadmapService(StoredRoadmapRepository roadmaps, StoredGoalRepository goals, JdbcTemplate jdbc,
            AccountService accounts, SvgRenderer renderer, ApplicationEventPublisher events, Clock clock) {
        this.roadmaps = roadmaps;
        this.goals = goals;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.renderer = renderer;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public List<RoadmapSummary> list() {
        return roadmaps.findAllByOrderByNameAsc().stream().map(r -> snapshot(r).summary()).toList();
    }

    /** @throws NoSuchRoadmapException when there is no roadmap of that id */
    @Transactional(readOnly = true)
    public RoadmapSnapshot get(long id) {
        return snapshot(require(id));
    }

    /** The default roadmap, if any roadmap exists. */
    @Transactional(readOnly = true)
    public java.util.Optional<RoadmapSnapshot> findDefault() {
        return roadmaps.findFirstByDefaultRoadmapTrue().map(this::snapshot);
    }

    /** The history of the roadmap ({@code goalId} null) or of one goal, newest first. */
    @Transactional(readOnly = true)
    public List<RoadmapChange> history(long roadmapId, @Nullable String goalId) {
        require(roadmapId);
        String sql = "select changed_at, changed_by, goal_id, what, before_value, after_value from roadmap_change "
                + "where roadmap_id = ?" + (goalId == null ? "" : " and goal_id = ?") + " order by id desc";
        Object[] args = goalId == null ? new Object[] {roadmapId} : new Object[] {roadmapId, goalId};
        return jdbc.query(sql, (rs, row) -> new RoadmapChange(rs.getTimestamp(1).toInstant(), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), args);
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

    /** The roadmap in {@code format}; SVG through {@code dot} (cached). */
    @Transactional(readOnly = true)
    public String export(long id, ExportFormat format) {
        return export(get(id).roadmap(), format);
    }

    public String export(Roadmap roadmap, ExportFormat format) {
        return switch (format) {
            case GV -> DotExporter.export(roadmap);
            case SVG -> renderer.render(roadmap);
            case MD -> MarkdownTableExporter.export(roadmap);
            case JSON -> JsonExporter.export(roadmap);
        };
    }

    /** The SVG of the roadmap with its legend; see {@link SvgRenderer#render}. */
    public String svg(Roadmap roadmap) {
        return renderer.render(roadmap);
    }

    /** Why the graph cannot be drawn on this server, or empty when {@code dot} works. */
    public java.util.Optional<String> renderingUnavailable() {
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

    /** What replacing the roadmap with {@code dot} would change; writes nothing. */
    @Transactional(readOnly = true)
    public RoadmapDiff preview(long id, String dot) {
        return RoadmapDiff.between(get(id).roadmap(), parse(dot));
    }

    // ---------------------------------------------------------------- whole roadmaps

    /**
     * Stores {@code dot} as a new roadmap named {@code name}; the first roadmap becomes the default.
     *
     * @throws RoadmapConflictException when the name is taken
     */
    public RoadmapSnapshot create(String name, String dot, AccountView actor) {
        requireEditor(actor);
        return create(name, parse(dot), actor.username());
    }

    RoadmapSnapshot create(String name, Roadmap roadmap, String who) {
        String validName = validName(name);
        if (roadmaps.existsByName(validName)) {
            throw new RoadmapConflictException("a roadmap named '" + validName + "' already exists");
        }
        Instant now = clock.instant();
        StoredRoadmap stored = new StoredRoadmap(validName, roadmaps.count() == 0, canonical(roadmap), now);
        try {
            stored = roadmaps.saveAndFlush(stored);
        } catch (DataIntegrityViolationException e) {
            throw new RoadmapConflictException("a roadmap named '" + validName + "' already exists");
        }
        syncRows(stored.id(), Roadmap.builder().build(), roadmap);
        record(stored.id(), null, now, who, "roadmap created", null,
                roadmap.goals().size() + " goals, " + roadmap.dependencies().size() + " dependencies");
        return snapshot(stored);
    }

    /**
     * Replaces the roadmap's goals, dependencies and graph with those of {@code dot}.
     *
     * @param expectedVersion the roadmap version the caller previewed, or null to replace whatever is stored
     */
    public RoadmapSnapshot replace(long id, String dot, @Nullable Long expectedVersion, AccountView actor) {
        requireEditor(actor);
        Roadmap after = parse(dot);
        StoredRoadmap stored = require(id);
        if (expectedVersion != null && expectedVersion != stored.getVersion()) {
            throw new RoadmapConflictException("roadmap '" + stored.getName() + "' was changed by someone else "
                    + "since your preview: reload it and import again");
        }
        Roadmap before = model(stored);
        RoadmapDiff diff = RoadmapDiff.between(before, after);
        if (diff.isEmpty()) {
            return snapshot(stored);
        }
        Instant now = clock.instant();
        write(stored, before, after, now);
        recordDiff(id, diff, now, actor.username());
        return snapshot(stored);
    }

    /** Makes this roadmap the default one (mentors and admins). */
    public void makeDefault(long id, AccountView actor) {
        requireEditor(actor);
        StoredRoadmap chosen = require(id);
        if (chosen.isDefault()) {
            return;
        }
        roadmaps.findFirstByDefaultRoadmapTrue().ifPresent(previous -> {
            previous.setDefault(false);
            roadmaps.saveAndFlush(previous);
        });
        chosen.setDefault(true);
        roadmaps.saveAndFlush(chosen);
        record(id, null, clock.instant(), actor.username(), "made the default roadmap", null, chosen.getName());
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
    public RoadmapSnapshot changeGoal(long id, String goalId, GoalEdit edit, @Nullable Long expectedGoalVersion,
            AccountView actor) {
        StoredRoadmap stored = require(id);
        Roadmap before = model(stored);
        Goal goal = before.goal(goalId).orElseThrow(() -> noGoal(goalId, stored));
        if (!isEditor(actor)) {
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

    /** Adds a new pending goal (mentors and admins). */
    public RoadmapSnapshot addGoal(long id, String goalId, String title, String description, List<String> participants,
            AccountView actor) {
        requireEditor(actor);
        StoredRoadmap stored = require(id);
        Roadmap before = model(stored);
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
                    handles(participants), ladder.model.roadmap.Attributes.empty());
        } catch (IllegalArgumentException e) {
            throw new RoadmapException(e.getMessage());
        }
        return apply(stored, before, r -> r.withGoal(goal), actor.username());
    }

    /** Deletes a goal with its dependencies (mentors and admins). */
    public RoadmapSnapshot deleteGoal(long id, String goalId, @Nullable Long expectedGoalVersion, AccountView actor) {
        requireEditor(actor);
        StoredRoadmap stored = require(id);
        Roadmap before = model(stored);
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
    public RoadmapSnapshot addDependency(long id, String from, String to, AccountView actor) {
        requireEditor(actor);
        StoredRoadmap stored = require(id);
        Roadmap before = model(stored);
        if (before.dependencies().size() >= DotImporter.MAX_EDGES) {
            throw new RoadmapTooLargeException("a roadmap holds at most " + DotImporter.MAX_EDGES + " dependencies");
        }
        return apply(stored, before, r -> r.withDependency(from, to), actor.username());
    }

    /** Removes the dependency {@code from -> to} (mentors and admins). */
    public RoadmapSnapshot removeDependency(long id, String from, String to, AccountView actor) {
        requireEditor(actor);
        StoredRoadmap stored = require(id);
        Roadmap before = model(stored);
        if (before.dependency(from, to).isEmpty()) {
            throw new NoSuchRoadmapException("no dependency " + from + " -> " + to);
        }
        return apply(stored, before, r -> r.withoutDependency(from, to), actor.username());
    }

    public static boolean isEditor(AccountView actor) {
        return actor.isMentorOrAdmin();
    }

    // ---------------------------------------------------------------- internals

    private RoadmapSnapshot apply(StoredRoadmap stored, Roadmap before, UnaryOperator<Roadmap> change, String who) {
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
        write(stored, before, after, now);
        recordDiff(stored.id(), diff, now, who);
        for (RoadmapDiff.GoalChange changed : diff.goalsChanged()) {
            if (changed.fields().contains(RoadmapDiff.Field.STATUS)) {
                events.publishEvent(new GoalStatusChanged(stored.id(), changed.id(), changed.before().status(),
                        changed.after().status(), who));
            }
        }
        return snapshot(stored);
    }

    private void write(StoredRoadmap stored, Roadmap before, Roadmap after, Instant now) {
        String dot = canonical(after);
        stored.setDot(dot, now);
        synchronized (parsed) {
            parsed.put(SvgRenderer.sha256(dot), after); // export then import gives the same roadmap
        }
        try {
            roadmaps.saveAndFlush(stored);
        } catch (OptimisticLockingFailureException e) {
            throw new RoadmapConflictException("roadmap '" + stored.getName() + "' was changed by someone else "
                    + "at the same moment: reload it and make your change again");
        }
        syncRows(stored.id(), before, after);
    }

    private static String canonical(Roadmap roadmap) {
        String dot = DotExporter.export(roadmap);
        if (dot.length() > MAX_STORED_DOT) {
            throw new RoadmapTooLargeException("the roadmap is too large to store: its DOT would be "
                    + dot.length() + " characters, at most " + MAX_STORED_DOT + " are kept");
        }
        return dot;
    }

    /** Brings the goal and dependency rows in step with {@code after}; goal versions rise only for changed goals. */
    private void syncRows(long roadmapId, Roadmap before, Roadmap after) {
        Map<String, StoredGoal> rows = new HashMap<>();
        goals.findByRoadmapIdOrderBySeq(roadmapId).forEach(row -> rows.put(row.getGoalId(), row));
        List<StoredGoal> toSave = new ArrayList<>();
        int seq = 0;
        for (Goal goal : after.goals()) {
            StoredGoal row = rows.remove(goal.id());
            if (row == null) {
                toSave.add(new StoredGoal(roadmapId, goal, seq));
            } else {
                row.update(goal, seq);
                toSave.add(row);
            }
            seq++;
        }
        goals.deleteAll(rows.values());
        goals.saveAll(toSave);
        try {
            goals.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new RoadmapConflictException("a goal was changed by someone else at the same moment: "
                    + "reload the roadmap and make your change again");
        }
        if (!before.dependencies().equals(after.dependencies())) {
            jdbc.update("delete from roadmap_dependency where roadmap_id = ?", roadmapId);
            List<Object[]> edges = new ArrayList<>();
            int order = 0;
            for (Dependency d : after.dependencies()) {
                edges.add(new Object[] {roadmapId, d.from(), d.to(), order++});
            }
            jdbc.batchUpdate("insert into roadmap_dependency (roadmap_id, from_goal, to_goal, seq) values (?, ?, ?, ?)", edges);
        }
    }

    private void recordDiff(long roadmapId, RoadmapDiff diff, Instant at, String who) {
        List<Object[]> rows = new ArrayList<>();
        diff.goalsAdded().forEach(g -> rows.add(row(roadmapId, g.id(), at, who, "goal added", null, describe(g))));
        diff.goalsRemoved().forEach(g -> rows.add(row(roadmapId, g.id(), at, who, "goal deleted", describe(g), null)));
        for (RoadmapDiff.GoalChange change : diff.goalsChanged()) {
            for (RoadmapDiff.Field field : change.fields()) {
                rows.add(row(roadmapId, change.id(), at, who, field.name().toLowerCase(java.util.Locale.ROOT),
                        field(change.before(), field), field(change.after(), field)));
            }
        }
        for (Dependency d : diff.dependenciesAdded()) {
            String edge = d.from() + " -> " + d.to();
            rows.add(row(roadmapId, d.to(), at, who, "prerequisite added", null, edge));
            rows.add(row(roadmapId, d.from(), at, who, "dependent added", null, edge));
        }
        for (Dependency d : diff.dependenciesRemoved()) {
            String edge = d.from() + " -> " + d.to();
            rows.add(row(roadmapId, d.to(), at, who, "prerequisite removed", edge, null));
            rows.add(row(roadmapId, d.from(), at, who, "dependent removed", edge, null));
        }
        if (diff.graphChanged()) {
            rows.add(row(roadmapId, null, at, who, "graph attributes or subgraphs changed", null, null));
        }
        jdbc.batchUpdate("insert into roadmap_change (roadmap_id, goal_id, changed_at, changed_by, what, before_value, "
                + "after_value) values (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private void record(long roadmapId, @Nullable String goalId, Instant at, String who, String what,
            @Nullable String before, @Nullable String after) {
        jdbc.update("insert into roadmap_change (roadmap_id, goal_id, changed_at, changed_by, what, before_value, "
                + "after_value) values (?, ?, ?, ?, ?, ?, ?)", row(roadmapId, goalId, at, who, what, before, after));
    }

    private static Object[] row(long roadmapId, @Nullable String goalId, Instant at, String who, String what,
            @Nullable String before, @Nullable String after) {
        return new Object[] {roadmapId, goalId, java.sql.Timestamp.from(at), who, what, before, after};
    }

    private static String describe(Goal goal) {
        return goal.title() + " (" + goal.status().dotName()
                + (goal.participants().isEmpty() ? "" : ", " + String.join(" ", goal.participants())) + ")";
    }

    private static String field(Goal goal, RoadmapDiff.Field field) {
        return switch (field) {
            case TITLE -> goal.title();
            case DESCRIPTION -> goal.description();
            case STATUS -> goal.status().dotName();
            case PARTICIPANTS -> String.join(" ", goal.participants());
            case ATTRIBUTES -> StoredGoal.attributesText(goal).strip();
        };
    }

    private void checkGoalVersion(StoredRoadmap stored, String goalId, @Nullable Long expected) {
        if (expected == null) {
            return;
        }
        long current = goals.findByRoadmapIdOrderBySeq(stored.id()).stream()
                .filter(g -> g.getGoalId().equals(goalId)).mapToLong(StoredGoal::getVersion).findFirst()
                .orElseThrow(() -> noGoal(goalId, stored));
        if (current != expected) {
            throw new RoadmapConflictException("goal '" + goalId + "' was changed by someone else meanwhile: "
                    + "reload it and make your change again");
        }
    }

    private RoadmapSnapshot snapshot(StoredRoadmap stored) {
        Map<String, Long> versions = new HashMap<>();
        goals.findByRoadmapIdOrderBySeq(stored.id()).forEach(g -> versions.put(g.getGoalId(), g.getVersion()));
        return new RoadmapSnapshot(stored.id(), stored.getName(), stored.isDefault(), stored.getVersion(),
                model(stored), versions);
    }

    private Roadmap model(StoredRoadmap stored) {
        String key = SvgRenderer.sha256(stored.getDot());
        synchronized (parsed) {
            Roadmap cached = parsed.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Roadmap roadmap;
        try {
            roadmap = DotImporter.parse(stored.getDot());
        } catch (DotImportException e) {
            throw new IllegalStateException("stored roadmap " + stored.id() + " no longer reads: " + e.getMessage(), e);
        }
        synchronized (parsed) {
            parsed.put(key, roadmap);
        }
        return roadmap;
    }

    private StoredRoadmap require(long id) {
        return roadmaps.findById(id).orElseThrow(() -> new NoSuchRoadmapException("no roadmap " + id));
    }

    private static NoSuchRoadmapException noGoal(String goalId, StoredRoadmap stored) {
        return new NoSuchRoadmapException("no goal '" + goalId + "' in roadmap '" + stored.getName() + "'");
    }

    private static void requireEditor(AccountView actor) {
        if (!isEditor(actor)) {
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
        return given.stream().flatMap(h -> java.util.Arrays.stream(h.strip().split("[\\s,]+")))
                .filter(h -> !h.isBlank())
                .map(h -> h.startsWith("@") ? h : "@" + h)
                .distinct().toList();
    }

}
