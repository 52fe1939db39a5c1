package ladder.webapp.labs;

import java.util.Map;
import ladder.webapp.api.RefusedRequestException;
import org.springframework.http.HttpStatus;

/**
 * A lab request that cannot be done; {@link #kind()} tells views how to answer, and the API answers with its
 * status. The message says what happened and what to do.
 */
public class LabException extends RefusedRequestException {

    /** What went wrong, which the API answers with its status. */
    public enum Kind {
        /** Bad input: a path that leaves the workspace, a file too large (400). */
        BAD_INPUT(HttpStatus.BAD_REQUEST),
        /** No such lab or session, or not one the signed-in person may see (404). */
        NOT_FOUND(HttpStatus.NOT_FOUND),
        /** Seen but not theirs to change (403). */
        FORBIDDEN(HttpStatus.FORBIDDEN),
        /** The session's state does not allow it, or the learner already has a session (409). */
        CONFLICT(HttpStatus.CONFLICT),
        /** The server runs as many sessions as it may (429, with {@link #retryAfterSeconds()}). */
        CAPACITY(HttpStatus.TOO_MANY_REQUESTS),
        /** A body above the size limit (413). */
        TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE);

        private final HttpStatus status;

        Kind(HttpStatus status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final long retryAfterSeconds;

    public LabException(Kind kind, String message) {
        this(kind, message, 0);
    }

    public LabException(Kind kind, String message, long retryAfterSeconds) {
        super(kind.status, message);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#CAPACITY}: when the first running session reaches its time limit. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A full server says when to try again. */
    @Override
    public Map<String, String> headers() {
        return kind == Kind.CAPACITY ? Map.of("Retry-After", Long.toString(retryAfterSeconds)) : Map.of();
    }
}
