package ladder.webapp.ladder;

import org.springframework.http.HttpStatus;

/** No such learner, topic or assessment (said only to those allowed to know): HTTP 404. */
public class NoSuchLadderEntryException extends LadderException {

    public NoSuchLadderEntryException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }
}
