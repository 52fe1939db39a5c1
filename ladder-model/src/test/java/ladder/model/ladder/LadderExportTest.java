package ladder.model.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ladder.model.MarkdownText;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.junit.jupiter.api.Test;

class LadderExportTest {

    private static final TopicCatalog CATALOG = TopicCatalog.of(List.of(
            new Topic("metrics", "Metrics", "Observability", "Time series.", Map.of(), false),
            new Topic("slo", "SLOs, \"error\" budgets", "Reliability", "Budgets.", Map.of(), false),
            new Topic("pipes", "Pipes | tables", "Odd", "", Map.of(), false),
            new Topic("nagios", "Nagios", "Old", "", Map.of(), true)));

    private LadderState sampleLadder() {
        History history = new History();
        history.lab("metrics", Rung.ABILITY);
        history.self("slo", Rung.KNOWLEDGE, "");
        history.self("slo", Rung.ACTION, "I wrote our burn-rate alerts");
        history.self("nagios", Rung.DATA, "");
        return history.fold(CATALOG);
    }

    @Test
    void markdown_lists_each_topic_with_its_confirmed_rung_pending_claim_and_next_step() {
        assertThat(LadderExport.markdown(sampleLadder())).isEqualTo("""
                # Knowledge ladder of alice

                | topic | confirmed rung | pending claim | next step |
                |---|---|---|---|
                | Metrics | Ability (know-how) | — | Get a mentor's confirmation of Action on Metrics (+ will). |
                | SLOs, "error" budgets | Knowledge | Action (waiting for review) | Pass a lab on SLOs, "error" budgets or show evidence to a mentor. |
                | Pipes \\| tables | — | — | Self-assess Pipes \\| tables at Symbols (up to Knowledge your own assessment is enough). |
                | Nagios (retired) | Data | — | — |
                """);
    }

    @Test
    void markdown_cells_cannot_break_the_table_or_inject_html() {
        String cell = MarkdownText.cell("a|b\nc\r\nd <script>&amp; \\|");

        assertThat(cell).isEqualTo("a\\|b c d &lt;script&gt;&amp;amp; \\\\\\|");
        assertThat(cell).doesNotContain("\n").doesNotContain("<").doesNotContain(">");
    }

    @Test
    void csv_has_a_header_and_one_crlf_terminated_row_per_topic_with_quoting_where_needed() {
        assertThat(LadderExport.csv(sampleLadder())).isEqualTo(String.join("\r\n",
                "topic_id,topic,area,retired,confirmed_rung,confirmed_level,pending_claim,next_rung,next_step",
                "metrics,Metrics,Observability,false,ability,5,,action,Get a mentor's confirmation of Action on Metrics (+ will).",
                "slo,\"SLOs, \"\"error\"\" budgets\",Reliability,false,knowledge,4,action,ability,"
                        + "\"Pass a lab on SLOs, \"\"error\"\" budgets or show evidence to a mentor.\"",
                "pipes,Pipes | tables,Odd,false,,,,symbols,"
                        + "Self-assess Pipes | tables at Symbols (up to Knowledge your own assessment is enough).",
                "nagios,Nagios,Old,true,data,2,,,",
                ""));
    }

    @Test
    void a_csv_cell_that_a_spreadsheet_would_run_as_a_formula_is_defused() {
        assertThat(LadderExport.csvCell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(LadderExport.csvCell("@alice")).isEqualTo("'@alice");
        assertThat(LadderExport.csvCell("-1")).isEqualTo("'-1");
        assertThat(LadderExport.csvCell("plain")).isEqualTo("plain");
    }

    @Property
    void any_csv_cell_reads_back_as_written_apart_from_the_formula_guard(@ForAll String text) {
        String expected = !text.isEmpty() && "=+-@\t".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;

        assertThat(readCsvLine(LadderExport.csvCell(text) + "," + LadderExport.csvCell("next") + "\r\n"))
                .containsExactly(expected, "next");
    }

    @Property
    void any_markdown_cell_stays_on_one_line_without_an_unescaped_pipe(@ForAll String text) {
        String cell = MarkdownText.cell(text);

        assertThat(cell).doesNotContain("\n").doesNotContain("\r").doesNotContain("<");
        assertThat(cell.replace("\\\\", "").replace("\\|", "")).doesNotContain("|");
    }

    /** A strict RFC 4180 reader for one record, written independently of the exporter. */
    private static List<String> readCsvLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean atCellStart = true;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && atCellStart) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                atCellStart = true;
                i++;
                continue;
            } else if (c == '\r' && line.startsWith("\r\n", i)) {
                cells.add(cell.toString());
                return cells;
            } else if (c == '"' || c == '\n' || c == '\r') {
                throw new AssertionError("unquoted special character at " + i + " in " + line);
            } else {
                cell.append(c);
            }
            atCellStart = false;
            i++;
        }
        throw new AssertionError("record not terminated by CRLF: " + line);
    }
}
