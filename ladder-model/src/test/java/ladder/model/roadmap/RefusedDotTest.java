package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The corpus of malformed and hostile DOT in {@code dot/refused/}, indexed by {@code refused.tsv}. */
class RefusedDotTest {

    static Stream<Arguments> refusedFiles() {
        return Resources.text("/dot/refused/refused.tsv").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", 2))
                .map(cells -> Arguments.of(cells[0], cells[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void each_refused_file_is_refused_with_its_message(String file, String expectedFragment) {
        String dot = Resources.text("/dot/refused/" + file);

        assertThatThrownBy(() -> DotImporter.parse(dot))
                .isInstanceOf(DotImportException.class)
                .isNotInstanceOf(DotTooLargeException.class)
                .hasMessageContaining(expectedFragment);
    }

    @Test
    void the_corpus_holds_at_least_thirty_files() {
        assertThat(refusedFiles()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void a_syntax_error_carries_its_line_and_column_apart_from_the_reason() {
        assertThatThrownBy(() -> DotImporter.parse("digraph {\n  a [label \"x\"];\n}\n"))
                .isInstanceOfSatisfying(DotImportException.class, e -> {
                    assertThat(e.line()).hasValue(2);
                    assertThat(e.column()).hasValue(12);
                    assertThat(e.reason()).isEqualTo("expected '=' after attribute 'label' but found \"x\"");
                });
    }

    @Test
    void a_cycle_has_no_place_in_the_text_but_is_named() {
        assertThatThrownBy(() -> DotImporter.parse("digraph { a -> b -> c -> a }"))
                .isInstanceOfSatisfying(DotImportException.class, e -> {
                    assertThat(e.line()).isEmpty();
                    assertThat(e.column()).isEmpty();
                    assertThat(e.getMessage()).isEqualTo("cycle: a -> b -> c -> a");
                });
    }
}
