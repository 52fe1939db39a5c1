package ladder.model.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RungTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            SYMBOLS,         symbols,         1, Symbols,            —
            DATA,            data,            2, Data,               + syntax
            INFORMATION,     information,     3, Information,        + meaning
            KNOWLEDGE,       knowledge,       4, Knowledge,          + linking to context and experience
            ABILITY,         ability,         5, Ability (know-how), + application
            ACTION,          action,          6, Action,             + will
            COMPETENCE,      competence,      7, Competence,         + acting correctly (recognised by others)
            COMPETITIVENESS, competitiveness, 8, Competitiveness,    + uniqueness
            """)
    void each_rung_has_norths_level_name_and_what_it_adds(Rung rung, String id, int level, String displayName,
                                                          String adds) {
        assertThat(rung.id()).isEqualTo(id);
        assertThat(rung.level()).isEqualTo(level);
        assertThat(rung.displayName()).isEqualTo(displayName);
        assertThat(rung.adds()).isEqualTo(adds);
    }

    @ParameterizedTest
    @EnumSource(Rung.class)
    void each_rung_has_a_help_paragraph_of_its_own(Rung rung) {
        assertThat(rung.help()).hasSizeGreaterThan(80).doesNotContain("\n");
        assertThat(Arrays.stream(Rung.values()).filter(other -> other.help().equals(rung.help()))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Rung.class)
    void parse_reads_back_every_id(Rung rung) {
        assertThat(Rung.parse(rung.id())).isSameAs(rung);
    }

    @Test
    void parse_ignores_case_and_surrounding_blanks() {
        assertThat(Rung.parse("  Ability\t")).isEqualTo(Rung.ABILITY);
    }

    @Test
    void parse_of_an_unknown_id_names_it_and_lists_the_valid_ids_in_ladder_order() {
        assertThatThrownBy(() -> Rung.parse("wisdom"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown rung 'wisdom'; valid rungs: symbols, data, information, knowledge, ability,"
                        + " action, competence, competitiveness");
    }

    @Test
    void next_climbs_one_rung_and_stops_at_the_top() {
        assertThat(Rung.SYMBOLS.next()).contains(Rung.DATA);
        assertThat(Rung.ABILITY.next()).contains(Rung.ACTION);
        assertThat(Rung.COMPETITIVENESS.next()).isEmpty();
    }

    @Test
    void is_at_least_follows_the_ladder_order() {
        assertThat(Rung.ACTION.isAtLeast(Rung.ABILITY)).isTrue();
        assertThat(Rung.ACTION.isAtLeast(Rung.ACTION)).isTrue();
        assertThat(Rung.KNOWLEDGE.isAtLeast(Rung.ABILITY)).isFalse();
    }
}
