package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The size limits: the largest accepted roadmap imports, one more goal, edge or byte is refused as too large. */
class LargeRoadmapTest {

    /** {@code goals} goals in a chain-like DAG with exactly {@code edges} edges from lower to higher numbers. */
    static String generated(int goals, int edges) {
        var dot = new StringBuilder("digraph generated {\n  rankdir=LR;\n");
        for (int i = 0; i < goals; i++) {
            dot.append("  \"goal ").append(i).append("\" [status=").append(GoalStatus.values()[i % 5].dotName())
                    .append(", participants=\"@p").append(i % 7).append("\", tooltip=\"Goal number ").append(i)
                    .append("\"];\n");
        }
        int written = 0;
        for (int step = 1; written < edges; step++) {
            for (int i = 0; i + step < goals && written < edges; i++, written++) {
                dot.append("  \"goal ").append(i).append("\" -> \"goal ").append(i + step).append("\";\n");
            }
        }
        return dot.append("}\n").toString();
    }

    @Test
    void the_largest_accepted_roadmap_imports_and_survives_the_round_trip() throws Exception {
        String dot = generated(DotImporter.MAX_GOALS, DotImporter.MAX_EDGES);

        Roadmap r = DotImporter.parse(dot);

        assertThat(r.goals()).hasSize(2_000);
        assertThat(r.dependencies()).hasSize(10_000);
        assertThat(r.topologicalOrder()).hasSize(2_000);
        assertThat(DotImporter.parse(DotExporter.export(r))).isEqualTo(r);
        assertThat(MarkdownTableExporter.export(r).lines()).hasSize(2_002);
        assertThat(JsonExporter.export(r)).contains("\"id\":\"goal 1999\"");
    }

    @Test
    void one_goal_too_many_is_refused_as_too_large() {
        assertThatThrownBy(() -> DotImporter.parse(generated(DotImporter.MAX_GOALS + 1, 0)))
                .isInstanceOf(DotTooLargeException.class)
                .hasMessageContaining("line 2003, column 3: more than 2000 goals");
    }

    @Test
    void one_edge_too_many_is_refused_as_too_large() {
        assertThatThrownBy(() -> DotImporter.parse(generated(200, DotImporter.MAX_EDGES + 1)))
                .isInstanceOf(DotTooLargeException.class)
                .hasMessageContaining("more than 10000 edges");
    }

    @Test
    void sets_that_multiply_into_too_many_edges_are_refused_before_they_are_built() {
        var left = new StringBuilder();
        var right = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            left.append(" l").append(i);
            right.append(" r").append(i);
        }

        assertThatThrownBy(() -> DotImporter.parse("digraph { {" + left + "} -> {" + right + "} }"))
                .isInstanceOf(DotTooLargeException.class)
                .hasMessageContaining("more than 10000 edges");
    }

    @Test
    void text_over_one_mebibyte_is_refused_as_too_large_even_when_it_is_only_a_comment() {
        String justTooLarge = "digraph { a }\n//" + "x".repeat(DotImporter.MAX_BYTES);
        String multiByte = "digraph { a }\n//" + "é".repeat(DotImporter.MAX_BYTES / 2);

        assertThatThrownBy(() -> DotImporter.parse(justTooLarge)).isInstanceOf(DotTooLargeException.class)
                .hasMessage("the DOT text has more than 1048576 bytes (1 MiB)");
        assertThatThrownBy(() -> DotImporter.parse(multiByte)).isInstanceOf(DotTooLargeException.class);
    }

    @Test
    void text_of_exactly_one_mebibyte_is_accepted() throws Exception {
        String head = "digraph { a }\n//";
        String exactly = head + "x".repeat(DotImporter.MAX_BYTES - head.length());

        assertThat(DotImporter.parse(exactly).goals()).hasSize(1);
    }
}
