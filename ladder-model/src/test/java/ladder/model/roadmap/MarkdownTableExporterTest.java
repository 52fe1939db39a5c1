package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTableExporterTest {

    @Test
    void rows_are_sorted_by_goal_and_columns_padded_to_their_widest_cell() {
        Roadmap r = Roadmap.builder()
                .goal(Goal.of("zeta").withStatus(GoalStatus.IN_PROGRESS).withDescription("Last"))
                .goal(Goal.of("alpha").withParticipants(List.of("@ana", "@bob")).withDescription("A | B"))
                .build();

        assertThat(MarkdownTableExporter.export(r)).isEqualTo("""
                | goal  | status      | participants | description |
                |-------|-------------|--------------|-------------|
                | alpha | pending     | @ana @bob    | A \\| B      |
                | zeta  | in_progress |              | Last        |
                """);
    }

    @Test
    void line_breaks_in_cells_become_blanks_and_the_status_column_stays_at_least_eight_wide() {
        Roadmap r = Roadmap.builder().goal(Goal.of("a").withStatus(GoalStatus.DONE).withDescription("one\ntwo")).build();

        assertThat(MarkdownTableExporter.export(r)).isEqualTo("""
                | goal | status   | participants | description |
                |------|----------|--------------|-------------|
                | a    | done     |              | one two     |
                """);
    }

    @Test
    void ids_titles_descriptions_and_participants_carry_no_raw_html_into_the_table() {
        Roadmap r = Roadmap.builder()
                .goal(Goal.of("<img src=x onerror=alert(1)>").withParticipants(List.of("@ana"))
                        .withDescription("<script>alert(1)</script> & <a href=\"javascript:x\">me</a> \\| not a pipe"))
                .build();

        String table = MarkdownTableExporter.export(r);

        assertThat(table).doesNotContain("<").doesNotContain(">")
                .contains("| &lt;img src=x onerror=alert(1)&gt; |")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;a href=\"javascript:x\"&gt;me&lt;/a&gt; \\\\\\| not a pipe |");
        assertThat(table.lines().skip(2).findFirst().orElseThrow().replace("\\\\", "").replace("\\|", "").chars()
                .filter(c -> c == '|').count()).as("exactly the five column borders").isEqualTo(5);
    }
}
