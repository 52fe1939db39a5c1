package ladder.webapp.roadmap;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ladder.model.roadmap.DotImportException;
import ladder.model.roadmap.DotImporter;
import ladder.model.roadmap.Goal;
import ladder.model.roadmap.Roadmap;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where roadmaps are kept: the canonical DOT of each roadmap (the one source of truth), each goal's
 * version for per-goal locking, and the last {@value #REVISIONS_KEPT} DOT revisions, from which a
 * damaged roadmap is restored. Runs in its caller's transaction. Models are parsed once per roadmap
 * version ({@value #CACHE} cache).
 */
@Component
class RoadmapStore {

    static final String CACHE = "roadmap-models";
    /** How many DOT revisions of each roadmap are kept for restoring. */
    static final int REVISIONS_KEPT = 20;

    private final RoadmapRecordRepository roadmaps;
    private final GoalRecordRepository goals;
    private final JdbcTemplate jdbc;
    private final Cache models;

    RoadmapStore(RoadmapRecordRepository roadmaps, GoalRecordRepository goals, JdbcTemplate jdbc, CacheManager caches) {
        this.roadmaps = roadmaps;
        this.goals = goals;
        this.jdbc = jdbc;
        this.models = Objects.requireNonNull(caches.getCache(CACHE), "cache " + CACHE);
    }

    /** A revision of a roadmap's DOT that can be restored. */
    record Revision(long roadmapVersion, String dot, Instant savedAt, String savedBy) {
    }

    List<RoadmapRecord> all() {
        return roadmaps.findAllByOrderByNameAsc();
    }

    /** Every roadmap by name, without reading the DOT of any. */
    List<RoadmapRecordRepository.Listed> listed() {
        return roadmaps.listByName();
    }

    /** One roadmap as {@link #listed()} lists it. */
    Optional<RoadmapRecordRepository.Listed> listed(long id) {
        return roadmaps.findListedById(id);
    }

    /**
     * The model of a listed roadmap: from the cache by id and version, else read and parsed; null when the
     * roadmap was deleted or changed since it was listed.
     *
     * @throws DamagedRoadmapException when the DOT no longer reads
     */
    @Nullable Roadmap model(RoadmapRecordRepository.Listed listed) {
        Roadmap cached = models.get(new RoadmapKey(listed.id(), listed.version()), Roadmap.class);
        if (cached != null) {
            return cached;
        }
        return roadmaps.findById(listed.id()).filter(stored -> stored.getVersion() == listed.version())
                .map(this::model).orElse(null);
    }

    Optional<RoadmapRecord> find(long id) {
        return roadmaps.findById(id);
    }

    Optional<RoadmapRecord> findDefault() {
        return roadmaps.findFirstByDefaultRoadmapTrue();
    }

    long count() {
        return roadmaps.count();
    }

    boolean nameTaken(String name) {
        return roadmaps.existsByName(name);
    }

    /**
     * The roadmap the stored DOT describes.
     *
     * @throws DamagedRoadmapException when the DOT no longer reads
     */
    Roadmap model(RoadmapRecord stored) {
        Roadmap cached = models.get(key(stored), Roadmap.class);
        if (cached != null) {
            return cached;
        }
        Roadmap roadmap;
        try {
            roadmap = DotImporter.parse(stored.getDot());
        } catch (DotImportException | IllegalArgumentException e) {
            throw new DamagedRoadmapException(stored.id(), "roadmap '" + stored.getName() + "' is damaged: its stored "
                    + "DOT no longer reads (" + e.getMessage() + ")");
        }
        models.put(key(stored), roadmap);
        return roadmap;
    }

    static RoadmapKey key(RoadmapRecord stored) {
        return new RoadmapKey(stored.id(), stored.getVersion());
    }

    /** Each goal's version, by goal id. */
    Map<String, Long> goalVersions(long roadmapId) {
        Map<String, Long> versions = new HashMap<>();
        goals.findByRoadmapId(roadmapId).forEach(g -> versions.put(g.getGoalId(), g.getVersion()));
        return versions;
    }

    /**
     * Stores a new roadmap.
     *
     * @throws RoadmapConflictException when the name is taken (also when another request took it just now)
     */
    RoadmapRecord insert(String name, boolean isDefault, Roadmap roadmap, String dot, Instant now, String who) {
        RoadmapRecord stored;
        try {
            stored = roadmaps.saveAndFlush(new RoadmapRecord(name, isDefault, dot, now));
        } catch (DataIntegrityViolationException e) {
            throw new RoadmapConflictException("a roadmap named '" + name + "' already exists");
        }
        syncGoals(stored.id(), roadmap);
        keepRevision(stored, now, who);
        models.put(key(stored), roadmap);
        return stored;
    }

    /**
     * Writes {@code after} as the roadmap's new DOT; goal versions rise only for goals that changed.
     *
     * @throws RoadmapConflictException when the roadmap or one of its goals was changed at the same moment
     */
    void update(RoadmapRecord stored, Roadmap after, String dot, Instant now, String who) {
        stored.setDot(dot, now);
        try {
            roadmaps.saveAndFlush(stored);
        } catch (OptimisticLockingFailureException e) {
            throw new RoadmapConflictException("roadmap '" + stored.getName() + "' was changed by someone else "
                    + "at the same moment: reload it and make your change again");
        }
        syncGoals(stored.id(), after);
        keepRevision(stored, now, who);
        models.put(key(stored), after);
    }

    /** Saves a change of name or default flag. */
    void save(RoadmapRecord stored) {
        try {
            roadmaps.saveAndFlush(stored);
        } catch (OptimisticLockingFailureException e) {
            throw new RoadmapConflictException("roadmap '" + stored.getName() + "' was changed by someone else "
                    + "at the same moment: reload it and try again");
        }
    }

    /** The revisions kept of the roadmap, newest first. */
    List<Revision> revisions(long roadmapId) {
        return jdbc.query("select roadmap_version, dot, saved_at, saved_by from roadmap_revision where roadmap_id = ? "
                        + "order by id desc", (rs, row) -> new Revision(rs.getLong(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)), roadmapId);
    }

    private void keepRevision(RoadmapRecord stored, Instant now, String who) {
        jdbc.update("insert into roadmap_revision (roadmap_id, roadmap_version, dot, saved_at, saved_by) "
                + "values (?, ?, ?, ?, ?)", stored.id(), stored.getVersion(), stored.getDot(), Timestamp.from(now), who);
        jdbc.update("delete from roadmap_revision where roadmap_id = ? and id not in (select id from (select id from "
                + "roadmap_revision where roadmap_id = ? order by id desc limit " + REVISIONS_KEPT + ") kept)",
                stored.id(), stored.id());
    }

    private void syncGoals(long roadmapId, Roadmap after) {
        Map<String, GoalRecord> rows = new HashMap<>();
        goals.findByRoadmapId(roadmapId).forEach(row -> rows.put(row.getGoalId(), row));
        for (Goal goal : after.goals()) {
            GoalRecord row = rows.remove(goal.id());
            if (row == null) {
                goals.save(new GoalRecord(roadmapId, goal));
            } else {
                row.update(goal);
            }
        }
        goals.deleteAll(rows.values());
        try {
            goals.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new RoadmapConflictException("a goal was changed by someone else at the same moment: "
                    + "reload the roadmap and make your change again");
        }
    }
}
