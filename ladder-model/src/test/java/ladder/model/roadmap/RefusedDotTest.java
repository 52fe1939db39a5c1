package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/roadmap?goal=a&amp;view=full", "http://example.org/x:y", "#top",
            "docs/page.html", "/roadmaps/1?at=12:30", "//example.org/a", "mailto:team@example.org", "",
            "page.html#section:2", "HTTPS://EXAMPLE.ORG"})
    void links_that_are_relative_or_to_the_web_or_mail_are_kept(String link) throws Exception {
        Roadmap r = DotImporter.parse("digraph { a [URL=\"" + link + "\", tooltip=\"Open me\"]; a -> b [labelhref=\"" + link + "\"] }");

        assertThat(r.goal("a").orElseThrow().attributes().get("URL")).hasValue(link);
        assertThat(r.dependencies().get(0).attributes().get("labelhref")).hasValue(link);
    }

    @Test
    void goal_ids_and_titles_that_spell_a_script_are_text_once_no_link_can_copy_them() throws Exception {
        Roadmap r = DotImporter.parse("digraph { \"java&Tab;script:alert(1)\" [label=\"javascript:alert(2)\", URL=\"/goals/1\"] }");

        assertThat(r.goals()).extracting(Goal::id).containsExactly("java&Tab;script:alert(1)");
        assertThat(r.goals().get(0).title()).isEqualTo("javascript:alert(2)");
    }

    @Test
    void the_model_refuses_an_unsafe_link_or_description_however_it_is_built() {
        assertThatThrownBy(() -> Attribute.of("URL", "java&Tab;script:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("javascript: link");
        assertThatThrownBy(() -> Attribute.of("href", "\\N"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("escape '\\N'");
        assertThatThrownBy(() -> Attribute.of("image", "/etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read files");
        assertThatThrownBy(() -> Goal.of("a").withDescription("&#106;avascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'description' contains a javascript: link");
    }
}
