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
}
