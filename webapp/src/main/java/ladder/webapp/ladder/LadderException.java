package ladder.webapp.ladder;

import ladder.webapp.api.RefusedRequest;
import org.springframework.http.HttpStatus;

/**
 * Bad input to the ladder (unknown topic or rung, missing evidence, ...): the message names the problem.
 * HTTP 400; its subclasses say when it is something else.
 */
public class LadderException extends RuntimeException implements RefusedRequest {

    public LadderException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
