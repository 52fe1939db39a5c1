package ladder.webapp.ladder;

import org.springframework.http.HttpStatus;

/** The acting user may not read or change this ladder (another learner's, or a mentor's task): HTTP 403. */
public class LadderAccessDeniedException extends LadderException {

    public LadderAccessDeniedException(String message) {
        super(HttpStatus.FORBIDDEN, message);
    }
}
