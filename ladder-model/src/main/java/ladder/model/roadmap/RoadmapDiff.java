package ladder.model.roadmap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What changes from one roadmap to another, for the web app's import preview. Goals are matched by
 * id, dependencies by their two goals; every list keeps the order of the roadmap it comes from
 * (removed ones: the old roadmap's order; others: the new one's).
 *
 * @param goalsAdded           goals only in the new roadmap
 * @param goalsRemoved         goals only in the old roadmap
 * @param goalsChanged         goals in both whose content differs, with the fields that differ
 * @param dependenciesAdded    dependencies only in the new roadmap
 * @param dependenciesRemoved  dependencies only in the old roadmap
 * @param graphChanged         whether anything else differs: name, strictness, graph attributes,
 *                             defaults, subgraphs or the attributes (or further edges) of a kept dependency
 */
public record RoadmapDiff(List<Goal> goalsAdded, List<Goal> goalsRemoved, List<GoalChange> goalsChanged,
                          List<Dependency> dependenciesAdded, List<Dependency> dependenciesRemoved,
                          boolean graphChanged) {

    /** The fields of a goal that a change can touch. */
    public enum Field { TITLE, DESCRIPTION, STATUS, PARTICIPANTS, ATTRIBUTES }

    /** A goal present in both roadmaps, before and after, and which of its fields differ (never empty). */
    public record GoalChange(Goal before, Goal after, Set<Field> fields) {
        public GoalChange {
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a goal change names at least one field");
            }
            fields = Collections.unmodifiableSet(EnumSet.copyOf(fields)); // iterates in the order of Field
        }

        public String id() {
            return after.id();
        }
    }

    public RoadmapDiff {
        goalsAdded = List.copyOf(goalsAdded);
        goalsRemoved = List.copyOf(goalsRemoved);
        goalsChanged = List.copyOf(goalsChanged);
        dependenciesAdded = List.copyOf(dependenciesAdded);
        dependenciesRemoved = List.copyOf(dependenciesRemoved);
    }

    /** What turns {@code before} into {@code after}. */
    public static RoadmapDiff between(Roadmap before, Roadmap after) {
        var added = new ArrayList<Goal>();
        var changed = new ArrayList<GoalChange>();
        for (Goal goal : after.goals()) {
            before.goal(goal.id()).ifPresentOrElse(old -> {
                Set<Field> fields = changedFields(old, goal);
                if (!fields.isEmpty()) {
                    changed.add(new GoalChange(old, goal, fields));
                }
            }, () -> added.add(goal));
        }
        List<Goal> removed = before.goals().stream().filter(g -> !after.contains(g.id())).toList();
        List<Dependency> dependenciesAdded = after.dependencies().stream()
                .filter(d -> before.dependency(d.from(), d.to()).isEmpty()).toList();
        List<Dependency> dependenciesRemoved = before.dependencies().stream()
                .filter(d -> after.dependency(d.from(), d.to()).isEmpty()).toList();
        boolean edgeAttributesChanged = after.dependencies().stream().anyMatch(d ->
                before.dependency(d.from(), d.to()).map(old -> !old.equals(d)).orElse(false));
        boolean graphChanged = edgeAttributesChanged
                || !before.name().equals(after.name()) || before.isStrict() != after.isStrict()
                || !before.graphAttributes().equals(after.graphAttributes())
                || !before.nodeDefaults().equals(after.nodeDefaults())
                || !before.edgeDefaults().equals(after.edgeDefaults())
                || !before.subgraphs().equals(after.subgraphs());
        return new RoadmapDiff(added, removed, changed, dependenciesAdded, dependenciesRemoved, graphChanged);
    }

    /** Whether the two roadmaps are equal in every respect. */
    public boolean isEmpty() {
        return goalsAdded.isEmpty() && goalsRemoved.isEmpty() && goalsChanged.isEmpty()
                && dependenciesAdded.isEmpty() && dependenciesRemoved.isEmpty() && !graphChanged;
    }

    private static Set<Field> changedFields(Goal before, Goal after) {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        if (!before.title().equals(after.title())) {
            fields.add(Field.TITLE);
        }
        if (!before.description().equals(after.description())) {
            fields.add(Field.DESCRIPTION);
        }
        if (before.status() != after.status()) {
            fields.add(Field.STATUS);
        }
        if (!before.participants().equals(after.participants())) {
            fields.add(Field.PARTICIPANTS);
        }
        if (!before.attributes().equals(after.attributes())) {
            fields.add(Field.ATTRIBUTES);
        }
        return fields;
    }
}
