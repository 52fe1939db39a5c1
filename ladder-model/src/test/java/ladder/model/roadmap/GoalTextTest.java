package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every goal the model accepts exports as DOT that imports back equal; text DOT cannot carry is
 * refused when the goal is made, naming the field, so that no write can store a roadmap that no
 * longer reads.
 */
class GoalTextTest {
    private static final List<String> PIECES = List.of("a", "Z", " ", "\"", "\\\\", "\\n", "\\l", "\n", "\r\n", "\t",
            "é", "日本", "😀", "<b>", "&amp;", "&Tab;", "#", "//", "/*", "*/", "->", "{", "}", "[", "]", ";", "=",
            "node", "@", "'", "\u00a0", "\u2028", "\ufeff", "%", ":");
    private static final List<String> REFUSED = List.of("\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001b",
            "\u001f", "\u007f", "\u0085", "\u009f", "\ud800", "\udfff", "\ufffe", "\uffff");

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)), // any UTF-16 unit: controls, lone surrogates...
                Tuple.of(4, Arbitraries.of(PIECES).list().ofMaxSize(6).map(pieces -> String.join("", pieces))));
    }

    @Provide
    Arbitrary<List<String>> anyHandles() {
        Arbitrary<String> handle = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().withChars("aZ09._-").ofMaxLength(8).map(s -> "@a" + s)),
                Tuple.of(1, anyText()));
        return handle.list().ofMaxSize(3);
    }

    @Property(tries = 1_000)
    void a_goal_that_the_model_accepts_survives_export_and_import_unchanged(
            @ForAll("anyText") String id, @ForAll("anyText") String title, @ForAll("anyText") String description,
            @ForAll GoalStatus status, @ForAll("anyHandles") List<String> participants,
            @ForAll("anyText") String attributeName, @ForAll("anyText") String attributeValue,
            @ForAll("anyText") String graphName) throws Exception {
        Roadmap r;
        try {
            Attributes attributes = Attributes.of(List.of(Attribute.of("x" + attributeName, attributeValue)));
            String goalId = id.isEmpty() ? "g" : id;
            Goal goal = new Goal(goalId, title.isEmpty() ? goalId : title, description, status, participants, attributes);
            r = Roadmap.builder().name(graphName.isEmpty() ? null : graphName).goal(goal).goal(Goal.of(goalId + "2"))
                    .dependency(goalId, goalId + "2").build();
        } catch (IllegalArgumentException refused) {
            Assume.that(false);
            return;
        }

        String dot = DotExporter.export(r);

        assertThat(DotImporter.parse(dot)).as(dot).isEqualTo(r);
    }

    static Stream<Arguments> fieldsWithRefusedCharacters() {
        List<Arguments> cases = new ArrayList<>();
        for (String bad : REFUSED) {
            String shown = bad.length() == 1 ? String.format("U+%04X", (int) bad.charAt(0)) : bad;
            cases.add(Arguments.of(shown, "goal id 'a" + shown + "b'",
                    (Function<String, Object>) text -> Goal.of("a" + text + "b")));
            cases.add(Arguments.of(shown, "the title of goal 'g'",
                    (Function<String, Object>) text -> Goal.of("g").withTitle("a" + text + "b")));
            cases.add(Arguments.of(shown, "the description of goal 'g'",
                    (Function<String, Object>) text -> Goal.of("g").withDescription("a" + text + "b")));
            cases.add(Arguments.of(shown, "participant '@a" + shown + "b' must be a handle such as @name",
                    (Function<String, Object>) text -> Goal.of("g").withParticipants(List.of("@a" + text + "b"))));
            cases.add(Arguments.of(shown, "the value of attribute 'shape'",
                    (Function<String, Object>) text -> Attribute.of("shape", "a" + text + "b")));
            cases.add(Arguments.of(shown, "the name of attribute 'a" + shown + "b'",
                    (Function<String, Object>) text -> Attribute.of("a" + text + "b", "x")));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("fieldsWithRefusedCharacters")
    void control_characters_and_lone_surrogates_are_refused_naming_the_field(
            String character, String field, Function<String, Object> make) {
        String bad = character.startsWith("U+") ? Character.toString(Integer.parseInt(character.substring(2), 16)) : character;

        assertThatThrownBy(() -> make.apply(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field)
                .hasMessageNotContaining(bad);
    }

    @Test
    void the_nul_participant_of_the_issue_is_refused_before_it_can_be_stored() {
        assertThatThrownBy(() -> Goal.of("a").withParticipants(List.of("@a\u0000b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("participant '@aU+0000b' must be a handle such as @name: after the @ a letter or digit, "
                        + "then at most 62 letters, digits, '.', '_' or '-'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"@valentyinboyanov", "@valentinboyanov", "@igarridot", "@i", "@v", "@Ada.Lovelace-1_x",
            "@012345678901234567890123456789012345678901234567890123456789012"})
    void handles_of_the_seed_and_of_accounts_are_participants(String handle) {
        assertThat(Goal.isHandle(handle)).isTrue();
        assertThat(Goal.of("a").withParticipants(List.of(handle)).participants()).containsExactly(handle);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@", "@.a", "@-a", "@_a", "@a/b", "@a:b", "@é", "@a\u200bb", "a@b", "@@a",
            "@01234567890123456789012345678901234567890123456789012345678901234"})
    void other_handles_are_refused(String handle) {
        assertThat(Goal.isHandle(handle)).isFalse();
        assertThatThrownBy(() -> Goal.of("a").withParticipants(List.of(handle)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a handle such as @name");
    }

    @Test
    void a_control_character_in_dot_text_is_refused_at_its_string() {
        assertThatThrownBy(() -> DotImporter.parse("digraph {\n  a [label=\"one\u0001two\"]\n}"))
                .isInstanceOfSatisfying(DotImportException.class, e -> {
                    assertThat(e.line()).hasValue(2);
                    assertThat(e.column()).hasValue(12);
                    assertThat(e.reason()).isEqualTo(
                            "the string contains the control character U+0001 at position 4, which a roadmap cannot hold");
                });
        assertThatThrownBy(() -> DotImporter.parse("digraph { a\u0085b }")).hasMessageContaining("the id contains the control character U+0085");
    }

    @Test
    void an_attribute_that_is_a_goal_field_is_refused_on_the_goal() {
        assertThatThrownBy(() -> Goal.of("a").withAttributes(Attributes.of(java.util.Map.of("status", "done"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attribute 'status' of goal 'a' is a field of the goal: set its status");
        assertThatThrownBy(() -> Goal.of("a").withAttributes(Attributes.of(java.util.Map.of("label", "x"))))
                .hasMessageContaining("set its title");
    }

    @Test
    void an_html_value_with_unbalanced_brackets_is_refused() {
        assertThatThrownBy(() -> new Attribute("label", "<b x", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the HTML value of attribute 'label' must have balanced '<' and '>' to be written as a DOT HTML string");
        assertThatThrownBy(() -> new Attribute("label", "x> <y", true)).hasMessageContaining("balanced");
        assertThat(new Attribute("label", "<b>x</b>", true).value()).isEqualTo("<b>x</b>");
    }

    @Test
    void dot_whose_goal_the_model_cannot_hold_is_refused_as_dot_not_with_a_runtime_exception() {
        // the fill colour only encodes the status, so "filled" goes: what is left ends with a lone backslash
        assertThatThrownBy(() -> DotImporter.parse("digraph {\n  a [style=\"x\\,filled\", fillcolor=green]\n}"))
                .isInstanceOfSatisfying(DotImportException.class, e -> {
                    assertThat(e.line()).hasValue(2);
                    assertThat(e.reason()).isEqualTo("the value of attribute 'style' ends with a backslash, which DOT cannot write: double it");
                });
    }
}
