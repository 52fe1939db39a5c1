package ladder.webapp.roadmap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** DOT or a roadmap larger than Ladder accepts (1 MiB, 2,000 goals, 10,000 edges): HTTP 413. */
public class RoadmapTooLargeException extends RoadmapException {
    public RoadmapTooLargeException(String message, @Nullable Integer line, @Nullable Integer column) {
        super(HttpStatus.CONTENT_TOO_LARGE, message, line, column);
    }

    public RoadmapTooLargeException(String message) {
        this(message, null, null);
    }

}
