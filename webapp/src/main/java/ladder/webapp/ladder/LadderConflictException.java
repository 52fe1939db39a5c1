package ladder.webapp.ladder;

import org.springframework.http.HttpStatus;

/**
 * Someone else got there first: the topic changed meanwhile, the id is taken, the claim is already reviewed
 * (HTTP 409).
 */
public class LadderConflictException extends LadderException {

    public LadderConflictException(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
