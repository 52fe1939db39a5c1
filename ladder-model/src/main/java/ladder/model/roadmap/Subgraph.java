package ladder.model.roadmap;

import java.util.List;
import java.util.Objects;

/**
 * A DOT subgraph (a cluster when its id starts with {@code cluster}), kept so export writes it back.
 *
 * @param id           the subgraph's id, empty for an anonymous one ({@code { rank=same; a b }})
 * @param attributes   its graph attributes ({@code label}, {@code rank}, {@code color}...)
 * @param nodeDefaults its {@code node [...]} defaults other than the goal fields (label, status,
 *                     participants, description, tooltip, style, fillcolor), which are folded into
 *                     the goals themselves
 * @param edgeDefaults its {@code edge [...]} defaults
 * @param goalIds      the goals written directly inside it (not those of nested subgraphs), in order
 * @param subgraphs    the subgraphs nested in it, in order
 */
public record Subgraph(String id, Attributes attributes, Attributes nodeDefaults, Attributes edgeDefaults,
                       List<String> goalIds, List<Subgraph> subgraphs) {
    public Subgraph {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(nodeDefaults, "nodeDefaults");
        Objects.requireNonNull(edgeDefaults, "edgeDefaults");
        String problem = DotCharacters.problem("the subgraph id '" + DotCharacters.printable(id) + "'", id);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        goalIds = List.copyOf(goalIds);
        subgraphs = List.copyOf(subgraphs);
    }

    /** A subgraph holding only goals, e.g. a cluster. */
    public static Subgraph of(String id, Attributes attributes, List<String> goalIds) {
        return new Subgraph(id, attributes, Attributes.empty(), Attributes.empty(), goalIds, List.of());
    }

    /** Whether Graphviz draws it as a box: its id starts with {@code cluster}. */
    public boolean isCluster() {
        return id.startsWith("cluster");
    }

    /** A copy without {@code goalId}, here and in nested subgraphs. */
    Subgraph without(String goalId) {
        return new Subgraph(id, attributes, nodeDefaults, edgeDefaults,
                goalIds.stream().filter(g -> !g.equals(goalId)).toList(),
                subgraphs.stream().map(s -> s.without(goalId)).toList());
    }

    /** Every goal id in it and in nested subgraphs, depth first. */
    void collectGoalIds(java.util.Collection<String> into) {
        into.addAll(goalIds);
        subgraphs.forEach(s -> s.collectGoalIds(into));
    }

    int depth() {
        return 1 + subgraphs.stream().mapToInt(Subgraph::depth).max().orElse(0);
    }
}
