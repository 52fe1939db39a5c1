package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * DOT as Graphviz's own test graphs, pydot's tests and profilers such as gprof2dot write it: read as
 * Graphviz reads it, checked against the real {@code dot} where it is installed.
 */
class RealWorldDotTest {

    private static final String HASH_COMMENTS = """
            # a preprocessor line
            digraph { a -> b # c -> d, a shell-like comment
              e#f [label=never]
              "g#h" [label="i#j"]
                # indented
              1#2
            }
            """;

    @Test
    void a_hash_starts_a_comment_anywhere_outside_strings_as_in_graphviz() throws Exception {
        Roadmap r = DotImporter.parse(HASH_COMMENTS);

        assertThat(r.goals()).extracting(Goal::id).containsExactly("a", "b", "e", "g#h", "1");
        assertThat(r.goal("g#h").orElseThrow().title()).isEqualTo("i#j");
        assertThat(r.dependencies()).extracting(Dependency::toString).containsExactly("a -> b");
    }

    @Test
    void hash_comments_are_read_as_the_real_dot_reads_them() throws Exception {
        assumeTrue(Graphviz.isInstalled(), "Graphviz 'dot' is not installed");
        String plain = Graphviz.plain(HASH_COMMENTS.getBytes(StandardCharsets.UTF_8));

        Roadmap r = DotImporter.parse(HASH_COMMENTS);

        assertThat(Graphviz.nodes(plain)).containsExactly("a", "b", "e", "\"g#h\"", "1");
        assertThat(Graphviz.edges(plain)).containsExactly("a->b");
        assertThat(r.goals()).hasSameSizeAs(Graphviz.nodes(plain));
    }

    @Test
    void a_profiler_node_named_by_a_long_cpp_symbol_is_a_goal() throws Exception {
        String symbol = "std::vector<std::map<std::string, int>>::emplace_back(" + "x".repeat(Goal.MAX_ID_LENGTH);
        symbol = symbol.substring(0, Goal.MAX_ID_LENGTH);
        String dot = "digraph { graph [fontname=Arial]; \"" + symbol + "\" [label=\"emplace_back\\n12.5%\"]; "
                + "main -> \"" + symbol + "\" [label=\"3x\"]; }";

        Roadmap r = DotImporter.parse(dot);

        assertThat(r.goals()).extracting(Goal::id).containsExactly(symbol, "main");
        assertThat(Goal.MAX_ID_LENGTH).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void a_too_long_id_is_refused_with_the_id_abbreviated_and_the_limit_named() {
        String id = "very_long_symbol_" + "y".repeat(Goal.MAX_ID_LENGTH) + "_end";

        assertThatThrownBy(() -> DotImporter.parse("digraph { " + id + " }"))
                .isInstanceOf(DotImportException.class)
                .hasMessage("line 1, column 11: goal id 'very_long_symbol_yyyyyyyyyyyyyyyyyyyyyyy...yyyyyyyy_end' has "
                        + id.length() + " characters, more than the " + Goal.MAX_ID_LENGTH + " allowed");
    }
}
