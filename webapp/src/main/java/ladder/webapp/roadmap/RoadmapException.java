package ladder.webapp.roadmap;

import ladder.model.roadmap.DotImportException;
import ladder.model.roadmap.DotTooLargeException;
import ladder.webapp.api.RefusedRequestException;
import org.springframework.http.HttpStatus;
import org.jspecify.annotations.Nullable;

/**
 * A roadmap request that cannot be done as asked: bad DOT, a cycle, an unknown goal, a bad name.
 * {@link #line()} and {@link #column()} say where in the DOT, when known. Answered with HTTP 400.
 */
public class RoadmapException extends RefusedRequestException {
    private final @Nullable Integer line;
    private final @Nullable Integer column;

    public RoadmapException(String message) {
        this(message, null, null);
    }

    public RoadmapException(String message, @Nullable Integer line, @Nullable Integer column) {
        this(HttpStatus.BAD_REQUEST, message, line, column);
    }

    /** For {@link RoadmapTooLargeException}. */
    protected RoadmapException(HttpStatus status, String message, @Nullable Integer line, @Nullable Integer column) {
        super(status, message);
        this.line = line;
        this.column = column;
    }

    static RoadmapException of(DotImportException e) {
        Integer line = e.line().isPresent() ? e.line().getAsInt() : null;
        Integer column = e.column().isPresent() ? e.column().getAsInt() : null;
        return e instanceof DotTooLargeException
                ? new RoadmapTooLargeException(e.getMessage(), line, column)
                : new RoadmapException(e.getMessage(), line, column);
    }

    @Override
    public @Nullable Integer line() {
        return line;
    }

    @Override
    public @Nullable Integer column() {
        return column;
    }
}
