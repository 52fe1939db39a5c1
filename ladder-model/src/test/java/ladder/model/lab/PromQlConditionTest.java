package ladder.model.lab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromQlConditionTest {

    @Test
    void count_conditions_compare_the_number_of_series() {
        PromQlCondition condition = PromQlCondition.parse("count >= 1").orElseThrow();

        assertThat(condition.subject()).isEqualTo(PromQlCondition.Subject.SERIES_COUNT);
        assertThat(condition.comparator()).isEqualTo(PromQlCondition.Comparator.GE);
        assertThat(condition.threshold()).isEqualTo(1);
        assertThat(condition.describe()).isEqualTo("at least 1 series");
    }

    @Test
    void value_conditions_apply_to_every_series() {
        PromQlCondition condition = PromQlCondition.parse("> 0.5").orElseThrow();

        assertThat(condition.subject()).isEqualTo(PromQlCondition.Subject.EVERY_VALUE);
        assertThat(condition.comparator().test(0.6, condition.threshold())).isTrue();
        assertThat(condition.comparator().test(0.5, condition.threshold())).isFalse();
        assertThat(condition.describe()).isEqualTo("at least one series, every value > 0.5000");
    }

    @Test
    void equality_and_negative_numbers_parse() {
        assertThat(PromQlCondition.parse("==1").orElseThrow().comparator()).isEqualTo(PromQlCondition.Comparator.EQ);
        assertThat(PromQlCondition.parse("count == 0").orElseThrow().describe()).isEqualTo("exactly 0 series");
        assertThat(PromQlCondition.parse("< -2").orElseThrow().threshold()).isEqualTo(-2);
        assertThat(PromQlCondition.parse("!= 3e2").orElseThrow().threshold()).isEqualTo(300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "at least one", "> ", "count", "=> 1", "> 1 or 2", "count >= one"})
    void text_that_is_no_condition_is_refused(String text) {
        assertThat(PromQlCondition.parse(text)).isEmpty();
    }

    @Test
    void numbers_are_shown_without_needless_decimals() {
        assertThat(PromQlCondition.formatNumber(2.0)).isEqualTo("2");
        assertThat(PromQlCondition.formatNumber(0.25)).isEqualTo("0.2500");
        assertThat(PromQlCondition.formatNumber(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void conditions_joined_with_and_must_all_hold_so_a_range_shows_the_value_out_of_it() {
        PromQlCondition ratio = PromQlCondition.parse("count == 1 and >= 0 and <= 1").orElseThrow();

        assertThat(ratio.test(java.util.List.of(0.4))).isTrue();
        assertThat(ratio.test(java.util.List.of(1.6))).isFalse();
        assertThat(ratio.test(java.util.List.of(0.4, 0.5))).isFalse();
        assertThat(ratio.test(java.util.List.of())).isFalse();
        assertThat(ratio.describe()).isEqualTo("exactly 1 series and every value >= 0 and every value <= 1");
        assertThat(PromQlCondition.parse("> 0 and").isEmpty()).isTrue();
        assertThat(PromQlCondition.parse("> 0 or < 1").isEmpty()).isTrue();
    }

    @Test
    void a_tolerance_is_relative_with_a_percent_sign_and_absolute_without() {
        CheckType.Tolerance relative = CheckType.Tolerance.parse("10%");
        CheckType.Tolerance absolute = CheckType.Tolerance.parse("0.01");

        assertThat(relative.accepts(0.55, 0.5)).isTrue();
        assertThat(relative.accepts(0.56, 0.5)).isFalse();
        assertThat(relative.describe()).isEqualTo("±10%");
        assertThat(absolute.accepts(0.919, 0.91)).isTrue();
        assertThat(absolute.accepts(0.979, 0.913)).isFalse();
        assertThat(absolute.accepts(Double.NaN, 0.5)).isFalse();
        assertThat(CheckType.Tolerance.parse("ten")).isNull();
        assertThat(CheckType.Tolerance.parse("-1%")).isNull();
    }
}
