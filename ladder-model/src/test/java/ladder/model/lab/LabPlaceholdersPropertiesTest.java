package ladder.model.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class LabPlaceholdersPropertiesTest {

    @Property
    void text_without_dollar_signs_is_rendered_unchanged(@ForAll @StringLength(max = 200) String text) {
        String plain = text.replace("$", "");

        assertThat(LabPlaceholders.renderComponents(plain, Map.of("shop", 8081))).isEqualTo(plain);
    }

    @Property
    void every_component_placeholder_becomes_its_port_and_none_is_left(
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String name,
            @ForAll @IntRange(min = 1, max = 65535) int port,
            @ForAll @AlphaChars @StringLength(max = 30) String around) {
        String text = around + "${url:" + name + "}" + around + "${host:" + name + "}${port:" + name + "}";

        String rendered = LabPlaceholders.renderComponents(text, Map.of(name, port));

        assertThat(rendered).isEqualTo(around + "http://127.0.0.1:" + port + around + "127.0.0.1:" + port + port);
        assertThat(LabPlaceholders.componentReferences(rendered)).isEmpty();
    }

    @Property
    void a_condition_reads_back_to_the_same_condition(
            @ForAll boolean count, @ForAll PromQlCondition.Comparator comparator, @ForAll @IntRange(min = -1000, max = 1000) int threshold) {
        String text = (count ? "count " : "") + comparator.symbol() + " " + threshold;

        PromQlCondition condition = PromQlCondition.parse(text).orElseThrow();

        assertThat(condition.subject()).isEqualTo(count ? PromQlCondition.Subject.SERIES_COUNT : PromQlCondition.Subject.EVERY_VALUE);
        assertThat(condition.comparator()).isEqualTo(comparator);
        assertThat(condition.threshold()).isEqualTo(threshold);
    }
}
