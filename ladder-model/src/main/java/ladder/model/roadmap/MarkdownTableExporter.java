package ladder.model.roadmap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ladder.model.MarkdownText;

/**
 * Writes a roadmap as the GitHub Markdown table of the seed ({@code seed-table.md}): columns
 * goal | status | participants | description, one row per goal sorted by goal id (in
 * {@link String#compareTo} order), every column
 * padded with blanks to its widest cell and underlined by as many dashes (plus the two blanks around
 * cells). As in the seed, the status column is at least {@value #STATUS_MIN_WIDTH} wide. Cells are
 * written by {@link MarkdownText#cell}, as in the ladder's export: {@code |} as {@code \|},
 * backslashes doubled, {@code &}, {@code <}, {@code >} as entities, so no raw HTML passes through,
 * and line breaks as blanks. Lines end with {@code \n}, the last too.
 */
public final class MarkdownTableExporter {
    /** The seed table's status column is one wider than its widest cell, "pending"; kept byte for byte. */
    static final int STATUS_MIN_WIDTH = 8;

    private MarkdownTableExporter() {
    }

    public static String export(Roadmap roadmap) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("goal", "status", "participants", "description"));
        roadmap.goals().stream().sorted(Comparator.comparing(Goal::id)).forEach(goal -> rows.add(List.of(
                cell(goal.id()), goal.status().dotName(), cell(String.join(" ", goal.participants())),
                cell(goal.description()))));
        int[] widths = {0, STATUS_MIN_WIDTH, 0, 0};
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        var out = new StringBuilder();
        line(out, rows.get(0), widths);
        out.append('|');
        for (int width : widths) {
            out.append("-".repeat(width + 2)).append('|');
        }
        out.append('\n');
        rows.subList(1, rows.size()).forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> row, int[] widths) {
        out.append('|');
        for (int i = 0; i < widths.length; i++) {
            String cell = row.get(i);
            out.append(' ').append(cell).append(" ".repeat(widths[i] - width(cell))).append(" |");
        }
        out.append('\n');
    }

    private static String cell(String text) {
        return MarkdownText.cell(text);
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
