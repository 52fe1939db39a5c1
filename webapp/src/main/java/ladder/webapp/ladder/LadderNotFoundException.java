package ladder.webapp.ladder;

/** No such learner, topic or assessment (said only to those allowed to know). */
public class LadderNotFoundException extends RuntimeException {

    public LadderNotFoundException(String message) {
        super(message);
    }
}
