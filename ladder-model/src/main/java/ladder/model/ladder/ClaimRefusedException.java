package ladder.model.ladder;

/** Thrown when a claim or a review is refused; the message says why, for the person who made it. */
public class ClaimRefusedException extends RuntimeException {

    public ClaimRefusedException(String message) {
        super(message);
    }
}
