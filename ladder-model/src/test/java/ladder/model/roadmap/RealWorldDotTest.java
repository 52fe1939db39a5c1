package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"charset=latin1;", "graph [charset=\"ISO-8859-1\"];", "charset=L1", "charset=\"latin-1\"",
            "graph [fontname=Arial, charset=\"ISO_8859-1\"]"})
    void a_latin1_file_that_says_so_imports_as_unicode_without_its_declaration(String declaration) throws Exception {
        byte[] latin1 = ("digraph {\n  " + declaration + "\n  caf\u00e9 [label=\"Caf\u00e9 cr\u00e8me\"];\n  caf\u00e9 -> na\u00efve\n}\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        Roadmap r = DotImporter.parse(latin1);

        assertThat(r.goals()).extracting(Goal::id).containsExactly("café", "naïve");
        assertThat(r.goal("café").orElseThrow().title()).isEqualTo("Café crème");
        assertThat(r.graphAttributes().contains("charset")).isFalse();
        String exported = DotExporter.export(r);
        assertThat(exported).doesNotContain("charset").contains("Café crème");
        assertThat(DotImporter.parse(exported.getBytes(StandardCharsets.UTF_8))).isEqualTo(r);
    }

    @Test
    void a_latin1_file_renders_after_import_as_the_real_dot_renders_the_original() throws Exception {
        assumeTrue(Graphviz.isInstalled(), "Graphviz 'dot' is not installed");
        byte[] latin1 = "digraph { charset=latin1; a [label=\"Caf\u00e9\"] }".getBytes(StandardCharsets.ISO_8859_1);
        String converted = "digraph { charset=latin1; a [label=\"Caf\u00e9\"] }"; // converted to Unicode, declaration kept

        String original = Graphviz.plain(latin1);
        String imported = Graphviz.plain(DotExporter.export(DotImporter.parse(latin1)).getBytes(StandardCharsets.UTF_8));
        String fromText = Graphviz.plain(DotExporter.export(DotImporter.parse(converted)).getBytes(StandardCharsets.UTF_8));

        assertThat(Graphviz.labels(original)).containsExactly("Café");
        assertThat(Graphviz.labels(imported)).containsExactly("Café");
        assertThat(Graphviz.labels(fromText)).as("no mojibake").containsExactly("Café");
    }

    @Test
    void latin1_reads_the_windows_1252_characters_that_such_files_mean_as_browsers_do() throws Exception {
        byte[] bytes = "digraph { a [label=\"\u201cquoted\u201d \u2013 5 \u20ac\"]; charset=latin1 }".getBytes("windows-1252");

        assertThat(DotImporter.parse(bytes).goal("a").orElseThrow().title()).isEqualTo("\u201cquoted\u201d \u2013 5 \u20ac");
        assertThatThrownBy(() -> DotImporter.parse(new byte[] {'d', 'i', 'g', 'r', 'a', 'p', 'h', '{', '"', (byte) 0x81, '"',
                ' ', 'c', 'h', 'a', 'r', 's', 'e', 't', '=', 'l', '1', '}'}))
                .hasMessage("line 1, column 9: the string contains the control character U+0081 at position 1, "
                        + "which a roadmap cannot hold");
    }

    @Test
    void unicode_text_that_still_declares_latin1_loses_the_declaration() throws Exception {
        Roadmap r = DotImporter.parse("digraph { graph [charset=latin1, rankdir=LR]; a [label=\"Caf\u00e9\"] }");

        assertThat(r.graphAttributes().asMap()).containsOnlyKeys("rankdir");
        assertThat(DotExporter.export(r)).doesNotContain("charset");
    }

    @Test
    void a_file_converted_to_utf8_that_kept_its_latin1_declaration_is_read_as_utf8() throws Exception {
        byte[] utf8 = "digraph { charset=latin1; a [label=\"Caf\u00e9\"] }".getBytes(StandardCharsets.UTF_8);

        assertThat(DotImporter.parse(utf8).goal("a").orElseThrow().title()).isEqualTo("Café");
    }

    @Test
    void bytes_that_are_not_utf8_and_declare_nothing_are_refused_at_the_first_bad_byte() {
        byte[] latin1 = "digraph {\n  a [label=\"Caf\u00e9\"]\n}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> DotImporter.parse(latin1))
                .isInstanceOfSatisfying(DotImportException.class, e -> {
                    assertThat(e.line()).hasValue(2);
                    assertThat(e.column()).hasValue(16);
                    assertThat(e.reason()).isEqualTo("the text is not valid UTF-8 (byte 0xE9); "
                            + "if it is ISO-8859-1 (Latin-1), declare charset=latin1 in the graph");
                });
    }

    @Test
    void a_charset_on_a_node_or_in_a_subgraph_is_no_declaration_of_the_file() {
        byte[] latin1 = "digraph { a [charset=latin1, label=\"\u00e9\"]; subgraph s { charset=latin1 } }"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> DotText.decode(latin1)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void utf8_with_a_byte_order_mark_and_big5_that_says_so_decode_too() throws Exception {
        byte[] bom = "\uFEFFdigraph { charset=latin1; \u00e9 }".getBytes(StandardCharsets.UTF_8);
        byte[] big5 = "digraph { charset=big5; \u4e2d\u6587 }".getBytes(java.nio.charset.Charset.forName("Big5"));

        assertThat(DotImporter.parse(bom).goals()).extracting(Goal::id).containsExactly("é");
        assertThat(DotImporter.parse(big5).goals()).extracting(Goal::id).containsExactly("中文");
    }

    private static final String EDGE_TWICE = """
            digraph {
              a -> b [label="calls: 3"];
              a:out -> b:n [label="returns", color=red];
              b -> c;
            }
            """;

    @Test
    void an_edge_written_twice_is_one_dependency_that_keeps_both_drawings() throws Exception {
        Roadmap r = DotImporter.parse(EDGE_TWICE);

        assertThat(r.dependencies()).hasSize(2);
        assertThat(r.prerequisites("b")).containsExactly("a");
        Dependency ab = r.dependency("a", "b").orElseThrow();
        assertThat(ab.attributes().asMap()).containsExactly(entry("label", "calls: 3"));
        assertThat(ab.moreEdges()).singleElement().satisfies(more -> assertThat(more.asMap()).containsExactly(
                entry("tailport", "out"), entry("headport", "n"), entry("label", "returns"), entry("color", "red")));
        assertThat(r.edgeCount()).isEqualTo(3);
        assertThat(DotImporter.parse(DotExporter.export(r))).isEqualTo(r);
    }

    @Test
    void edges_written_twice_are_drawn_after_import_as_the_real_dot_draws_the_original() throws Exception {
        assumeTrue(Graphviz.isInstalled(), "Graphviz 'dot' is not installed");
        String strict = "strict " + EDGE_TWICE;

        for (String original : java.util.List.of(EDGE_TWICE, strict)) {
            String exported = DotExporter.export(DotImporter.parse(original));

            assertThat(Graphviz.edges(Graphviz.plain(exported.getBytes(StandardCharsets.UTF_8))))
                    .as(exported).isEqualTo(Graphviz.edges(Graphviz.plain(original.getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(DotImporter.parse(strict).edgeCount()).isEqualTo(2);
        assertThat(DotImporter.parse(strict).dependency("a", "b").orElseThrow().attributes().asMap())
                .containsEntry("label", "returns").containsEntry("color", "red");
    }

    @Test
    void a_strict_roadmap_cannot_draw_a_dependency_twice() {
        var twice = new Dependency("a", "b", Attributes.empty(), java.util.List.of(Attributes.of(java.util.Map.of("color", "red"))));
        var builder = Roadmap.builder().strict(true).goal(Goal.of("a")).goal(Goal.of("b")).dependency(twice);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a strict graph draws one edge per pair");
    }
}
