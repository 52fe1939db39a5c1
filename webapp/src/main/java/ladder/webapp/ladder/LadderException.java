package ladder.webapp.ladder;

import ladder.webapp.api.RefusedRequestException;
import org.springframework.http.HttpStatus;

/**
 * Bad input to the ladder (unknown topic or rung, missing evidence, ...): the message names the problem.
 * HTTP 400; its subclasses say when it is something else.
 */
public class LadderException extends RefusedRequestException {

    public LadderException(String message) {
        this(HttpStatus.BAD_REQUEST, message);
    }

    /** For the subclasses, which answer with another status. */
    protected LadderException(HttpStatus status, String message) {
        super(status, message);
    }
}
