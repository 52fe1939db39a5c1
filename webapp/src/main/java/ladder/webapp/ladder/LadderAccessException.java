package ladder.webapp.ladder;

/** The signed-in user may not read or change this ladder (another learner's, or a mentor's task). */
public class LadderAccessException extends RuntimeException {

    public LadderAccessException(String message) {
        super(message);
    }
}
