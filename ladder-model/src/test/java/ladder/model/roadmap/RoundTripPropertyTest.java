package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random roadmaps (ids and texts with blanks, quotes, backslash escapes, unicode, newlines; random
 * statuses, participants, unknown and HTML attributes, defaults, nested subgraphs, edges drawn
 * several times) survive
 * export then import unchanged.
 */
class RoundTripPropertyTest {
    private static final List<String> TEXT_PIECES = List.of("a", "Z", "_", "0", "7", " ", "\"", "é", "日本",
            "😀", "\\n", "\\\\", "-", ".", "<", ">", "{", "}", "[", "]", "\n", ";", "=", "#", "/", "*", "->",
            "node", "Graph", "\t", "'", "@", "%");

    @Property(tries = 300)
    void a_roadmap_survives_export_and_import_unchanged(@ForAll("roadmaps") Roadmap roadmap) throws Exception {
        String dot = DotExporter.export(roadmap);

        Roadmap back = DotImporter.parse(dot);

        assertThat(back).as(dot).isEqualTo(roadmap);
        assertThat(DotExporter.export(back)).isEqualTo(dot);
    }

    @Property(tries = 100)
    void the_rendering_text_of_a_roadmap_is_valid_dot_too(@ForAll("roadmaps") Roadmap roadmap) throws Exception {
        Roadmap rendered = DotImporter.parse(DotExporter.forRendering(roadmap));

        assertThat(rendered.goals()).hasSize(roadmap.goals().size() + GoalStatus.values().length);
    }

    @Provide
    Arbitrary<Roadmap> roadmaps() {
        Arbitrary<List<String>> ids = text(1, 6).list().ofMinSize(1).ofMaxSize(10).uniqueElements();
        return ids.flatMap(goalIds -> Combinators.combine(
                        goals(goalIds),
                        edges(goalIds),
                        subgraphs(goalIds, 2).list().ofMaxSize(3),
                        attributes(GRAPH_NAMES),
                        attributes(NODE_NAMES),
                        attributes(EDGE_NAMES),
                        text(0, 4).injectNull(0.5),
                        Arbitraries.of(true, false))
                .as((goals, edges, subgraphs, graphAttributes, nodeDefaults, edgeDefaults, name, strict) -> {
                    var builder = Roadmap.builder().name(name).strict(strict).graphAttributes(graphAttributes)
                            .nodeDefaults(nodeDefaults).edgeDefaults(edgeDefaults);
                    goals.forEach(builder::goal);
                    // a strict graph draws one edge per pair: Graphviz merges the others
                    edges.forEach(d -> builder.dependency(strict ? new Dependency(d.from(), d.to(), d.attributes()) : d));
                    subgraphs.forEach(builder::subgraph);
                    return builder.build();
                }));
    }

    private static final List<String> GRAPH_NAMES = List.of("rankdir", "label", "splines", "x custom", "bgcolor");
    private static final List<String> NODE_NAMES = List.of("shape", "color", "x_custom", "my attr", "group", "xlabel");
    private static final List<String> EDGE_NAMES = List.of("color", "label", "penwidth", "headport", "x-custom");

    private static Arbitrary<String> text(int minPieces, int maxPieces) {
        return Arbitraries.of(TEXT_PIECES).list().ofMinSize(minPieces).ofMaxSize(maxPieces)
                .map(pieces -> String.join("", pieces));
    }

    private static Arbitrary<Attribute> attribute(List<String> names) {
        Arbitrary<Attribute> plain = Combinators.combine(Arbitraries.of(names), text(0, 5)).as(Attribute::of);
        Arbitrary<Attribute> html = Combinators.combine(Arbitraries.of(names), Arbitraries.strings().alpha().ofMaxLength(6))
                .as((name, word) -> new Attribute(name, "<b>" + word + "</b> <i>x</i>", true));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, plain),
                net.jqwik.api.Tuple.of(1, html));
    }

    private static Arbitrary<Attributes> attributes(List<String> names) {
        return attribute(names).list().ofMaxSize(3).map(Attributes::of);
    }

    private static Arbitrary<Attributes> goalAttributes() {
        Arbitrary<Attribute> special = Arbitraries.of(
                Attribute.of("style", "rounded"), Attribute.of("style", "dashed"), Attribute.of("style", "filled"),
                Attribute.of("style", ""), Attribute.of("fillcolor", "lightblue"), Attribute.of("fillcolor", "#ffcc00"));
        Arbitrary<Attribute> tooltip = text(0, 4).map(t -> Attribute.of("tooltip", t));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, attribute(NODE_NAMES)),
                        net.jqwik.api.Tuple.of(2, special),
                        net.jqwik.api.Tuple.of(1, tooltip))
                .list().ofMaxSize(4).map(Attributes::of);
    }

    private static Arbitrary<List<Goal>> goals(List<String> ids) {
        Arbitrary<List<String>> participants = Combinators.combine(
                        Arbitraries.strings().withChars("aZ09").ofLength(1),
                        Arbitraries.strings().withChars("abcxyzAZ_019.-").ofMaxLength(6))
                .as((first, rest) -> "@" + first + rest).list().ofMaxSize(3);
        List<Arbitrary<Goal>> perId = ids.stream().map(id -> Combinators.combine(
                        text(0, 5).injectNull(0.4), text(0, 6), Arbitraries.of(GoalStatus.class), participants, goalAttributes())
                .as((title, description, status, people, attributes) ->
                        new Goal(id, title == null ? id : title, description, status, people, attributes)))
                .toList();
        return Combinators.combine(perId).as(ArrayList::new);
    }

    /** Edges only from an earlier goal to a later one, so the graph is acyclic. */
    private static Arbitrary<List<Dependency>> edges(List<String> ids) {
        if (ids.size() < 2) {
            return Arbitraries.just(List.of());
        }
        Arbitrary<Dependency> edge = Combinators.combine(
                        Arbitraries.integers().between(0, ids.size() - 2),
                        Arbitraries.integers().between(1, ids.size() - 1),
                        attributes(EDGE_NAMES),
                        attributes(EDGE_NAMES).list().ofMaxSize(2))
                .as((from, offset, attributes, moreEdges) -> new Dependency(ids.get(from),
                        ids.get(Math.min(ids.size() - 1, from + offset)), attributes, moreEdges));
        return edge.list().ofMaxSize(ids.size() * 2).map(list -> {
            var unique = new java.util.LinkedHashMap<List<String>, Dependency>();
            list.forEach(d -> unique.putIfAbsent(List.of(d.from(), d.to()), d));
            return new ArrayList<>(unique.values());
        });
    }

    private static Arbitrary<Subgraph> subgraphs(List<String> ids, int depth) {
        Arbitrary<List<Subgraph>> nested = depth == 0
                ? Arbitraries.just(List.of())
                : Arbitraries.lazy(() -> subgraphs(ids, depth - 1)).list().ofMaxSize(2);
        Arbitrary<String> subgraphId = Arbitraries.oneOf(Arbitraries.just(""), text(1, 3).map(t -> "cluster_" + t), text(1, 3));
        return Combinators.combine(subgraphId, attributes(GRAPH_NAMES), attributes(NODE_NAMES), attributes(EDGE_NAMES),
                        Arbitraries.of(ids).list().ofMaxSize(4).map(list -> List.copyOf(new LinkedHashSet<>(list))), nested)
                .as(Subgraph::new);
    }
}
