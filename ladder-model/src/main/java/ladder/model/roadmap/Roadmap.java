package ladder.model.roadmap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A roadmap: goals and the dependencies between them, always a directed acyclic graph, plus what
 * DOT export needs to write the graph back as it was read (graph attributes, default attributes,
 * subgraphs and clusters, all in their order).
 *
 * <p>Immutable: every {@code with...} method returns a new roadmap and leaves this one unchanged.
 * Every roadmap satisfies: goal ids are unique; each dependency joins two goals of the roadmap,
 * never a goal to itself, at most once per ordered pair (drawn as one edge when {@code strict});
 * subgraphs name only goals of the roadmap;
 * and there is no cycle. Methods that would break a rule throw {@link IllegalArgumentException}
 * ({@link CycleException} for a cycle, naming it); methods given the id of a missing goal throw
 * {@link NoSuchElementException}.
 */
public final class Roadmap {
    private static final String CHARSET = "charset";

    private final @Nullable String name;
    private final boolean strict;
    private final Attributes graphAttributes;
    private final Attributes nodeDefaults;
    private final Attributes edgeDefaults;
    private final List<Goal> goals;
    private final List<Dependency> dependencies;
    private final List<Subgraph> subgraphs;

    private final Map<String, Integer> indexById = new HashMap<>();
    private final Map<String, List<String>> prerequisitesById = new HashMap<>();
    private final Map<String, List<String>> dependentsById = new HashMap<>();
    private final Map<List<String>, Dependency> dependencyByEnds = new HashMap<>();

    private Roadmap(Builder b) {
        if (b.name != null) {
            String problem = DotCharacters.problem("the graph name", b.name);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        this.name = b.name;
        this.strict = b.strict;
        // a roadmap holds Unicode and DOT export writes UTF-8: a charset of the text it came from no longer holds
        this.graphAttributes = b.graphAttributes.without(CHARSET);
        this.nodeDefaults = b.nodeDefaults;
        this.edgeDefaults = b.edgeDefaults;
        this.goals = List.copyOf(b.goals.values());
        this.dependencies = List.copyOf(b.dependencies);
        this.subgraphs = List.copyOf(b.subgraphs);
        for (int i = 0; i < goals.size(); i++) {
            String id = goals.get(i).id();
            indexById.put(id, i);
            prerequisitesById.put(id, new ArrayList<>());
            dependentsById.put(id, new ArrayList<>());
        }
        for (Dependency d : dependencies) {
            requireGoal(d.from());
            requireGoal(d.to());
            if (d.from().equals(d.to())) {
                throw new IllegalArgumentException("goal '" + d.from() + "' cannot depend on itself");
            }
            if (dependencyByEnds.putIfAbsent(List.of(d.from(), d.to()), d) != null) {
                throw new IllegalArgumentException("dependency " + d.from() + " -> " + d.to() + " is given twice");
            }
            if (strict && !d.moreEdges().isEmpty()) {
                throw new IllegalArgumentException("dependency " + d.from() + " -> " + d.to()
                        + " is drawn as " + d.edgeCount() + " edges, but a strict graph draws one edge per pair of goals");
            }
            dependentsById.get(d.from()).add(d.to());
            prerequisitesById.get(d.to()).add(d.from());
        }
        var inSubgraphs = new ArrayList<String>();
        subgraphs.forEach(s -> s.collectGoalIds(inSubgraphs));
        inSubgraphs.forEach(this::requireGoal);
        List<String> cycle = findCycle();
        if (cycle != null) {
            throw new CycleException(cycle);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this roadmap's content, to derive a changed one in one go. */
    public Builder toBuilder() {
        Builder b = new Builder().name(name).strict(strict).graphAttributes(graphAttributes)
                .nodeDefaults(nodeDefaults).edgeDefaults(edgeDefaults);
        goals.forEach(b::goal);
        dependencies.forEach(b::dependency);
        subgraphs.forEach(b::subgraph);
        return b;
    }

    /** The DOT graph id ({@code digraph NAME {}}), empty when anonymous. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Whether the DOT graph was declared {@code strict}; export keeps the keyword. */
    public boolean isStrict() {
        return strict;
    }

    /**
     * Graph attributes such as {@code rankdir}, in order; never {@code charset}, which is dropped
     * when given: a roadmap's text is Unicode and {@link DotExporter} writes UTF-8, so a Latin-1
     * declaration kept from the file it was read from would make Graphviz render mojibake.
     */
    public Attributes graphAttributes() {
        return graphAttributes;
    }

    /**
     * The top-level {@code node [...]} defaults other than the goal fields (label, status,
     * participants, description, tooltip, style, fillcolor). Import applies defaults to the goals'
     * own attributes too, so they only matter for goals added later through the API and for export.
     */
    public Attributes nodeDefaults() {
        return nodeDefaults;
    }

    /** The top-level {@code edge [...]} defaults; import applies them to the dependencies' attributes too. */
    public Attributes edgeDefaults() {
        return edgeDefaults;
    }

    /** The goals in the order they were first declared. */
    public List<Goal> goals() {
        return goals;
    }

    public Optional<Goal> goal(String id) {
        Integer index = indexById.get(id);
        return index == null ? Optional.empty() : Optional.of(goals.get(index));
    }

    public boolean contains(String goalId) {
        return indexById.containsKey(goalId);
    }

    /** The dependencies in the order they were first declared. */
    public List<Dependency> dependencies() {
        return dependencies;
    }

    /**
     * How many edges Graphviz draws: one per dependency plus its {@link Dependency#moreEdges()},
     * the edges written again between the same goals.
     */
    public int edgeCount() {
        return dependencies.stream().mapToInt(Dependency::edgeCount).sum();
    }

    /** The dependency {@code from -> to}, if there is one. */
    public Optional<Dependency> dependency(String from, String to) {
        return Optional.ofNullable(dependencyByEnds.get(List.of(from, to)));
    }

    /** The top-level subgraphs and clusters in order, with their nested ones. */
    public List<Subgraph> subgraphs() {
        return subgraphs;
    }

    /**
     * The ids of the goals that {@code goalId} depends on directly, in edge order.
     *
     * @throws NoSuchElementException when there is no such goal
     */
    public List<String> prerequisites(String goalId) {
        requireGoal(goalId);
        return List.copyOf(prerequisitesById.get(goalId));
    }

    /**
     * The ids of the goals that depend directly on {@code goalId}, in edge order.
     *
     * @throws NoSuchElementException when there is no such goal
     */
    public List<String> dependents(String goalId) {
        requireGoal(goalId);
        return List.copyOf(dependentsById.get(goalId));
    }

    /**
     * Whether the goal is ready (every direct prerequisite done) or which prerequisites it waits on.
     *
     * @throws NoSuchElementException when there is no such goal
     */
    public Readiness readiness(String goalId) {
        requireGoal(goalId);
        List<String> waiting = prerequisitesById.get(goalId).stream()
                .filter(p -> goals.get(indexById.get(p)).status() != GoalStatus.DONE)
                .sorted((a, b) -> Integer.compare(indexById.get(a), indexById.get(b)))
                .toList();
        return new Readiness(goalId, waiting);
    }

    /**
     * Every goal after all its prerequisites; among goals free to come next, the one declared first
     * comes first, so the order is stable.
     */
    public List<Goal> topologicalOrder() {
        int[] missing = new int[goals.size()];
        var free = new PriorityQueue<Integer>();
        for (int i = 0; i < goals.size(); i++) {
            missing[i] = prerequisitesById.get(goals.get(i).id()).size();
            if (missing[i] == 0) {
                free.add(i);
            }
        }
        var order = new ArrayList<Goal>(goals.size());
        while (!free.isEmpty()) {
            Goal next = goals.get(free.poll());
            order.add(next);
            for (String dependent : dependentsById.get(next.id())) {
                int index = indexById.get(dependent);
                if (--missing[index] == 0) {
                    free.add(index);
                }
            }
        }
        return List.copyOf(order);
    }

    /**
     * A copy with {@code goal} added at the end, or replacing the goal of the same id in place.
     */
    public Roadmap withGoal(Goal goal) {
        return toBuilder().goal(goal).build();
    }

    /**
     * A copy in which the goal {@code goalId} is replaced by {@code change} applied to it, in place;
     * for example {@code roadmap.withGoalChanged("deploy", g -> g.withStatus(GoalStatus.DONE))}.
     *
     * @throws NoSuchElementException   when there is no such goal
     * @throws IllegalArgumentException when the change gives the goal another id
     */
    public Roadmap withGoalChanged(String goalId, UnaryOperator<Goal> change) {
        Goal before = goal(goalId).orElseThrow(() -> new NoSuchElementException("no goal '" + goalId + "' in the roadmap"));
        Goal after = change.apply(before);
        if (!after.id().equals(goalId)) {
            throw new IllegalArgumentException("a change cannot rename goal '" + goalId + "' to '" + after.id() + "'");
        }
        return withGoal(after);
    }

    /**
     * A copy without the goal, its dependencies in both directions and its subgraph memberships.
     *
     * @throws NoSuchElementException when there is no such goal
     */
    public Roadmap withoutGoal(String goalId) {
        requireGoal(goalId);
        Builder b = toBuilder();
        b.goals.remove(goalId);
        b.dependencies.removeIf(d -> d.from().equals(goalId) || d.to().equals(goalId));
        b.subgraphs.replaceAll(s -> s.without(goalId));
        return b.build();
    }

    /**
     * A copy in which {@code from} is a prerequisite of {@code to}; the same roadmap if it already is.
     *
     * @throws NoSuchElementException   when either goal is missing
     * @throws IllegalArgumentException when {@code from} equals {@code to}
     * @throws CycleException           when {@code to} is already a (direct or indirect) prerequisite
     *                                  of {@code from}; the message names the cycle
     */
    public Roadmap withDependency(String from, String to) {
        if (dependency(from, to).isPresent()) {
            requireGoal(from);
            return this;
        }
        return withDependency(new Dependency(from, to));
    }

    /**
     * A copy with {@code dependency} added, or replacing the attributes of the same edge.
     *
     * @throws NoSuchElementException   when either goal is missing
     * @throws IllegalArgumentException when it is a self-loop
     * @throws CycleException           when it would close a cycle, named in the message
     */
    public Roadmap withDependency(Dependency dependency) {
        requireGoal(dependency.from());
        requireGoal(dependency.to());
        return toBuilder().dependency(dependency).build();
    }

    /** A copy without the dependency {@code from -> to}; the same roadmap if there is none. */
    public Roadmap withoutDependency(String from, String to) {
        if (dependency(from, to).isEmpty()) {
            return this;
        }
        Builder b = toBuilder();
        b.dependencies.removeIf(d -> d.connects(from, to));
        return b.build();
    }

    /** A copy with other graph attributes. */
    public Roadmap withGraphAttributes(Attributes attributes) {
        return toBuilder().graphAttributes(attributes).build();
    }

    private void requireGoal(String goalId) {
        if (!indexById.containsKey(goalId)) {
            throw new NoSuchElementException("no goal '" + goalId + "' in the roadmap");
        }
    }

    /** A cycle as goal ids with the first repeated last, or null; found in goal order, so stable. */
    private @Nullable List<String> findCycle() {
        final int unseen = 0;
        final int onPath = 1;
        final int finished = 2;
        int[] state = new int[goals.size()];
        int[] nextEdge = new int[goals.size()];
        var path = new ArrayList<Integer>();
        for (int start = 0; start < goals.size(); start++) {
            if (state[start] != unseen) {
                continue;
            }
            path.add(start);
            state[start] = onPath;
            while (!path.isEmpty()) {
                int current = path.get(path.size() - 1);
                List<String> out = dependentsById.get(goals.get(current).id());
                if (nextEdge[current] == out.size()) {
                    state[current] = finished;
                    path.remove(path.size() - 1);
                    continue;
                }
                int next = indexById.get(out.get(nextEdge[current]++));
                if (state[next] == onPath) {
                    var cycle = new ArrayList<String>();
                    for (int i = path.indexOf(next); i < path.size(); i++) {
                        cycle.add(goals.get(path.get(i)).id());
                    }
                    cycle.add(goals.get(next).id());
                    return cycle;
                }
                if (state[next] == unseen) {
                    state[next] = onPath;
                    path.add(next);
                }
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Roadmap that
                && Objects.equals(name, that.name) && strict == that.strict
                && graphAttributes.equals(that.graphAttributes)
                && nodeDefaults.equals(that.nodeDefaults) && edgeDefaults.equals(that.edgeDefaults)
                && goals.equals(that.goals) && dependencies.equals(that.dependencies)
                && subgraphs.equals(that.subgraphs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, strict, graphAttributes, goals, dependencies, subgraphs);
    }

    @Override
    public String toString() {
        return "Roadmap[" + (name == null ? "" : name + ", ") + goals.size() + " goals, "
                + dependencies.size() + " dependencies]";
    }

    /**
     * Collects a roadmap's parts; {@link #build()} checks the roadmap's rules. A goal given twice
     * replaces the first one in place; a dependency given twice replaces the first one's attributes.
     */
    public static final class Builder {
        private @Nullable String name;
        private boolean strict;
        private Attributes graphAttributes = Attributes.empty();
        private Attributes nodeDefaults = Attributes.empty();
        private Attributes edgeDefaults = Attributes.empty();
        private final LinkedHashMap<String, Goal> goals = new LinkedHashMap<>();
        private final List<Dependency> dependencies = new ArrayList<>();
        private final Map<List<String>, Integer> dependencyIndex = new HashMap<>();
        private final List<Subgraph> subgraphs = new ArrayList<>();

        private Builder() {
        }

        public Builder name(@Nullable String name) {
            this.name = name;
            return this;
        }

        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public Builder graphAttributes(Attributes attributes) {
            this.graphAttributes = Objects.requireNonNull(attributes);
            return this;
        }

        public Builder nodeDefaults(Attributes attributes) {
            this.nodeDefaults = Objects.requireNonNull(attributes);
            return this;
        }

        public Builder edgeDefaults(Attributes attributes) {
            this.edgeDefaults = Objects.requireNonNull(attributes);
            return this;
        }

        public Builder goal(Goal goal) {
            goals.put(goal.id(), goal);
            return this;
        }

        public Builder dependency(String from, String to) {
            return dependency(new Dependency(from, to));
        }

        public Builder dependency(Dependency dependency) {
            List<String> key = List.of(dependency.from(), dependency.to());
            Integer existing = dependencyIndex.get(key);
            if (existing == null) {
                dependencyIndex.put(key, dependencies.size());
                dependencies.add(dependency);
            } else {
                dependencies.set(existing, dependency);
            }
            return this;
        }

        public Builder subgraph(Subgraph subgraph) {
            subgraphs.add(subgraph);
            return this;
        }

        /**
         * The roadmap.
         *
         * @throws NoSuchElementException   when a dependency or subgraph names a missing goal
         * @throws IllegalArgumentException when a dependency is a self-loop
         * @throws CycleException           when the dependencies form a cycle, named in the message
         */
        public Roadmap build() {
            return new Roadmap(this);
        }
    }
}
