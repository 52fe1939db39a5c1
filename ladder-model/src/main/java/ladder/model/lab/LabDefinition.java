package ladder.model.lab;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ladder.model.ladder.Rung;

/**
 * A lab as defined by its {@code lab.yaml}.
 *
 * <p>Its checks form a graph through {@code needs} (must pass first) and {@code runs-after} (must have finished
 * first): a definition cannot be built when two checks share an id, when a check names one that is not in the lab
 * or itself, or when checks wait for each other in a circle ({@link NeedsCycleException}, naming it), just as a
 * {@code Roadmap} cannot be built with a cycle. So every definition has an order in which its checks can run,
 * {@link #checksInNeedsOrder()}.
 *
 * @param id         folder name and stable id, e.g. {@code alerting-error-ratio}
 * @param title      one line shown in the catalog
 * @param summary    a few sentences on what the learner does
 * @param topics     topic ids it proves, e.g. {@code alerting}, {@code slo}
 * @param rung       the rung of North's ladder it proves, normally {@link Rung#ABILITY}; the ladder
 *                   records a passed lab at most at {@code ability} (see {@code LadderPolicy})
 * @param timeLimit  a session's time limit
 * @param components what the runtime starts
 * @param checks     how the learner's work is verified
 */
public record LabDefinition(
        String id,
        String title,
        String summary,
        List<String> topics,
        Rung rung,
        Duration timeLimit,
        List<ComponentSpec> components,
        List<CheckSpec> checks) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(60);

    public LabDefinition {
        topics = List.copyOf(topics);
        components = List.copyOf(components);
        checks = List.copyOf(checks);
        inNeedsOrder(checks); // refuses duplicates, unknown references and circles
    }

    /**
     * This lab with other checks, e.g. a part of its own for one run.
     *
     * @throws IllegalArgumentException as the constructor, e.g. for a check that needs one left out
     */
    public LabDefinition withChecks(List<CheckSpec> otherChecks) {
        return new LabDefinition(id, title, summary, topics, rung, timeLimit, components, otherChecks);
    }

    /**
     * Every check, each after the checks it needs and runs after; otherwise in the order of the definition, so
     * the order is stable.
     */
    public List<CheckSpec> checksInNeedsOrder() {
        return inNeedsOrder(checks);
    }

    /**
     * The ids of the checks that must pass before the given one may run: its needs, their needs, and so on.
     *
     * @throws IllegalArgumentException when the lab has no such check
     */
    public Set<String> transitiveNeeds(String checkId) {
        Map<String, CheckSpec> byId = byId(checks);
        CheckSpec check = byId.get(checkId);
        if (check == null) {
            throw new IllegalArgumentException("no check '" + checkId + "' in lab '" + id + "'");
        }
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(check.needs());
        while (!toVisit.isEmpty()) {
            String need = toVisit.pop();
            if (seen.add(need)) {
                toVisit.addAll(byId.get(need).needs());
            }
        }
        return seen;
    }

    public Optional<ComponentSpec> component(String name) {
        return components.stream().filter(component -> component.name().equals(name)).findFirst();
    }

    public Optional<CheckSpec> check(String checkId) {
        return checks.stream().filter(check -> check.id().equals(checkId)).findFirst();
    }

    private static Map<String, CheckSpec> byId(List<CheckSpec> checks) {
        Map<String, CheckSpec> byId = new LinkedHashMap<>();
        for (CheckSpec check : checks) {
            if (byId.putIfAbsent(check.id(), check) != null) {
                throw new IllegalArgumentException("two checks have the id '" + check.id() + "'");
            }
        }
        return byId;
    }

    /** The checks a check waits for: what it needs, then what it runs after. */
    private static List<String> waitsFor(CheckSpec check, Map<String, CheckSpec> byId) {
        List<String> waits = new ArrayList<>(check.needs());
        waits.addAll(check.runsAfter());
        for (String other : waits) {
            if (other.equals(check.id())) {
                throw new IllegalArgumentException("check '" + check.id() + "' waits for itself");
            }
            if (!byId.containsKey(other)) {
                throw new IllegalArgumentException("check '" + check.id() + "' waits for '" + other
                        + "', which is not a check of the lab");
            }
        }
        return waits;
    }

    /** Depth-first: a check is placed once all it waits for is placed; meeting a check still on the path is a circle. */
    private static List<CheckSpec> inNeedsOrder(List<CheckSpec> checks) {
        Map<String, CheckSpec> byId = byId(checks);
        Map<String, Boolean> placed = new HashMap<>(); // false: on the current path; true: placed
        List<CheckSpec> ordered = new ArrayList<>(checks.size());
        for (CheckSpec start : checks) {
            place(start, byId, placed, new ArrayList<>(), ordered);
        }
        return List.copyOf(ordered);
    }

    private static void place(CheckSpec check, Map<String, CheckSpec> byId, Map<String, Boolean> placed,
            List<String> path, List<CheckSpec> ordered) {
        Boolean state = placed.get(check.id());
        if (Boolean.TRUE.equals(state)) {
            return;
        }
        if (state != null) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(check.id()), path.size()));
            cycle.add(check.id());
            throw new NeedsCycleException(cycle);
        }
        placed.put(check.id(), false);
        path.add(check.id());
        for (String other : waitsFor(check, byId)) {
            place(byId.get(other), byId, placed, path, ordered);
        }
        path.removeLast();
        placed.put(check.id(), true);
        ordered.add(check);
    }
}
