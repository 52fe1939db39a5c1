package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoadmapDiffTest {

    @Test
    void the_diff_of_a_roadmap_with_itself_is_empty() throws Exception {
        Roadmap seed = SeedRoadmapTest.seed();

        assertThat(RoadmapDiff.between(seed, seed).isEmpty()).isTrue();
    }

    @Test
    void added_removed_and_changed_goals_and_dependencies_are_listed() throws Exception {
        Roadmap before = DotImporter.parse("""
                digraph { a [label=A]; b; c [participants="@ana"]; a -> b; b -> c }
                """);
        Roadmap after = DotImporter.parse("""
                digraph { a [label="A new", status=done]; c [participants="@ana @bob", shape=box]; d; a -> c; c -> d }
                """);

        RoadmapDiff diff = RoadmapDiff.between(before, after);

        assertThat(diff.goalsAdded()).extracting(Goal::id).containsExactly("d");
        assertThat(diff.goalsRemoved()).extracting(Goal::id).containsExactly("b");
        assertThat(diff.goalsChanged()).extracting(RoadmapDiff.GoalChange::id).containsExactly("a", "c");
        assertThat(diff.goalsChanged().get(0).fields())
                .containsExactlyInAnyOrder(RoadmapDiff.Field.TITLE, RoadmapDiff.Field.STATUS);
        assertThat(diff.goalsChanged().get(1).fields())
                .containsExactlyInAnyOrder(RoadmapDiff.Field.PARTICIPANTS, RoadmapDiff.Field.ATTRIBUTES);
        assertThat(diff.dependenciesAdded()).extracting(Dependency::toString).containsExactly("a -> c", "c -> d");
        assertThat(diff.dependenciesRemoved()).extracting(Dependency::toString).containsExactly("a -> b", "b -> c");
        assertThat(diff.graphChanged()).isFalse();
        assertThat(diff.isEmpty()).isFalse();
    }

    @Test
    void a_change_of_graph_attributes_or_subgraphs_only_is_noticed() throws Exception {
        Roadmap before = DotImporter.parse("digraph { rankdir=TB; a }");

        assertThat(RoadmapDiff.between(before, DotImporter.parse("digraph { rankdir=LR; a }")).graphChanged()).isTrue();
        assertThat(RoadmapDiff.between(before, DotImporter.parse("digraph { rankdir=TB; subgraph cluster_x { a } }"))
                .graphChanged()).isTrue();
    }

    @Test
    void a_description_change_is_named() {
        Roadmap before = Roadmap.builder().goal(Goal.of("a")).build();
        Roadmap after = before.withGoal(Goal.of("a").withDescription("Now described"));

        assertThat(RoadmapDiff.between(before, after).goalsChanged())
                .singleElement().satisfies(c -> {
                    assertThat(c.fields()).containsExactly(RoadmapDiff.Field.DESCRIPTION);
                    assertThat(c.before().description()).isEmpty();
                    assertThat(c.after().description()).isEqualTo("Now described");
                });
        assertThat(RoadmapDiff.between(before, after).goalsAdded()).isEqualTo(List.of());
    }
}
