package ladder.model.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import ladder.model.ladder.Rung;
import org.junit.jupiter.api.Test;

class LabDefinitionTest {

    private static CheckSpec check(String id, List<String> needs, List<String> runsAfter) {
        return new CheckSpec(id, "checks " + id, "look at " + id, CheckSpec.DEFAULT_TIMEOUT, null, needs, List.of(),
                List.of(), new CheckType.FileContains("prometheus.yml", id), null, runsAfter);
    }

    private static CheckSpec check(String id, String... needs) {
        return check(id, List.of(needs), List.of());
    }

    private static LabDefinition lab(CheckSpec... checks) {
        return new LabDefinition("lab", "Lab", "A lab", List.of("metrics"), Rung.ABILITY, Duration.ofMinutes(30),
                List.of(new ComponentSpec("prometheus", ComponentKind.PROMETHEUS, "prometheus.yml", List.of(), null)),
                List.of(checks));
    }

    @Test
    void checks_that_need_each_other_in_a_circle_are_refused_with_the_circle_named() {
        assertThatThrownBy(() -> lab(check("valid"), check("a", "valid", "c"), check("b", "a"), check("c", "b")))
                .isInstanceOfSatisfying(NeedsCycleException.class,
                        e -> assertThat(e.cycle()).containsExactly("a", "c", "b", "a"))
                .hasMessage("checks need each other in a circle: a -> c -> b -> a");
    }

    @Test
    void a_circle_through_runs_after_is_refused_too() {
        assertThatThrownBy(() -> lab(check("a", List.of(), List.of("b")), check("b", "a")))
                .isInstanceOfSatisfying(NeedsCycleException.class,
                        e -> assertThat(e.cycle()).containsExactly("a", "b", "a"));
    }

    @Test
    void a_check_that_needs_itself_or_an_unknown_check_or_shares_an_id_is_refused() {
        assertThatThrownBy(() -> lab(check("a", "a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a' waits for itself");
        assertThatThrownBy(() -> lab(check("a", "nowhere"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nowhere', which is not a check of the lab");
        assertThatThrownBy(() -> lab(check("a"), check("a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two checks have the id 'a'");
    }

    @Test
    void checks_in_needs_order_put_each_check_after_what_it_needs_and_otherwise_keep_the_definition_order() {
        LabDefinition lab = lab(check("alert", "rule", "routing"), check("rule", "valid"), check("valid"),
                check("routing", List.of(), List.of("valid")), check("free"));

        assertThat(lab.checksInNeedsOrder()).extracting(CheckSpec::id)
                .containsExactly("valid", "rule", "routing", "alert", "free");
        assertThat(lab.checks()).extracting(CheckSpec::id).containsExactly("alert", "rule", "valid", "routing", "free");
    }

    @Test
    void transitive_needs_follow_needs_but_not_runs_after() {
        LabDefinition lab = lab(check("valid"), check("rule", "valid"), check("alert", List.of("rule"), List.of("free")),
                check("free"));

        assertThat(lab.transitiveNeeds("alert")).containsExactlyInAnyOrder("rule", "valid");
        assertThat(lab.transitiveNeeds("valid")).isEmpty();
        assertThatThrownBy(() -> lab.transitiveNeeds("nowhere")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hint_tiers_grow_to_the_last_one_and_never_reach_the_answer() {
        CheckSpec tiered = new CheckSpec("rule", "d", "concept", CheckSpec.DEFAULT_TIMEOUT, null, List.of(), List.of(),
                List.of(), new CheckType.FileContains("f", "x"), null, List.of(), List.of("more", "most"), "answer");
        CheckSpec single = check("single");

        assertThat(List.of(tiered.hint(0), tiered.hint(1), tiered.hint(2), tiered.hint(7)))
                .containsExactly("concept", "more", "most", "most");
        assertThat(tiered.hintTiers()).isEqualTo(3);
        assertThat(single.hint(3)).isEqualTo("look at single");
        assertThat(single.answer()).isNull();
        assertThatThrownBy(() -> tiered.hint(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
