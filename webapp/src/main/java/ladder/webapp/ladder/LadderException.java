package ladder.webapp.ladder;

/** Bad input to the ladder (unknown topic or rung, missing evidence, ...): the message names the problem. */
public class LadderException extends RuntimeException {

    public LadderException(String message) {
        super(message);
    }
}
