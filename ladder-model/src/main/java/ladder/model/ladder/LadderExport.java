package ladder.model.ladder;

import java.util.List;
import java.util.Optional;
import ladder.model.MarkdownText;

/**
 * Writes a learner's ladder as Markdown or CSV: one row per topic with its confirmed rung, pending
 * claim and next step, in the order of {@link LadderState#topics()}.
 */
public final class LadderExport {

    private LadderExport() {
    }

    /**
     * A Markdown document: a heading naming the learner and a GitHub-style table with the columns
     * topic, confirmed rung, pending claim and next step. Rungs show their display names; empty
     * cells show "—"; retired topics say so. Cell text is escaped so it cannot break the table
     * ({@code |}, backslashes, line breaks) or inject HTML ({@code <}, {@code >}, {@code &}): see
     * {@link MarkdownText#cell}.
     */
    public static String markdown(LadderState state) {
        StringBuilder out = new StringBuilder();
        out.append("# Knowledge ladder of ").append(MarkdownText.cell(state.learner())).append("\n\n");
        out.append("| topic | confirmed rung | pending claim | next step |\n");
        out.append("|---|---|---|---|\n");
        for (TopicLevel level : state.topics()) {
            Topic topic = level.topic();
            String name = topic.retired() ? topic.name() + " (retired)" : topic.name();
            out.append("| ").append(MarkdownText.cell(name))
                    .append(" | ").append(MarkdownText.cell(level.confirmedRung().map(Rung::displayName).orElse("—")))
                    .append(" | ").append(MarkdownText.cell(pendingText(level).orElse("—")))
                    .append(" | ").append(MarkdownText.cell(level.next().map(NextStep::text).orElse("—")))
                    .append(" |\n");
        }
        return out.toString();
    }

    /**
     * RFC 4180 CSV with a header line and CRLF line ends. Columns: {@code topic_id}, {@code topic},
     * {@code area}, {@code retired} ({@code true}/{@code false}), {@code confirmed_rung} and
     * {@code confirmed_level} (rung id and 1..8, empty when none), {@code pending_claim} (rung id,
     * empty when none), {@code next_rung} (rung id, empty when none), {@code next_step} (sentence).
     * A cell containing a comma, quote or line break is quoted with quotes doubled. A cell starting
     * with {@code =}, {@code +}, {@code -}, {@code @} or a tab gets a leading {@code '} so that
     * spreadsheets do not run it as a formula.
     */
    public static String csv(LadderState state) {
        StringBuilder out = new StringBuilder();
        csvLine(out, List.of("topic_id", "topic", "area", "retired", "confirmed_rung", "confirmed_level",
                "pending_claim", "next_rung", "next_step"));
        for (TopicLevel level : state.topics()) {
            Topic topic = level.topic();
            csvLine(out, List.of(
                    topic.id(),
                    topic.name(),
                    topic.area(),
                    Boolean.toString(topic.retired()),
                    level.confirmedRung().map(Rung::id).orElse(""),
                    level.confirmedRung().map(rung -> Integer.toString(rung.level())).orElse(""),
                    level.pending().map(claim -> claim.rung().id()).orElse(""),
                    level.next().map(step -> step.rung().id()).orElse(""),
                    level.next().map(NextStep::text).orElse("")));
        }
        return out.toString();
    }

    private static Optional<String> pendingText(TopicLevel level) {
        return level.pending().map(claim -> claim.rung().displayName() + " (waiting for review)");
    }

    private static void csvLine(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvCell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String csvCell(String text) {
        String cell = text;
        if (!cell.isEmpty() && "=+-@\t".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
