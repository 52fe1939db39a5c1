package ladder.webapp.ladder;

/** Someone else got there first: the topic changed meanwhile, the id is taken, the claim is already reviewed. */
public class LadderConflictException extends RuntimeException {

    public LadderConflictException(String message) {
        super(message);
    }
}
