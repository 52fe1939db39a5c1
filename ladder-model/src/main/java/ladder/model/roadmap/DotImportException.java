package ladder.model.roadmap;

import java.util.OptionalInt;

/**
 * DOT text refused by {@link DotImporter}: a syntax error, a rule of the roadmap broken (cycle,
 * self-loop, unknown status...) or a hostile attribute. {@link #reason()} says what is wrong;
 * {@link #line()} and {@link #column()} (1-based) say where, when the problem has a place.
 * {@link #getMessage()} combines them: {@code line 3, column 7: expected '=' but found ']'}.
 */
public class DotImportException extends Exception {
    private final String reason;
    private final int line;
    private final int column;

    /** A problem without a place in the text, such as a cycle. */
    public DotImportException(String reason) {
        this(reason, 0, 0);
    }

    /** A problem at a line and column (1-based; 0 for none). */
    public DotImportException(String reason, int line, int column) {
        super(line > 0 ? "line " + line + ", column " + column + ": " + reason : reason);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** What is wrong, without the place. */
    public String reason() {
        return reason;
    }

    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    public OptionalInt column() {
        return line > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }
}
