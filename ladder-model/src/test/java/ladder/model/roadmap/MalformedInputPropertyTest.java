package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, the importer answers with a roadmap or a {@link DotImportException}, never another failure. */
class MalformedInputPropertyTest {
    private static final String SEED = Resources.text("/seed/roadmap.gv");
    private static final String RICH = """
            strict digraph "plan" { rankdir=LR; node [shape=box] edge [color=grey]
              a [label=<<b>A</b>>, status=done, participants="@ana"] // comment
              subgraph cluster_x { label="X"; b -> c:n:s } /* block */
              {d e} -> f -> {g} [penwidth=2]
            }
            """;

    @Property(tries = 500)
    void edited_dot_is_read_or_refused_with_a_dot_import_exception(@ForAll("editedDot") String text) {
        assertThat(outcome(text)).isNotNull();
    }

    @Property(tries = 300)
    void arbitrary_text_is_read_or_refused_with_a_dot_import_exception(@ForAll String text) {
        assertThat(outcome(text)).isNotNull();
    }

    /** The roadmap, or the refusal; any other exception fails the property. */
    private static Object outcome(String text) {
        try {
            return DotImporter.parse(text);
        } catch (DotImportException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            refused.line().ifPresent(line -> assertThat(line).isPositive());
            return refused;
        }
    }

    @Provide
    Arbitrary<String> editedDot() {
        Arbitrary<String> base = Arbitraries.of(SEED, RICH);
        Arbitrary<String> pieces = Arbitraries.of("{", "}", "[", "]", "\"", "<", ">", "->", "--", ";", ",", "=", ":",
                "/*", "*/", "//", "\n#", "\\", "+", "subgraph", "node", "digraph", "graph", "strict", "x", "-", ".5", "\0");
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 6),
                pieces, Arbitraries.of(true, false)).as(Edit::new);
        return Combinators.combine(base, edit.list().ofMinSize(1).ofMaxSize(4)).as(MalformedInputPropertyTest::apply);
    }

    private record Edit(double at, int deleted, String inserted, boolean insert) {
    }

    private static String apply(String text, List<Edit> edits) {
        String result = text;
        for (Edit e : edits) {
            int at = (int) (e.at() * result.length());
            int end = Math.min(result.length(), at + e.deleted());
            result = result.substring(0, at) + (e.insert() ? e.inserted() : "") + result.substring(end);
        }
        return result;
    }
}
