package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributesTest {

    @Test
    void attributes_keep_the_order_in_which_names_were_first_set() {
        Attributes a = Attributes.empty().with("shape", "box").with("color", "red").with("shape", "circle");

        assertThat(a.asMap()).containsExactly(entry("shape", "circle"), entry("color", "red"));
        assertThat(a.without("shape").asMap()).containsExactly(entry("color", "red"));
        assertThat(a.without("absent")).isSameAs(a);
    }

    @Test
    void equality_looks_at_order_values_and_the_html_flag() {
        Attributes one = Attributes.of(List.of(Attribute.of("a", "1"), Attribute.of("b", "2")));

        assertThat(one).isEqualTo(Attributes.empty().with("a", "1").with("b", "2"));
        assertThat(one).isNotEqualTo(Attributes.empty().with("b", "2").with("a", "1"));
        assertThat(one).isNotEqualTo(one.with(new Attribute("b", "2", true)));
        assertThat(one.attribute("b")).hasValue(Attribute.of("b", "2"));
    }
}
