package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
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
}
