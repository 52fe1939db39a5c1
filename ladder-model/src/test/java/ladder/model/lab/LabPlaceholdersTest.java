package ladder.model.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LabPlaceholdersTest {

    private static final Map<String, Integer> PORTS = Map.of("prometheus", 9091, "shop", 8081);

    @Test
    void component_placeholders_become_url_host_and_port() {
        String rendered = LabPlaceholders.renderComponents(
                "a: ${url:shop}/x\nb: ['${host:prometheus}']\nc: ${port:shop}", PORTS);

        assertThat(rendered).isEqualTo("a: http://127.0.0.1:8081/x\nb: ['127.0.0.1:9091']\nc: 8081");
    }

    @Test
    void relabel_references_and_templates_are_left_alone() {
        String text = "replacement: ${1}\nsummary: '{{ $labels.job }}' ${traceId}";

        assertThat(LabPlaceholders.renderComponents(text, PORTS)).isEqualTo(text);
    }

    @Test
    void an_unknown_component_is_named_with_the_known_ones() {
        assertThatThrownBy(() -> LabPlaceholders.renderComponents("${url:zipkin}", PORTS))
                .hasMessageContaining("${url:zipkin}")
                .hasMessageContaining("prometheus, shop");
    }

    @Test
    void captured_values_are_inserted_through_the_transform() {
        String pattern = LabPlaceholders.renderCaptures("traceId=${traceId}", Map.of("traceId", "a.b"), Pattern::quote);

        assertThat(Pattern.compile(pattern).matcher("traceId=a.b").find()).isTrue();
        assertThat(Pattern.compile(pattern).matcher("traceId=axb").find()).isFalse();
    }

    @Test
    void a_capture_nobody_made_is_an_error_naming_it() {
        assertThatThrownBy(() -> LabPlaceholders.renderCaptures("${traceId}", Map.of(), value -> value))
                .hasMessageContaining("${traceId}")
                .hasMessageContaining("captured: nothing");
    }

    @Test
    void references_are_listed_in_order() {
        assertThat(LabPlaceholders.componentReferences("${host:a} ${url:b} ${1}"))
                .containsExactly(new LabPlaceholders.Reference("host", "a"), new LabPlaceholders.Reference("url", "b"));
        assertThat(LabPlaceholders.captureReferences("${traceId} ${url:b}")).containsExactly("traceId");
    }
}
