package ladder.webapp.labs;

/**
 * A lab request that cannot be done; {@link #kind()} tells views and the API how to answer. The
 * message says what happened and what to do.
 */
public class LabException extends RuntimeException {

    /** What went wrong, which the API answers with its status. */
    public enum Kind {
        /** Bad input: a path that leaves the workspace, a file too large (400). */
        BAD_INPUT,
        /** No such lab or session, or not one the signed-in person may see (404). */
        NOT_FOUND,
        /** Seen but not theirs to change (403). */
        FORBIDDEN,
        /** The session's state does not allow it, or the learner already has a session (409). */
        CONFLICT,
        /** The server runs as many sessions as it may (429, with {@link #retryAfterSeconds()}). */
        CAPACITY,
        /** A body above the size limit (413). */
        TOO_LARGE
    }

    private final Kind kind;
    private final long retryAfterSeconds;

    public LabException(Kind kind, String message) {
        this(kind, message, 0);
    }

    public LabException(Kind kind, String message, long retryAfterSeconds) {
        super(message);
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
}
